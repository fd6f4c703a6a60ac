import { Badge } from "@servicepro/ui";
import {
  type AgentWrite,
  actionLabel,
  brainLabel,
  describeWrite,
  intentLabel,
  prettyJson,
  wallTime,
  writesNeedNames,
} from "./agent-format.ts";
import { useCatalogNames } from "./use-catalog-names.ts";

export type TurnDetails = {
  intent: string;
  secondaryIntents: readonly string[];
  action: string;
  brain: string;
  proposedStarts: readonly string[];
  toolCalls: readonly { name: string; args?: unknown; result?: unknown }[];
  writes: readonly AgentWrite[];
  refusals: readonly string[];
  handoff: { reason: string } | null;
};

/**
 * Why the agent answered as it did: what it understood, what it did, which brain, the times it
 * offered, each tool it called (collapsed: name, arguments, result), what a real text would have
 * changed, and anything the guards refused or handed to a person.
 */
export function AgentTurnDetails({ turn, label }: { turn: TurnDetails; label: string }) {
  const names = useCatalogNames(writesNeedNames(turn.writes));
  return (
    <section className="agent-turn" aria-label={label}>
      <dl className="agent-facts">
        <div>
          <dt>Understood</dt>
          <dd>
            {intentLabel(turn.intent)}
            {turn.secondaryIntents.length > 0 ? (
              <span className="sp-muted"> (also: {turn.secondaryIntents.map(intentLabel).join(", ")})</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Did</dt>
          <dd>{actionLabel(turn.action)}</dd>
        </div>
        <div>
          <dt>Answered by</dt>
          <dd>{brainLabel(turn.brain)}</dd>
        </div>
        {turn.proposedStarts.length > 0 ? (
          <div>
            <dt>Times offered</dt>
            <dd>
              <ul className="agent-turn__times">
                {turn.proposedStarts.map((iso) => (
                  <li key={iso}>
                    <time dateTime={iso}>{wallTime(iso)}</time>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {turn.writes.length > 0 ? (
          <div>
            <dt>A real text would have</dt>
            <dd>
              <ul className="agent-turn__writes">
                {turn.writes.map((write, index) => (
                  // Writes have no id; their order is the turn's own and never changes.
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, rendered once per turn
                  <li key={index}>{describeWrite(write, names)}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      {turn.handoff ? (
        <p className="agent-turn__flag">
          <Badge tone="warning">Needs a person</Badge> {turn.handoff.reason}
        </p>
      ) : null}
      {turn.refusals.length > 0 ? (
        <div className="agent-turn__flag">
          <Badge tone="danger">Refused by the guards</Badge>
          <ul className="agent-turn__refusals">
            {turn.refusals.map((refusal) => (
              <li key={refusal}>{refusal}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {turn.toolCalls.length > 0 ? (
        <details className="agent-tools">
          <summary>
            {turn.toolCalls.length === 1 ? "1 tool call" : `${turn.toolCalls.length} tool calls`}:{" "}
            {turn.toolCalls.map((call) => call.name).join(", ")}
          </summary>
          <ol className="agent-tools__list">
            {turn.toolCalls.map((call, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same tool may be called twice; order is fixed
              <li key={index} className="agent-tool">
                <p className="agent-tool__name">{call.name}</p>
                <p className="agent-tool__label">Arguments</p>
                <pre className="agent-tool__json">{prettyJson(call.args)}</pre>
                <p className="agent-tool__label">Result</p>
                <pre className="agent-tool__json">{prettyJson(call.result)}</pre>
              </li>
            ))}
          </ol>
        </details>
      ) : (
        <p className="agent-turn__none sp-muted">No tools called.</p>
      )}
    </section>
  );
}
