// Test mode: staff text their own agent. The real engine runs on the business's real configuration
// and calendar, as an unknown sender with no customer row, in a dry run: tools read, nothing is
// written or sent, and the turn (intent, action, tool calls, would-be writes) is shown as it is.
import {
  type AgentCustomer,
  type AgentTurn,
  type Brain,
  DEFAULT_LIMITS,
  runTurn,
  stateFromHistory,
  type Turn,
} from "@servicepro/agent";
import type { TenantTx } from "@servicepro/db";
import { loadAgentFacts } from "./facts.ts";
import { loadAgentSettings } from "./settings.ts";
import { createDbWorld } from "./world.ts";

/** The test sender: a number nobody has (555-01xx is reserved for fiction), unknown to the business. */
export const SANDBOX_PHONE = "+15555550199";
/** Not a customer id: the world's ownership check finds nothing for it. */
const NO_CUSTOMER = "sandbox";

export async function runSandbox(
  tx: TenantTx,
  input: {
    history: readonly { from: "customer" | "agent"; text: string }[];
    inbound: string;
    now: Date;
    publicBaseUrl: string;
    brain?: Brain;
  },
): Promise<AgentTurn> {
  const facts = await loadAgentFacts(tx, { publicBaseUrl: input.publicBaseUrl, now: input.now });
  const settings = await loadAgentSettings(tx);
  const customer: AgentCustomer = { known: false, name: null, phone: SANDBOX_PHONE, profile: {}, appointments: [] };
  const history: Turn[] = input.history.map((turn) => ({ from: turn.from, text: turn.text }));
  const recentAgentTexts = history.filter((turn) => turn.from === "agent").length;
  const world = createDbWorld(tx, { customerId: NO_CUSTOMER, now: input.now, dryRun: true });
  return runTurn(
    {
      facts,
      customer,
      state: stateFromHistory(history, facts, customer, input.now),
      history,
      inbound: input.inbound,
      now: input.now,
      limits: {
        ...DEFAULT_LIMITS,
        agentRepliesLastHour: Math.min(recentAgentTexts, settings.maxRepliesPerHour - 1),
        maxRepliesPerHour: settings.maxRepliesPerHour,
      },
    },
    { world, ...(input.brain ? { brain: input.brain } : {}) },
  );
}
