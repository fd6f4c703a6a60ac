import { Badge, Button, Card, EmptyState, LoadErrorAlert, Spinner } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { customerLabel, fullTime } from "../inbox/format.ts";
import { actionLabel, brainLabel, intentLabel, outcomeOf } from "./agent-format.ts";

const PAGE = 20;

/** What the agent did lately, newest first, a page at a time; each run links to its conversation. */
export function AgentRuns() {
  const trpc = useTRPC();
  const runs = useInfiniteQuery(
    trpc.tenant.agent.runs.infiniteQueryOptions(
      { limit: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const description = "Every text the agent read, what it understood and what it did.";
  if (runs.isPending) {
    return (
      <Card title="Recent agent activity" description={description}>
        <Spinner label="Loading the agent's activity…" showLabel />
      </Card>
    );
  }
  if (!runs.data) {
    // Failed before the first page (a failed "older" page keeps the list and says so below it).
    return (
      <LoadErrorAlert
        title="The agent's activity couldn't load"
        error={runs.error}
        onRetry={() => void runs.refetch()}
        retrying={runs.isFetching}
      />
    );
  }
  const items = runs.data.pages.flatMap((page) => page.items);
  return (
    <Card title="Recent agent activity" description={description} flush>
      {items.length === 0 ? (
        <EmptyState
          headingLevel={3}
          title="Nothing yet"
          description="When the agent reads a customer's text, it is listed here."
        />
      ) : (
        <ol className="agent-runs" aria-label="Recent agent activity">
          {items.map((run) => {
            const outcome = outcomeOf(run.outcome);
            const who = customerLabel(run.customer);
            return (
              <li key={run.id} className="agent-run">
                <div className="agent-run__top">
                  <span className="agent-run__who">{who}</span>
                  <time className="agent-run__time" dateTime={run.at}>
                    {fullTime(run.at)}
                  </time>
                  <Badge tone={outcome.tone}>{outcome.label}</Badge>
                </div>
                <p className="agent-run__text">{run.inbound ? `“${run.inbound}”` : "(no text)"}</p>
                {/* A run the agent skipped (paused, over its hourly cap) may not have read the text at all. */}
                <dl className="agent-facts">
                  {run.intent ? (
                    <div>
                      <dt>Understood</dt>
                      <dd>{intentLabel(run.intent)}</dd>
                    </div>
                  ) : null}
                  {run.action ? (
                    <div>
                      <dt>Did</dt>
                      <dd>{actionLabel(run.action)}</dd>
                    </div>
                  ) : null}
                  {run.brain ? (
                    <div>
                      <dt>Answered by</dt>
                      <dd>{brainLabel(run.brain)}</dd>
                    </div>
                  ) : null}
                </dl>
                <Link
                  to="/inbox"
                  search={{ conversation: run.conversationId }}
                  className="agent-run__link"
                  aria-label={`Open the conversation with ${who}`}
                >
                  Open the conversation
                </Link>
              </li>
            );
          })}
        </ol>
      )}
      {runs.hasNextPage ? (
        <div className="agent-runs__more">
          <Button size="sm" onClick={() => void runs.fetchNextPage()} loading={runs.isFetchingNextPage}>
            Show older activity
          </Button>
        </div>
      ) : null}
      {runs.isFetchNextPageError ? (
        <LoadErrorAlert
          title="Older activity couldn't load"
          error={runs.error}
          onRetry={() => void runs.fetchNextPage()}
        />
      ) : null}
    </Card>
  );
}
