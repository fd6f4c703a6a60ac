import { apiErrorMessage, apiFieldErrors, Dialog, TextAreaField, TextField } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { DialogFormFooter } from "./DialogFormFooter.tsx";
import { useRefreshCatalog } from "./refresh.ts";

type Faq = RouterOutputs["tenant"]["catalog"]["faqs"][number];

/** Adds a question customers ask (no `faq`) or edits one; the AI receptionist answers from these. */
export function FaqDialog({ faq, onClose }: { faq?: Faq; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshCatalog();
  const [question, setQuestion] = useState(faq?.question ?? "");
  const [answer, setAnswer] = useState(faq?.answer ?? "");
  const onSuccess = async () => {
    await refresh();
    onClose();
  };
  const create = useMutation(trpc.tenant.catalog.createFaq.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.tenant.catalog.updateFaq.mutationOptions({ onSuccess }));
  const mutation = faq ? update : create;
  const errors = mutation.isError ? apiFieldErrors(mutation.error) : {};
  const formError = mutation.isError && Object.keys(errors).length === 0 ? apiErrorMessage(mutation.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (faq) update.mutate({ id: faq.id, question, answer });
    else create.mutate({ question, answer });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={faq ? "Edit question" : "Add a question"}
      description="Your AI receptionist and website answer customers with these."
    >
      <form className="sp-stack" onSubmit={submit} noValidate>
        <TextField
          label="Question"
          name="question"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          error={errors.question}
          required
          maxLength={200}
        />
        <TextAreaField
          label="Answer"
          name="answer"
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          error={errors.answer}
          rows={4}
          maxLength={1000}
          showCount
        />
        <DialogFormFooter
          error={formError}
          errorTitle="The question wasn't saved"
          pending={mutation.isPending}
          submitLabel={faq ? "Save changes" : "Add question"}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
