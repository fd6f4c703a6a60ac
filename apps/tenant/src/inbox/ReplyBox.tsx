import { Alert, applyServerErrors, Button, Form, FormTextAreaField, useZodForm } from "@servicepro/ui";
import { SMS_BODY_MAX, smsBodySchema } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useState } from "react";
import { z } from "zod";

const replySchema = z.object({ body: smsBodySchema });

/**
 * The reply form. Each message gets an idempotency key when it is first sent and keeps it until
 * it succeeds, so a double click or a retry after a network error sends it once.
 */
export function ReplyBox({
  conversationId,
  customerName,
  optedOut,
}: {
  conversationId: string;
  customerName: string;
  optedOut: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Checked on submit only: an empty box is not a mistake until Send is pressed.
  const form = useZodForm(replySchema, { defaultValues: { body: "" }, mode: "onSubmit" });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [sentNotice, setSentNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const reply = useMutation(
    trpc.tenant.inbox.reply.mutationOptions({
      onSuccess: () => {
        form.reset({ body: "" });
        setKey(crypto.randomUUID());
        setSentNotice("Message queued. Its delivery status appears on it in the thread.");
        void queryClient.invalidateQueries(trpc.tenant.inbox.pathFilter());
      },
      onError: (error) => setFormError(applyServerErrors(form.setError, error, ["body"])),
    }),
  );
  const body = form.watch("body");

  const send = (values: { body: string }) => {
    if (reply.isPending || optedOut) return;
    setSentNotice(null);
    setFormError(null);
    reply.mutate({ conversationId, body: values.body, idempotencyKey: key });
  };
  // Ctrl/Cmd+Enter sends; Enter alone makes a new line (texts often have several).
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void form.handleSubmit(send)();
  };

  return (
    <Form form={form} onSubmit={send} className="inbox-reply" aria-label={`Reply to ${customerName}`}>
      {formError ? (
        <Alert tone="error" title="Your message wasn't sent">
          {formError}
        </Alert>
      ) : null}
      {sentNotice && !formError ? (
        <p className="sp-visually-hidden" role="status">
          {sentNotice}
        </p>
      ) : null}
      <FormTextAreaField
        label="Reply"
        name="body"
        placeholder={optedOut ? "This customer opted out of texts." : `Text ${customerName}…`}
        onValueChange={() => setFormError(null)}
        onKeyDown={onKeyDown}
        maxLength={SMS_BODY_MAX}
        showCount
        rows={3}
        disabled={optedOut}
        hint={optedOut ? undefined : "Ctrl+Enter to send."}
      />
      <div className="inbox-reply__actions">
        <Button type="submit" variant="primary" loading={reply.isPending} disabled={optedOut || !body.trim()}>
          {reply.isPending ? "Sending…" : "Send"}
        </Button>
      </div>
    </Form>
  );
}
