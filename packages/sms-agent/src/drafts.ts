// Suggest mode's second half: staff send the agent's draft (as written or edited). Its writes are
// applied through the same guarded world as auto-pilot's (the sender's own appointments only, the
// online booking rules, one booking), and the text is queued in the same transaction: a drafted
// time that was taken meanwhile refuses the whole send with the reason and the nearest open times.
import type { Refusal, Write } from "@servicepro/agent";
import type { TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import type { Outbox } from "@servicepro/sms";
import { NO_DRAFT, updateThread } from "./settings.ts";
import { createDbWorld } from "./world.ts";

export type SentDraft = { messageId: string; conversationId: string; reminderIds: string[]; queued: boolean };

export const noDraft = () =>
  new AppError(
    "NOT_FOUND",
    "There's no draft to send in this conversation. It may have been sent or dismissed already.",
  );

const draftWritesOf = (value: unknown): Write[] =>
  Array.isArray(value)
    ? value.filter((w): w is Write => Boolean(w) && typeof (w as { kind?: unknown }).kind === "string")
    : [];

function refused(refusal: Refusal): AppError {
  const alternatives = refusal.alternatives.map((d) => d.toISOString());
  const message =
    alternatives.length > 0
      ? `${refusal.message} Dismiss the draft and offer one of the open times, or reply yourself.`
      : `${refusal.message} Dismiss the draft and reply yourself.`;
  return new AppError("CONFLICT", message, {
    reason: { code: "DRAFT_STALE", reason: refusal.reason, alternatives } as { code: string },
  });
}

/**
 * Applies the conversation's draft and queues its text (kind ai_reply, sent by `userId`), in `tx`.
 * Throws 404 without a draft, 409 when a drafted change can no longer be made, 412 when the text
 * cannot be sent (opted out, account paused); nothing is written then.
 */
export async function sendDraft(
  tx: TenantTx,
  deps: { outbox: Outbox },
  input: { tenantId: string; conversationId: string; userId: string; body?: string | undefined; now: Date },
): Promise<SentDraft> {
  const thread = await tx.agentThread.findFirst({ where: { conversationId: input.conversationId } });
  if (!thread?.draftBody || !thread.draftForMessageId) throw noDraft();
  const conversation = await tx.conversation.findFirst({
    where: { id: input.conversationId },
    select: { customerId: true },
  });
  if (!conversation) throw noDraft();
  const world = createDbWorld(tx, {
    customerId: conversation.customerId,
    now: input.now,
    dryRun: false,
    messageId: thread.draftForMessageId,
  });
  for (const write of draftWritesOf(thread.draftWrites)) {
    const result = await applyWrite(world, write);
    if (!result.ok) throw refused(result);
  }
  const queued = await deps.outbox.queueSms(tx, {
    conversationId: input.conversationId,
    body: input.body?.trim() || thread.draftBody,
    kind: "ai_reply",
    purposeKey: `ai_reply:${thread.draftForMessageId}`,
    sentByUserId: input.userId,
  });
  if (queued.status === "opted_out")
    throw new AppError(
      "PRECONDITION_FAILED",
      "This customer opted out of texts, so the draft can't be sent. Dismiss it; they have to text START first.",
    );
  if (queued.status === "automation_paused")
    throw new AppError(
      "PRECONDITION_FAILED",
      "Texting is paused while your account is suspended or cancelled. Contact ServicePro support to reopen it.",
    );
  await updateThread(tx, input.tenantId, input.conversationId, { ...NO_DRAFT });
  await tx.agentRun.updateMany({
    where: { inboundMessageId: thread.draftForMessageId, outcome: "drafted" },
    data: { outcome: "sent", writes: JSON.parse(JSON.stringify(world.writes())) },
  });
  return {
    messageId: queued.message.id,
    conversationId: input.conversationId,
    reminderIds: world.reminderIds(),
    queued: queued.status === "queued",
  };
}

/** One drafted write, made for real. */
async function applyWrite(world: ReturnType<typeof createDbWorld>, write: Write): Promise<{ ok: true } | Refusal> {
  switch (write.kind) {
    case "appointment.book":
      return world.book({
        serviceId: write.serviceId,
        addOnIds: write.addOnIds,
        start: new Date(write.start),
        notes: null,
      });
    case "appointment.reschedule":
      return world.reschedule({ appointmentId: write.appointmentId, start: new Date(write.start) });
    case "appointment.cancel":
      return world.cancel({
        appointmentId: write.appointmentId,
        reason: "Cancelled by text (agent draft sent by staff)",
      });
    case "appointment.add_on":
      return world.addAddOn({ appointmentId: write.appointmentId, addOnId: write.addOnId });
    case "appointment.confirm":
      return world.confirm({ appointmentId: write.appointmentId });
    default:
      // Opt-outs and hand-offs were recorded when the draft was made.
      return { ok: true };
  }
}
