import { Alert, apiErrorCode, Badge, Button, Card, LoadErrorAlert, MessageBubble, Spinner } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { AgentStrip } from "./AgentStrip.tsx";
import { ConsentReviewBanner } from "./ConsentReviewBanner.tsx";
import { customerLabel, deliveryStatus, formatPhone, fullTime, longDate } from "./format.ts";
import { ReplyBox } from "./ReplyBox.tsx";

type Thread = RouterOutputs["tenant"]["inbox"]["thread"];
type Message = Thread["messages"][number];

const AUTOMATED_KINDS: Record<string, string> = {
  missed_call: "Missed-call text",
  booking_link: "Booking link",
  help: "Help reply",
  opt_out_confirmation: "Opt-out confirmation",
  opt_in_confirmation: "Opt-in confirmation",
  ai_reply: "AI reply",
};

export function ThreadPanel({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const thread = useQuery(trpc.tenant.inbox.thread.queryOptions({ conversationId }));
  const [older, setOlder] = useState<{ messages: Message[]; cursor: string | null } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const endRef = useRef<HTMLLIElement>(null);
  /** The agent's draft, put in the reply box to edit; `version` refills the box when Edit is pressed again. */
  const [draftEdit, setDraftEdit] = useState<{ body: string; version: number } | null>(null);

  const latest = thread.data;
  const newestId = latest?.messages.at(-1)?.id;
  // Opening the thread marks it read on the server: refresh the list's unread badges.
  const wasUnread = useRef(false);
  useEffect(() => {
    if (!latest) return;
    if (!wasUnread.current) {
      wasUnread.current = true;
      void queryClient.invalidateQueries(trpc.tenant.inbox.conversations.pathFilter());
      void queryClient.invalidateQueries(trpc.tenant.inbox.unread.pathFilter());
    }
  }, [latest, queryClient, trpc]);
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [newestId]);

  if (thread.isPending) {
    return (
      <Card className="inbox-thread">
        <div className="sp-center tenant-loading">
          <Spinner label="Loading the conversation…" showLabel />
        </div>
      </Card>
    );
  }
  if (thread.isError) {
    const notFound = apiErrorCode(thread.error) === "NOT_FOUND";
    return (
      <div className="inbox-thread">
        <LoadErrorAlert
          title="This conversation couldn't be loaded"
          error={thread.error}
          onRetry={notFound ? undefined : () => void thread.refetch()}
          retrying={thread.isFetching}
        />
        {notFound ? (
          <Button size="sm" onClick={onClose}>
            Back to the inbox
          </Button>
        ) : null}
      </div>
    );
  }

  const { conversation } = thread.data;
  const name = customerLabel(conversation.customer);
  const olderCursor = older ? older.cursor : thread.data.olderCursor;
  const messages = [...(older?.messages ?? []), ...thread.data.messages];

  const loadOlder = async () => {
    if (!olderCursor) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await queryClient.fetchQuery(
        trpc.tenant.inbox.thread.queryOptions({ conversationId, before: olderCursor }),
      );
      setOlder((prev) => ({ messages: [...page.messages, ...(prev?.messages ?? [])], cursor: page.olderCursor }));
    } catch (error) {
      setOlderError(error);
    } finally {
      setLoadingOlder(false);
    }
  };

  return (
    <Card
      className="inbox-thread"
      title={name}
      description={
        <>
          {conversation.customer.name ? `${formatPhone(conversation.customer.phone)} · ` : ""}
          texting your number {formatPhone(conversation.tenantNumber)}
        </>
      }
      actions={
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
      }
    >
      <div className="inbox-thread__body">
        {conversation.optedOutAt ? (
          <Alert tone="warning" title="This customer opted out of texts">
            {optOutSentence(name, conversation.optedOutVia, longDate(conversation.optedOutAt))} They have to text START
            before you can message them.
          </Alert>
        ) : null}
        {olderCursor ? (
          <div className="inbox-thread__older">
            <Button size="sm" variant="ghost" onClick={() => void loadOlder()} loading={loadingOlder}>
              Load earlier messages
            </Button>
          </div>
        ) : null}
        {olderError ? (
          <LoadErrorAlert
            title="Earlier messages couldn't be loaded"
            error={olderError}
            onRetry={() => void loadOlder()}
          />
        ) : null}
        <ol className="inbox-thread__messages" aria-label={`Messages with ${name}`} aria-live="polite">
          {messages.map((m) => (
            <li key={m.id} className={`inbox-thread__message inbox-thread__message--${m.direction}`}>
              {m.consentReview === "pending" ? <ConsentReviewBanner messageId={m.id} customerName={name} /> : null}
              <MessageBubble
                direction={m.direction}
                sender={
                  m.direction === "outbound" ? (m.sentBy ?? AUTOMATED_KINDS[m.kind] ?? "Automatic text") : undefined
                }
                time={
                  <time dateTime={m.createdAt} title={fullTime(m.createdAt)}>
                    {fullTime(m.createdAt)}
                  </time>
                }
                status={m.direction === "outbound" ? <StatusBadge message={m} /> : undefined}
                error={
                  m.direction === "outbound" && (m.status === "failed" || m.status === "undelivered")
                    ? deliveryError(m)
                    : undefined
                }
              >
                {m.body}
                {m.media.length > 0 ? <MessageMedia media={m.media} from={name} /> : null}
              </MessageBubble>
            </li>
          ))}
          <li ref={endRef} aria-hidden="true" className="inbox-thread__end" />
        </ol>
        <AgentStrip
          conversationId={conversationId}
          editingDraft={draftEdit !== null}
          onEditDraft={(body) => setDraftEdit((previous) => ({ body, version: (previous?.version ?? 0) + 1 }))}
        />
        <ReplyBox
          conversationId={conversationId}
          customerName={name}
          optedOut={conversation.optedOutAt !== null}
          draftEdit={draftEdit}
          onDraftEditEnd={() => setDraftEdit(null)}
        />
      </div>
    </Card>
  );
}

/**
 * A text's photos and attachments, always through our session-checked /media/messages route:
 * images as thumbnails that open full size in a new tab, anything else as a download link.
 */
export function MessageMedia({ media, from }: { media: Message["media"]; from: string }) {
  const images = media.filter((part) => part.inline).length;
  return (
    <ul className="inbox-media" aria-label="Attachments">
      {media.map((part, index) => (
        <li key={part.url} className="inbox-media__item">
          {part.inline ? (
            <a href={part.url} target="_blank" rel="noopener noreferrer" className="inbox-media__link">
              <img
                src={part.url}
                alt={images > 1 ? `Photo ${index + 1} from ${from}` : `Photo from ${from}`}
                loading="lazy"
                className="inbox-media__thumb"
              />
            </a>
          ) : (
            <a href={part.url} download className="inbox-media__file">
              📎 Download attachment ({part.contentType})
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

function StatusBadge({ message }: { message: Message }) {
  const { label, tone } = deliveryStatus(message);
  return <Badge tone={tone}>{label}</Badge>;
}

function deliveryError(m: Message): string {
  const reason = m.errorMessage ?? "The carrier did not deliver it.";
  return m.errorCode ? `${reason} (error ${m.errorCode})` : reason;
}

/** How the customer came to be opted out, in words staff can repeat to them. */
function optOutSentence(name: string, via: string | null, date: string): string {
  switch (via) {
    case "keyword":
      return `${name} texted STOP on ${date}.`;
    case "free_text":
      return `${name} asked by text on ${date} not to be texted.`;
    case "staff":
      return `Staff opted ${name} out of texts on ${date}.`;
    case "provider_21610":
      return `The carrier reported on ${date} that ${name} blocks texts from this number.`;
    case "voicemail":
      return `${name} asked in a voicemail on ${date} not to be texted.`;
    case "voice_menu":
      return `${name} asked at the phone menu on ${date} not to be texted.`;
    case "portal":
      return `${name} turned texts off in their customer portal on ${date}.`;
    default:
      return `${name} opted out of texts on ${date}.`;
  }
}
