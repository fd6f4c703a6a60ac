import { Alert, apiErrorMessage, Button, TextAreaField } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type KeyboardEvent, useState } from "react";

const MAX_LENGTH = 1600;

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
  const [body, setBody] = useState("");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [sentNotice, setSentNotice] = useState<string | null>(null);
  const reply = useMutation(
    trpc.tenant.inbox.reply.mutationOptions({
      onSuccess: () => {
        setBody("");
        setKey(crypto.randomUUID());
        setSentNotice("Message queued. Its delivery status appears on it in the thread.");
        void queryClient.invalidateQueries(trpc.tenant.inbox.pathFilter());
      },
    }),
  );

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (reply.isPending || !body.trim() || optedOut) return;
    setSentNotice(null);
    reply.mutate({ conversationId, body, idempotencyKey: key });
  };
  // Ctrl/Cmd+Enter sends; Enter alone makes a new line (texts often have several).
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) send();
  };

  return (
    <form className="inbox-reply" onSubmit={send} aria-label={`Reply to ${customerName}`}>
      {reply.isError ? (
        <Alert tone="error" title="Your message wasn't sent">
          {apiErrorMessage(reply.error)}
        </Alert>
      ) : null}
      {sentNotice && !reply.isError ? (
        <p className="sp-visually-hidden" role="status">
          {sentNotice}
        </p>
      ) : null}
      <TextAreaField
        label="Reply"
        placeholder={optedOut ? "This customer opted out of texts." : `Text ${customerName}…`}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          if (reply.isError) reply.reset();
        }}
        onKeyDown={onKeyDown}
        maxLength={MAX_LENGTH}
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
    </form>
  );
}
