/**
 * Delivers queued texts. Exactly once, even across crashes, by never calling Twilio inside a
 * transaction and never re-sending blindly:
 *
 *   1. lock the message; skip it unless it is pending, submitting or unknown;
 *   2. if an earlier attempt may have reached Twilio (submitting/unknown), ask Twilio first and
 *      adopt the message it already has;
 *   3. re-check consent and tenant status, mark it `submitting`, commit — unless a text from the
 *      recipient is acknowledged but not yet applied (it may be STOP): then wait (DeliveryHeld);
 *   4. call Twilio (no transaction open);
 *   5. store the SID and status — or the refusal (21610 also opts the number out), or `unknown`
 *      and let the queue retry, which starts again at 1.
 */
import { type Database, JOB_QUEUES, jobData, type TenantTx, tenantDb } from "@servicepro/db";
import { callerIdOf, isMessageStatus, type MessageStatus, OPTED_OUT_ERROR_CODE } from "@servicepro/telephony";
import { runsAutomations } from "@servicepro/tenancy/constants";
import type { PgBoss } from "pg-boss";
import { recordConsentChange } from "./consent.ts";
import type { SmsJob } from "./outbox.ts";
import { SmsOutcomeUnknown, SmsRejected, type SmsSender } from "./senders.ts";
import type { MessagingEvents } from "./types.ts";

export type WorkerLogger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type DeliveryDeps = {
  db: Database;
  sender: SmsSender;
  events: MessagingEvents;
  logger: WorkerLogger;
  /** Where Twilio posts delivery statuses, e.g. https://app.example.com/twilio/sms/status */
  statusCallbackUrl: string;
};

/** `not_sent`: handed to the dev sender, which only recorded it (no provider configured). */
export type DeliveryOutcome = "sent" | "not_sent" | "already_done" | "adopted" | "suppressed" | "rejected" | "missing";

const RETRYABLE = new Set<MessageStatus>(["pending", "submitting", "unknown"]);

const historyEntry = (status: string, extra: Record<string, unknown> = {}) => ({
  status,
  at: new Date().toISOString(),
  ...extra,
});

async function appendStatus(
  tx: TenantTx,
  tenantId: string,
  id: string,
  status: MessageStatus,
  data: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  await tx.$executeRaw`UPDATE messages SET status_history = status_history || ${JSON.stringify([historyEntry(status, extra)])}::jsonb WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`;
  await tx.message.update({ where: { tenantId_id: { tenantId, id } }, data: { status, ...data } });
}

/**
 * A text is not sent while a text from its recipient to this business is acknowledged but not yet
 * applied by the intake (it may say STOP: an opt-out holds from the moment Twilio has our answer).
 * The job is retried in a couple of seconds. An inbound event older than this is stuck, not in
 * flight (the operator sees it in twilio_events, docs/runbook.md), and holds nothing back.
 */
const INBOUND_IN_FLIGHT_SECONDS = 120;

export class DeliveryHeld extends Error {
  override name = "DeliveryHeld";
}

export async function deliverMessage(deps: DeliveryDeps, job: SmsJob): Promise<DeliveryOutcome> {
  const scoped = tenantDb(deps.db, job.tenantId);
  type Plan =
    | { kind: "done"; outcome: DeliveryOutcome }
    | { kind: "send"; from: string; to: string; body: string; conversationId: string };

  const plan = await scoped.run(async (tx): Promise<Plan> => {
    const [locked] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text FROM messages WHERE tenant_id = ${job.tenantId} AND id = ${job.messageId}::uuid FOR UPDATE`;
    if (!locked) return { kind: "done", outcome: "missing" };
    const message = await tx.message.findFirstOrThrow({ where: { id: job.messageId } });
    if (!RETRYABLE.has(message.status)) return { kind: "done", outcome: "already_done" };

    if (message.status !== "pending") {
      // An earlier attempt may have reached Twilio before we could record it: adopt, don't resend.
      const existing = await deps.sender.findSent({
        from: message.fromNumber,
        to: message.toNumber,
        body: message.body,
        since: message.createdAt,
      });
      if (existing) {
        const status = isMessageStatus(existing.status) ? existing.status : "accepted";
        const note = existing.notSentReason ? { errorMessage: existing.notSentReason } : {};
        await appendStatus(
          tx,
          job.tenantId,
          message.id,
          status,
          { twilioSid: existing.sid, ...note },
          { reconciled: true },
        );
        return { kind: "done", outcome: "adopted" };
      }
    }

    const tenant = await tx.tenant.findFirstOrThrow({ select: { status: true } });
    const consent = await tx.smsConsent.findFirst({ where: { phone: message.toNumber } });
    const paused = message.kind !== "staff_reply" && !runsAutomations(tenant.status);
    const optedOut = consent?.state === "opted_out" && message.kind !== "opt_out_confirmation";
    // The one place every text passes: a conversation with a short code, a sender name or a channel
    // address (whatsapp:…) is kept for staff to read, but nothing is sent to it, whoever asked.
    const notAPhone = callerIdOf(message.toNumber).kind !== "phone";
    if (optedOut || paused || notAPhone) {
      await appendStatus(tx, job.tenantId, message.id, "suppressed", {
        errorMessage: paused
          ? "The business's account is paused."
          : notAPhone
            ? "The recipient is not a phone number (a short code, sender name or channel address)."
            : "The recipient opted out.",
      });
      return { kind: "done", outcome: "suppressed" };
    }
    const [inFlight] = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM twilio_events
       WHERE tenant_id = ${job.tenantId} AND kind = 'sms_incoming' AND from_number = ${message.toNumber}
         AND failed_at IS NULL AND received_at > now() - make_interval(secs => ${INBOUND_IN_FLIGHT_SECONDS})
       LIMIT 1`;
    if (inFlight) throw new DeliveryHeld("a text from the recipient is not applied yet; delivery waits for it");
    await appendStatus(tx, job.tenantId, message.id, "submitting", { sendAttempts: { increment: 1 } });
    return {
      kind: "send",
      from: message.fromNumber,
      to: message.toNumber,
      body: message.body,
      conversationId: message.conversationId,
    };
  });
  if (plan.kind === "done") return plan.outcome;

  const statusCallback = `${deps.statusCallbackUrl}?t=${encodeURIComponent(job.tenantId)}&m=${job.messageId}`;
  try {
    const sent = await deps.sender.send({ from: plan.from, to: plan.to, body: plan.body, statusCallback });
    const status = isMessageStatus(sent.status) ? sent.status : "accepted";
    await scoped.run(async (tx) => {
      // A status callback may already have moved it further; only fill in what is missing.
      const current = await tx.message.findFirstOrThrow({ where: { id: job.messageId }, select: { status: true } });
      await tx.message.update({
        where: { tenantId_id: { tenantId: job.tenantId, id: job.messageId } },
        data: { twilioSid: sent.sid, ...(sent.notSentReason ? { errorMessage: sent.notSentReason } : {}) },
      });
      if (RETRYABLE.has(current.status)) await appendStatus(tx, job.tenantId, job.messageId, status);
    });
    deps.events.publish({
      type: "message_status",
      tenantId: job.tenantId,
      conversationId: plan.conversationId,
      messageId: job.messageId,
      status,
    });
    return status === "not_sent" ? "not_sent" : "sent";
  } catch (error) {
    if (error instanceof SmsRejected) {
      await scoped.run(async (tx) => {
        await appendStatus(
          tx,
          job.tenantId,
          job.messageId,
          "failed",
          { errorCode: error.code, errorMessage: error.message.slice(0, 500) },
          { errorCode: error.code },
        );
        if (error.code === OPTED_OUT_ERROR_CODE) {
          await recordConsentChange(tx, job.tenantId, {
            phone: plan.to,
            state: "opted_out",
            source: "provider_21610",
            evidence: { errorCode: error.code, messageId: job.messageId },
          });
        }
      });
      deps.logger.warn(
        { tenantId: job.tenantId, messageId: job.messageId, code: error.code },
        "SMS rejected by Twilio",
      );
      deps.events.publish({
        type: "message_status",
        tenantId: job.tenantId,
        conversationId: plan.conversationId,
        messageId: job.messageId,
        status: "failed",
      });
      return "rejected";
    }
    await scoped
      .run((tx) =>
        appendStatus(tx, job.tenantId, job.messageId, "unknown", {
          errorMessage: String((error as Error).message).slice(0, 500),
        }),
      )
      .catch((e: unknown) => deps.logger.error({ err: e }, "could not mark SMS outcome unknown"));
    throw error instanceof SmsOutcomeUnknown
      ? error
      : new SmsOutcomeUnknown(String((error as Error).message), { cause: error });
  }
}

/** Starts delivering queued texts; returns a function that stops the worker. */
export async function startSmsWorker(
  boss: PgBoss,
  deps: DeliveryDeps,
  options: { pollingIntervalSeconds?: number; batchSize?: number } = {},
): Promise<() => Promise<void>> {
  const id = await boss.work<SmsJob>(
    JOB_QUEUES.smsSend.name,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: options.batchSize ?? 5 },
    async (jobs) => {
      // A failure rejects only its own job (pg-boss retries it with backoff); the others complete.
      const results = await Promise.allSettled(jobs.map((job) => deliverMessage(deps, jobData("smsSend", job.data))));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) {
        if (!(failed.reason instanceof DeliveryHeld))
          deps.logger.warn({ err: failed.reason }, "SMS delivery will be retried");
        if (jobs.length === 1) throw failed.reason;
        await Promise.all(
          jobs.map((job, i) =>
            results[i]!.status === "rejected"
              ? boss.fail(JOB_QUEUES.smsSend.name, job.id, {
                  message: String((results[i] as PromiseRejectedResult).reason),
                })
              : undefined,
          ),
        );
      }
    },
  );
  return () => boss.offWork(JOB_QUEUES.smsSend.name, { id });
}
