// The SMS agent's state in one conversation, above the reply box: paused after a staff reply (with
// Resume), waiting for a person (with Mark handled), and in suggest mode its drafted reply with what
// sending it would do, to Send, Edit (in the reply box) or Dismiss. Refreshed by the inbox's live events.
import "./agent-strip.css";
import { Alert, apiErrorCode, apiErrorMessage, Badge, Button } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { describeWrite, wallTime, writesNeedNames } from "../agent/agent-format.ts";
import { useCatalogNames } from "../agent/use-catalog-names.ts";
import { fullTime } from "./format.ts";

export type AgentThread = RouterOutputs["tenant"]["agent"]["thread"];

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

/** "3:40 PM" today, "Mar 3, 2026, 3:40 PM" on another day. */
export function pauseEnd(iso: string, now = new Date()): string {
  const at = new Date(iso);
  return at.toDateString() === now.toDateString() ? timeOfDay.format(at) : fullTime(iso);
}

/**
 * The open times a 409 on a stale draft names (its cause: `{ code: "DRAFT_STALE", reason, alternatives }`),
 * nearest first; none when the refusal has no such list.
 */
export function draftAlternatives(error: unknown): string[] {
  const cause = (error as { data?: { cause?: { alternatives?: unknown } } } | null)?.data?.cause;
  const alternatives = cause?.alternatives;
  return Array.isArray(alternatives) ? alternatives.filter((iso): iso is string => typeof iso === "string") : [];
}

export function AgentStrip({
  conversationId,
  onEditDraft,
  editingDraft,
}: {
  conversationId: string;
  /** Puts the draft's text in the reply box, to send (through sendDraft) as edited. */
  onEditDraft: (body: string) => void;
  /** The draft is in the reply box: its buttons here step aside. */
  editingDraft: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const agent = useQuery(trpc.tenant.agent.thread.queryOptions({ conversationId }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.tenant.agent.thread.queryFilter({ conversationId })),
      queryClient.invalidateQueries(trpc.tenant.inbox.pathFilter()),
    ]);
  const options = { onSuccess: () => void refresh() };
  const resume = useMutation(trpc.tenant.agent.resume.mutationOptions(options));
  const resolve = useMutation(trpc.tenant.agent.resolveHandoff.mutationOptions(options));
  const dismiss = useMutation(trpc.tenant.agent.dismissDraft.mutationOptions(options));
  const send = useMutation(
    trpc.tenant.agent.sendDraft.mutationOptions({
      onSuccess: () => void refresh(),
      // The draft is gone (sent or dismissed by someone else): show what is there now.
      onError: (error) => (apiErrorCode(error) === "NOT_FOUND" ? void refresh() : undefined),
    }),
  );
  const writes = agent.data?.draft?.writes ?? [];
  const names = useCatalogNames(writesNeedNames(writes));

  if (agent.isPending) return null;
  if (agent.isError) {
    // Without the plan feature the agent has nothing to show here; any other failure is said.
    if (apiErrorCode(agent.error) === "FORBIDDEN") return null;
    return (
      <Alert
        tone="warning"
        className="agent-strip"
        title="The AI agent's status couldn't load"
        actions={
          <Button size="sm" onClick={() => void agent.refetch()} loading={agent.isFetching}>
            Try again
          </Button>
        }
      >
        {apiErrorMessage(agent.error)}
      </Alert>
    );
  }

  const { pausedUntil, handoff, draft } = agent.data;
  const paused = pausedUntil !== null && new Date(pausedUntil).getTime() > Date.now();
  if (!paused && !handoff && !draft) return null;
  const busy = resume.isPending || resolve.isPending || dismiss.isPending || send.isPending;
  const sendError = send.isError ? send.error : null;
  const alternatives = sendError ? draftAlternatives(sendError) : [];

  return (
    <section className="agent-strip" aria-label="AI agent">
      {handoff ? (
        <div className="agent-strip__row agent-strip__row--handoff">
          <p className="agent-strip__text">
            <Badge tone="warning">Needs a person</Badge> <span>{handoff.reason}</span>
            <span className="agent-strip__meta">
              {" "}
              since <time dateTime={handoff.at}>{fullTime(handoff.at)}</time>
            </span>
          </p>
          <Button
            size="sm"
            onClick={() => resolve.mutate({ conversationId })}
            loading={resolve.isPending}
            disabled={busy}
          >
            Mark handled
          </Button>
        </div>
      ) : null}
      {resolve.isError ? (
        <p role="alert" className="agent-strip__error">
          {apiErrorMessage(resolve.error)}
        </p>
      ) : null}
      {paused ? (
        <div className="agent-strip__row">
          <p className="agent-strip__text">
            Agent paused until <time dateTime={pausedUntil}>{pauseEnd(pausedUntil)}</time> (you replied).
          </p>
          <Button
            size="sm"
            onClick={() => resume.mutate({ conversationId })}
            loading={resume.isPending}
            disabled={busy}
          >
            Resume
          </Button>
        </div>
      ) : null}
      {resume.isError ? (
        <p role="alert" className="agent-strip__error">
          {apiErrorMessage(resume.error)}
        </p>
      ) : null}
      {draft ? (
        <div className="agent-strip__draft">
          <p className="agent-strip__label">
            <Badge tone="info">Draft</Badge> The agent suggests this reply
            <span className="agent-strip__meta">
              {" "}
              · <time dateTime={draft.createdAt}>{fullTime(draft.createdAt)}</time>
            </span>
          </p>
          <blockquote className="agent-strip__body">{draft.body}</blockquote>
          {draft.writes.length > 0 ? (
            <div className="agent-strip__effects">
              <p className="agent-strip__label">Sending it also:</p>
              <ul>
                {draft.writes.map((write, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the draft's writes are a fixed list
                  <li key={index}>{describeWrite(write, names)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {sendError ? (
            <Alert tone="error" title={apiErrorMessage(sendError)}>
              {alternatives.length > 0 ? `Open times nearby: ${alternatives.map(wallTime).join("; ")}.` : null}
            </Alert>
          ) : null}
          {dismiss.isError ? (
            <p role="alert" className="agent-strip__error">
              {apiErrorMessage(dismiss.error)}
            </p>
          ) : null}
          {editingDraft ? (
            <p className="agent-strip__meta">Editing in the reply box below.</p>
          ) : (
            <div className="agent-strip__actions">
              <Button
                size="sm"
                variant="primary"
                onClick={() => send.mutate({ conversationId })}
                loading={send.isPending}
                disabled={busy}
              >
                Send
              </Button>
              <Button
                size="sm"
                onClick={() => {
                  send.reset();
                  onEditDraft(draft.body);
                }}
                disabled={busy}
              >
                Edit
              </Button>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => dismiss.mutate({ conversationId })}
                loading={dismiss.isPending}
                disabled={busy}
              >
                Dismiss
              </Button>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
