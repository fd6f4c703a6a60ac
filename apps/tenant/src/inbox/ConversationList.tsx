import { Badge, Button, Card } from "@servicepro/ui";
import type { RouterOutputs } from "@servicepro/web";
import { customerLabel, formatPhone, fullTime, shortTime } from "./format.ts";

type Conversation = RouterOutputs["tenant"]["inbox"]["conversations"]["items"][number];

export interface ConversationListProps {
  items: readonly Conversation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** Conversations, newest first; each is a button that opens its thread. */
export function ConversationList({
  items,
  selectedId,
  onSelect,
  hasMore,
  loadingMore,
  onLoadMore,
}: ConversationListProps) {
  return (
    <Card className="inbox-list" flush>
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
                  aria-label={`${name}${unread ? `, ${c.unreadCount} unread` : ""}${c.optedOutAt ? ", opted out" : ""}${c.needsConsentReview ? ", needs review" : ""}: ${c.preview}`}
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
