import { Alert, applyServerErrors, Button, Form, FormTextAreaField, useZodForm } from "@servicepro/ui";
import { SMS_BODY_MAX, smsBodySchema } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useState } from "react";
import { z } from "zod";

const replySchema = z.object({ body: smsBodySchema });

/**
 * The reply form. Each message gets an idempotency key when it is first sent and keeps it until
 * it succeeds, so a double click or a retry after a network error sends it once.
 *
 * With `draftEdit`, the box holds the AI agent's draft for staff to edit: Send then goes through
 * tenant.agent.sendDraft with the edited text (which also applies what the draft books or moves),
 * and "Cancel edit" returns to an ordinary reply.
 */
export function ReplyBox({
  conversationId,
  customerName,
  optedOut,
  draftEdit = null,
  onDraftEditEnd = () => {},
}: {
  conversationId: string;
  customerName: string;
  optedOut: boolean;
  draftEdit?: { body: string; version: number } | null;
  onDraftEditEnd?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Checked on submit only: an empty box is not a mistake until Send is pressed.
  const form = useZodForm(replySchema, { defaultValues: { body: "" }, mode: "onSubmit" });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [sentNotice, setSentNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const onSent = (notice: string) => {
    form.reset({ body: "" });
    setSentNotice(notice);
    // A staff reply pauses the agent here, and a sent draft is gone: the strip shows both.
    void queryClient.invalidateQueries(trpc.tenant.inbox.pathFilter());
    void queryClient.invalidateQueries(trpc.tenant.agent.thread.queryFilter({ conversationId }));
  };
  const reply = useMutation(
    trpc.tenant.inbox.reply.mutationOptions({
      onSuccess: () => {
        setKey(crypto.randomUUID());
        onSent("Message queued. Its delivery status appears on it in the thread.");
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, ["body"])),
    }),
  );
  const sendDraft = useMutation(
    trpc.tenant.agent.sendDraft.mutationOptions({
      onSuccess: () => {
        onDraftEditEnd();
        onSent("The edited draft is queued. Its delivery status appears on it in the thread.");
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, ["body"])),
    }),
  );
  const editing = draftEdit !== null;
  const version = draftEdit?.version;
  // Edit pressed (again): the box takes the draft's text.
  useEffect(() => {
    if (draftEdit) {
      form.reset({ body: draftEdit.body });
      setFormError(null);
      setSentNotice(null);
    }
    // Only a new Edit press (a new version) refills the box, never a re-render while typing.
  }, [version]);
  const body = form.watch("body");
  const pending = reply.isPending || sendDraft.isPending;

  const send = (values: { body: string }) => {
    if (pending || optedOut) return;
    setSentNotice(null);
    setFormError(null);
    if (editing) sendDraft.mutate({ conversationId, body: values.body });
    else reply.mutate({ conversationId, body: values.body, idempotencyKey: key });
  };
  const cancelEdit = () => {
    form.reset({ body: "" });
    setFormError(null);
    onDraftEditEnd();
  };
  // Ctrl/Cmd+Enter sends; Enter alone makes a new line (texts often have several).
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void form.handleSubmit(send)();
  };

  return (
    <Form form={form} onSubmit={send} className="inbox-reply" aria-label={`Reply to ${customerName}`}>
      {formError ? (
        <Alert tone="error" title={editing ? "The draft wasn't sent" : "Your message wasn't sent"}>
          {formError}
        </Alert>
      ) : null}
      {sentNotice && !formError ? (
        <p className="sp-visually-hidden" role="status">
          {sentNotice}
        </p>
      ) : null}
      <FormTextAreaField
        label={editing ? "Edit the agent's draft" : "Reply"}
        name="body"
        placeholder={optedOut ? "This customer opted out of texts." : `Text ${customerName}…`}
        onValueChange={() => setFormError(null)}
        onKeyDown={onKeyDown}
        maxLength={SMS_BODY_MAX}
        showCount
        rows={3}
        disabled={optedOut}
        hint={
          optedOut
            ? undefined
            : editing
              ? "Sending it also does what the draft says above. Ctrl+Enter to send."
              : "Ctrl+Enter to send."
        }
      />
      <div className="inbox-reply__actions">
        {editing ? (
          <Button variant="ghost" onClick={cancelEdit} disabled={pending}>
            Cancel edit
          </Button>
        ) : null}
        <Button type="submit" variant="primary" loading={pending} disabled={optedOut || !body.trim()}>
          {pending ? "Sending…" : editing ? "Send draft" : "Send"}
        </Button>
      </div>
    </Form>
  );
}
