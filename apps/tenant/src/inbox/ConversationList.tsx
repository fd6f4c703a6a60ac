import { WITHHELD_CALLER_LABEL } from "@servicepro/telephony/phone";
import { Badge, Button, Card } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { customerLabel, formatPhone, fullTime, shortTime } from "./format.ts";

type Conversation = RouterOutputs["tenant"]["inbox"]["conversations"]["items"][number];
type ConsentReview = RouterOutputs["tenant"]["inbox"]["consentReviews"]["items"][number];

export interface ConversationListProps {
  items: readonly Conversation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/**
 * Conversations, newest first; each is a button that opens its thread. When texts or calls wait for
 * an opt-out decision, a "Needs review (N)" toggle in the header lists them instead (texts open their
 * conversation, calls lead to the calls log, where both decisions are offered).
 */
export function ConversationList({
  items,
  selectedId,
  onSelect,
  hasMore,
  loadingMore,
  onLoadMore,
}: ConversationListProps) {
  const trpc = useTRPC();
  const [reviewing, setReviewing] = useState(false);
  const reviews = useInfiniteQuery(
    trpc.tenant.inbox.consentReviews.infiniteQueryOptions(
      { limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const total = reviews.data?.pages[0]?.total ?? 0;
  // The last item decided while the filter is on leaves nothing to show: back to the conversations.
  const showReviews = reviewing && total > 0;
  const header =
    total > 0 ? (
      <div className="inbox-list__header">
        <Button
          size="sm"
          variant={showReviews ? "primary" : "secondary"}
          aria-pressed={showReviews}
          onClick={() => setReviewing(!showReviews)}
        >
          {`Needs review (${total})`}
        </Button>
      </div>
    ) : null;

  if (showReviews)
    return (
      <Card className="inbox-list" flush>
        {header}
        <nav aria-label="Needs review">
          <ul className="inbox-list__items">
            {reviews.data?.pages
              .flatMap((page) => page.items)
              .map((item) => (
                <li key={item.kind === "text" ? item.messageId : item.callId}>
                  <ReviewItem item={item} selectedId={selectedId} onSelect={onSelect} />
                </li>
              ))}
          </ul>
        </nav>
        {reviews.hasNextPage ? (
          <div className="inbox-list__more">
            <Button size="sm" onClick={() => void reviews.fetchNextPage()} loading={reviews.isFetchingNextPage}>
              Load older reviews
            </Button>
          </div>
        ) : null}
      </Card>
    );

  return (
    <Card className="inbox-list" flush>
      {header}
      <nav aria-label="Conversations">
        <ul className="inbox-list__items">
          {items.map((c) => {
            const name = customerLabel(c.customer);
            const unread = c.unreadCount > 0;
            return (
              <li key={c.id}>
                <button
                  type="button"
                  className="inbox-list__item"
                  aria-current={c.id === selectedId ? "true" : undefined}
                  aria-label={`${name}${unread ? `, ${c.unreadCount} unread` : ""}${c.optedOutAt ? ", opted out" : ""}${c.needsConsentReview ? ", needs review" : ""}${c.agentHandoff ? ", needs a person" : ""}${c.agentDraft ? ", agent draft waiting" : ""}: ${c.preview}`}
                  onClick={() => onSelect(c.id)}
                >
                  <span className="inbox-list__top">
                    <span className={unread ? "inbox-list__name inbox-list__name--unread" : "inbox-list__name"}>
                      {name}
                    </span>
                    <time className="inbox-list__time" dateTime={c.lastMessageAt} title={fullTime(c.lastMessageAt)}>
                      {shortTime(c.lastMessageAt)}
                    </time>
                  </span>
                  {c.customer.name ? <span className="inbox-list__phone">{formatPhone(c.customer.phone)}</span> : null}
                  <span className="inbox-list__bottom">
                    <span className="inbox-list__preview">
                      {c.lastDirection === "outbound" ? "You: " : ""}
                      {c.preview || "(no text)"}
                    </span>
                    {unread ? <Badge tone="info">{c.unreadCount}</Badge> : null}
                    {c.optedOutAt ? <Badge tone="warning">Opted out</Badge> : null}
                    {c.needsConsentReview ? <Badge tone="warning">Needs review</Badge> : null}
                    {c.agentHandoff ? <Badge tone="warning">Needs a person</Badge> : null}
                    {c.agentDraft ? <Badge tone="info">Draft</Badge> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      {hasMore ? (
        <div className="inbox-list__more">
          <Button size="sm" onClick={onLoadMore} loading={loadingMore}>
            Load older conversations
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

/** One pending review: a text opens its conversation; a call leads to the calls log, where it is decided. */
function ReviewItem({
  item,
  selectedId,
  onSelect,
}: {
  item: ConsentReview;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const time = (
    <time className="inbox-list__time" dateTime={item.createdAt} title={fullTime(item.createdAt)}>
      {shortTime(item.createdAt)}
    </time>
  );
  if (item.kind === "text") {
    const name = customerLabel(item.customer);
    return (
      <button
        type="button"
        className="inbox-list__item"
        aria-current={item.conversationId === selectedId ? "true" : undefined}
        aria-label={`Text from ${name}, needs review: ${item.text}`}
        onClick={() => onSelect(item.conversationId)}
      >
        <span className="inbox-list__top">
          <span className="inbox-list__name">{name}</span>
          {time}
        </span>
        <span className="inbox-list__bottom">
          <span className="inbox-list__preview">{item.text || "(no text)"}</span>
          <Badge tone="warning">Text</Badge>
        </span>
      </button>
    );
  }
  const name = item.caller.name ?? (item.caller.phone ? formatPhone(item.caller.phone) : WITHHELD_CALLER_LABEL);
  const words = item.text
    ? `“${item.text}”`
    : item.channel === "speech"
      ? "Said something at the phone menu"
      : "Left a voicemail";
  return (
    // A plain link: the calls log is its own page, and there the call offers both decisions.
    <a className="inbox-list__item" href="/calls" aria-label={`Call from ${name}, needs review: ${words}`}>
      <span className="inbox-list__top">
        <span className="inbox-list__name">{name}</span>
        {time}
      </span>
      <span className="inbox-list__bottom">
        <span className="inbox-list__preview">{words}</span>
        <Badge tone="warning">Call</Badge>
      </span>
    </a>
  );
}
