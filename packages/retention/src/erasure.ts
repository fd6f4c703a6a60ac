// A customer's erasure request (issue 16, part 4): their personal data is removed from the
// business's records in one tenant transaction, with counts in the deletion log and an audit row.
//
// What is KEPT, and why (ADR-ready):
// - The consent ledger, untouched: `sms_consent_events` (phone, opt-in/opt-out state, source,
//   purpose, evidence such as the STOP text and its MessageSid or the wording shown at opt-in, and
//   the timestamps) and the current state in `sms_consents` / `marketing_consents`. The TCPA puts
//   the burden of proving prior express consent on the sender, and claims can be brought for four
//   years (28 U.S.C. § 1658); the CTIA guidelines require an opt-out to be honoured for good. An
//   erased opt-out row would mean "no opt-out on record" and the number could be texted again.
//   GDPR Art. 17(3)(b) and (e) allow keeping what a legal obligation or the defence of legal claims
//   needs. The ledger is keyed by phone, not by the customer, and holds nothing else about them.
// - The customer row itself, anonymised (no name, email, address, notes, tags, other phones; the
//   phone replaced by "erased:<id>"): appointments, the points ledger and campaign results point
//   at it, and the business's own figures (visits, spend) stay as anonymous numbers.
// - Appointments (without their notes) and the points ledger (append-only; entries hold points and
//   ids, no personal data): the business's bookkeeping, not the person.
// - Call rows (the calls log), with the caller's number, name, words and recording removed.
// What is REMOVED: the texts of their thread (the messages, the thread, the agent's runs and state),
// portal sessions and sign-in challenges, the assets' descriptions, pending reminders, review
// requests and rebook reminders (no text goes out to them again), and the phone on campaign sends.

import { tenantDb } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { type DeletionTrigger, type RetentionDeps, readState, recordDeletion } from "./deps.ts";
import { deletionRefusal } from "./policy.ts";

export const LEGAL_HOLD_MESSAGE =
  "This business is under a legal hold: no data can be deleted or erased until the platform lifts it.";

export type ErasureRequest = {
  tenantId: string;
  customerId: string;
  actorUserId: string | null;
  trigger?: DeletionTrigger;
  requestId?: string | undefined;
};

export type ErasureResult = { deletionId: string; counts: Record<string, number>; recordingsAtTwilio: number };

/** The placeholder that replaces an erased customer's phone (unique per customer, never a number). */
export const erasedPhone = (customerId: string) => `erased:${customerId}`;

export async function eraseCustomer(
  deps: Pick<RetentionDeps, "db" | "twilio" | "logger">,
  request: ErasureRequest,
): Promise<ErasureResult> {
  const { tenantId, customerId } = request;
  const done = await tenantDb(deps.db, tenantId).run(async (tx) => {
    const state = await readState(tx, tenantId);
    if (!state || deletionRefusal(state)) throw new AppError("CONFLICT", LEGAL_HOLD_MESSAGE);
    const customer = await tx.customer.findUnique({ where: { tenantId_id: { tenantId, id: customerId } } });
    if (!customer) throw new AppError("NOT_FOUND", "There is no such customer in this business.");
    const conversations = await tx.conversation.findMany({ where: { customerId }, select: { id: true } });
    const conversationIds = conversations.map((c) => c.id);
    const appointments = await tx.appointment.findMany({ where: { customerId }, select: { id: true } });
    const appointmentIds = appointments.map((a) => a.id);
    const recordings = await tx.call.findMany({
      where: { customerId, recordingSid: { not: null } },
      select: { recordingSid: true },
    });
    const counts = {
      messages: (await tx.message.deleteMany({ where: { conversationId: { in: conversationIds } } })).count,
      agentRuns: (await tx.agentRun.deleteMany({ where: { conversationId: { in: conversationIds } } })).count,
      agentThreads: (await tx.agentThread.deleteMany({ where: { conversationId: { in: conversationIds } } })).count,
      conversations: (await tx.conversation.deleteMany({ where: { id: { in: conversationIds } } })).count,
      portalSessions: (await tx.customerSession.deleteMany({ where: { customerId } })).count,
      portalChallenges: (await tx.portalChallenge.deleteMany({ where: { customerId } })).count,
      reminders: (await tx.appointmentReminder.deleteMany({ where: { appointmentId: { in: appointmentIds } } })).count,
      reviewRequests: (await tx.reviewRequest.deleteMany({ where: { appointmentId: { in: appointmentIds } } })).count,
      rebookReminders: (await tx.rebookReminder.deleteMany({ where: { customerId } })).count,
      assets: (
        await tx.asset.updateMany({
          where: { customerId },
          data: { label: "Erased", details: {}, notes: null, archivedAt: new Date() },
        })
      ).count,
      appointments: (
        await tx.appointment.updateMany({
          where: { customerId },
          data: { customerNotes: null, staffNotes: null, cancelReason: null },
        })
      ).count,
      calls: (
        await tx.call.updateMany({
          where: { customerId },
          data: {
            fromNumber: "erased",
            callerName: null,
            forwardedFrom: null,
            transcription: null,
            consentText: null,
            recordingSid: null,
            recordingUrl: null,
            recordingDurationSeconds: null,
            recordingStatus: "deleted",
          },
        })
      ).count,
      campaignSends: (
        await tx.campaignSend.updateMany({ where: { customerId }, data: { phone: erasedPhone(customerId) } })
      ).count,
      customer: (
        await tx.customer.updateMany({
          where: { id: customerId },
          data: {
            phone: erasedPhone(customerId),
            altPhones: [],
            name: null,
            email: null,
            address: null,
            notes: null,
            tags: [],
            sortName: "",
            searchText: "",
          },
        })
      ).count,
    };
    const deletionId = await recordDeletion(tx, tenantId, {
      kind: "customer_erasure",
      cutoff: null,
      counts,
      trigger: request.trigger ?? "staff",
      actorUserId: request.actorUserId,
      customerId,
      requestId: request.requestId,
    });
    return { deletionId, counts, sids: recordings.flatMap((r) => (r.recordingSid ? [r.recordingSid] : [])) };
  });
  // The recordings at Twilio, after the commit: the links are gone either way; a failure is logged
  // (the nightly recording job no longer sees these, so the log is where an operator finds it).
  let recordingsAtTwilio = 0;
  if (deps.twilio) {
    for (const sid of done.sids) {
      try {
        await deps.twilio.recordings(sid).remove();
        recordingsAtTwilio++;
      } catch (error) {
        if ((error as { status?: number }).status === 404) continue;
        deps.logger.error(
          { tenantId, customerId, recordingSid: sid, err: error },
          "erasure: Twilio did not delete a recording; delete it in the Twilio console",
        );
      }
    }
  }
  return { deletionId: done.deletionId, counts: done.counts, recordingsAtTwilio };
}
