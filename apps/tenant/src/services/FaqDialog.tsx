import { applyServerErrors, Dialog, Form, FormTextAreaField, FormTextField, useZodForm } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { faqFormSchema } from "./catalog-forms.ts";
import { DialogFormFooter } from "./DialogFormFooter.tsx";
import { useRefreshCatalog } from "./refresh.ts";

type Faq = RouterOutputs["tenant"]["catalog"]["faqs"][number];

/** Adds a question customers ask (no `faq`) or edits one; the AI receptionist answers from these. */
export function FaqDialog({ faq, onClose }: { faq?: Faq; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshCatalog();
  const form = useZodForm(faqFormSchema, {
    defaultValues: { question: faq?.question ?? "", answer: faq?.answer ?? "" },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const onSuccess = async () => {
    await refresh();
    onClose();
  };
  const onError = (error: unknown) => setFormError(applyServerErrors(form.setError, error, ["question", "answer"]));
  const create = useMutation(trpc.tenant.catalog.createFaq.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.tenant.catalog.updateFaq.mutationOptions({ onSuccess, onError }));
  const mutation = faq ? update : create;

  return (
    <Dialog
      open
      onClose={onClose}
      title={faq ? "Edit question" : "Add a question"}
      description="Your AI receptionist and website answer customers with these."
    >
      <Form
        form={form}
        className="sp-stack"
        onSubmit={(fields) => {
          setFormError(null);
          if (faq) update.mutate({ id: faq.id, ...fields });
          else create.mutate(fields);
        }}
      >
        <FormTextField label="Question" name="question" required maxLength={200} />
        <FormTextAreaField label="Answer" name="answer" rows={4} maxLength={1000} showCount />
        <DialogFormFooter
          error={formError}
          errorTitle="The question wasn't saved"
          pending={mutation.isPending}
          submitLabel={faq ? "Save changes" : "Add question"}
          onCancel={onClose}
        />
      </Form>
    </Dialog>
  );
}
