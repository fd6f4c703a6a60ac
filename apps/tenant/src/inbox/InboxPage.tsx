// The SMS inbox: conversations on the left, the open thread on the right. The open conversation
// lives in the URL (?conversation=<id>) so a reload or a shared link reopens it.
import "./inbox.css";
import { apiErrorCode, Badge, Card, EmptyState, LoadErrorAlert, PageHeader, Spinner } from "@servicepro/ui";
import { useRefreshAuth, useTRPC } from "@servicepro/web";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect } from "react";
import { ConversationList } from "./ConversationList.tsx";
import { LiveIndicator } from "./LiveIndicator.tsx";
import { useLiveUpdates } from "./live.ts";
import { ThreadPanel } from "./ThreadPanel.tsx";

const route = getRouteApi("/inbox");

export function InboxPage() {
  const trpc = useTRPC();
  const live = useLiveUpdates();
  const refreshAuth = useRefreshAuth();
  const selected = route.useSearch().conversation ?? null;
  const navigate = route.useNavigate();
  const conversations = useInfiniteQuery(
    trpc.tenant.inbox.conversations.infiniteQueryOptions(
      { limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const unread = useQuery(trpc.tenant.inbox.unread.queryOptions());

  const code = conversations.isError ? apiErrorCode(conversations.error) : undefined;
  useEffect(() => {
    if (code === "UNAUTHORIZED" || code === "FORBIDDEN") void refreshAuth();
  }, [code, refreshAuth]);

  const items = conversations.data?.pages.flatMap((page) => page.items) ?? [];
  const select = (id: string | null) => void navigate({ search: id ? { conversation: id } : {}, replace: true });

  return (
    <div className="sp-stack">
      <title>Inbox · ServicePro</title>
      <PageHeader
        eyebrow="Messages"
        title="Inbox"
        titleAddon={
          unread.data && unread.data.conversations > 0 ? (
            <Badge tone="info">{`${unread.data.conversations} unread`}</Badge>
          ) : null
        }
        description="Text conversations with your customers. New messages appear as they arrive."
        actions={<LiveIndicator status={live} />}
      />
      {conversations.isPending ? (
        <Card>
          <div className="sp-center tenant-loading">
            <Spinner label="Loading conversations…" showLabel />
          </div>
        </Card>
      ) : conversations.isError ? (
        <LoadErrorAlert
          title="Your inbox couldn't be loaded"
          error={conversations.error}
          onRetry={code === "UNAUTHORIZED" || code === "FORBIDDEN" ? undefined : () => void conversations.refetch()}
          retrying={conversations.isFetching}
        />
      ) : items.length === 0 ? (
        <Card>
          <EmptyState
            title="No conversations yet"
            description="When a customer texts your business number, the conversation shows up here and you can reply."
          />
        </Card>
      ) : (
        <div className="inbox-layout">
          <ConversationList
            items={items}
            selectedId={selected}
            onSelect={select}
            hasMore={conversations.hasNextPage}
            loadingMore={conversations.isFetchingNextPage}
            onLoadMore={() => void conversations.fetchNextPage()}
          />
          {selected ? (
            <ThreadPanel key={selected} conversationId={selected} onClose={() => select(null)} />
          ) : (
            <Card className="inbox-thread inbox-thread--empty">
              <EmptyState
                headingLevel={2}
                title="Pick a conversation"
                description="Choose a customer on the left to read the thread and reply."
              />
            </Card>
          )}
        </div>
      )}
    </div>
  );
}
