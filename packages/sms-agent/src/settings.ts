// How a business runs its agent (agent_settings, with the defaults when it never saved any), whether
// its plan allows it, and the conversation flags staff actions set (a pause after a reply, a draft
// cleared, a hand-off resolved).
import type { ConversationState } from "@servicepro/agent";
import { type AgentMode, type AgentThread, Prisma, type TenantTx } from "@servicepro/db";
import { hasFeature } from "@servicepro/features";
import { DEFAULT_AGENT_SETTINGS } from "@servicepro/validators";

export type AgentSettingsView = { mode: AgentMode; pauseMinutes: number; maxRepliesPerHour: number };

export async function loadAgentSettings(tx: TenantTx): Promise<AgentSettingsView> {
  const row = await tx.agentSettings.findFirst({
    select: { mode: true, pauseMinutes: true, maxRepliesPerHour: true },
  });
  return row ?? { ...DEFAULT_AGENT_SETTINGS };
}

/** Whether the plan includes the agent (the feature `aiSmsAgent`). */
export const planAllowsAgent = (tenant: { planTier: string }) => hasFeature(tenant, "aiSmsAgent");

/** The mode the agent actually runs in: off whenever the plan does not include it. */
export const effectiveMode = (settings: { mode: AgentMode }, tenant: { planTier: string }): AgentMode =>
  planAllowsAgent(tenant) ? settings.mode : "off";

/** The stored state, when it is one (an empty object: rebuild from the history). */
export function storedState(thread: Pick<AgentThread, "state"> | null): ConversationState | null {
  const state = thread?.state as Partial<ConversationState> | null | undefined;
  return state && typeof state === "object" && typeof state.phase === "string" ? (state as ConversationState) : null;
}

/** Upserts the conversation's agent row with `data` (the row is created on first use). */
export async function updateThread(
  tx: TenantTx,
  tenantId: string,
  conversationId: string,
  data: Omit<Prisma.AgentThreadUncheckedCreateInput, "tenantId" | "conversationId">,
): Promise<void> {
  await tx.agentThread.upsert({
    where: { tenantId_conversationId: { tenantId, conversationId } },
    create: { tenantId, conversationId, ...data },
    update: data,
  });
}

/** Fields that clear a draft. */
export const NO_DRAFT = {
  draftBody: null,
  draftWrites: Prisma.DbNull,
  draftForMessageId: null,
  draftCreatedAt: null,
} as const;

/**
 * A person replied in the inbox: the agent stays quiet on this conversation for the business's
 * pause, drops its draft, and forgets what it was in the middle of (it rereads the thread, which
 * now has the person's words, when it next answers).
 */
export async function pauseAfterStaffReply(
  tx: TenantTx,
  input: { tenantId: string; conversationId: string; now: Date },
): Promise<Date> {
  const settings = await loadAgentSettings(tx);
  const pausedUntil = new Date(input.now.getTime() + settings.pauseMinutes * 60_000);
  await updateThread(tx, input.tenantId, input.conversationId, { pausedUntil, state: {}, ...NO_DRAFT });
  return pausedUntil;
}
