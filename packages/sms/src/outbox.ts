import { type JobData, queueJob, type TenantTx } from "@servicepro/db";
import { runsAutomations } from "@servicepro/tenancy/constants";
import { fromPrisma, type PgBoss, type PrismaTransactionLike } from "pg-boss";
import type { OutboundKind, Outbox, QueueSmsInput, QueueSmsResult } from "./types.ts";

/** The job names the message row; the worker reads the body and numbers from it (ADR 0013). */
export type SmsJob = JobData<"smsSend">;

/** Kinds that a person chose to send; everything else is automated and pauses with the tenant. */
const PERSONAL_KINDS: ReadonlySet<OutboundKind> = new Set(["staff_reply"]);

/** Longest body we queue: 10 SMS segments. Twilio's limit is 1,600 characters. */
export const MAX_SMS_BODY = 1_600;

/**
 * The outbox. A message row and its delivery job are written in the caller's transaction, so a
 * rollback leaves neither and a commit leaves both. The row's unique purpose key makes a retried
 * request (double click, redelivered webhook) queue one message.
 */
export function createOutbox(boss: PgBoss): Outbox {
  return {
    async queueSms(tx: TenantTx, input: QueueSmsInput): Promise<QueueSmsResult> {
      const body = input.body.trim();
      if (!body || body.length > MAX_SMS_BODY) throw new RangeError(`An SMS needs 1–${MAX_SMS_BODY} characters.`);
      const conversation = await tx.conversation.findFirstOrThrow({
        where: { id: input.conversationId },
        include: { customer: true },
      });
      const tenant = await tx.tenant.findFirstOrThrow({ select: { id: true, status: true } });

      const earlier = await tx.message.findFirst({ where: { purposeKey: input.purposeKey } });
      if (earlier) return { status: "duplicate", message: earlier };

      if (!PERSONAL_KINDS.has(input.kind) && !runsAutomations(tenant.status)) return { status: "automation_paused" };
      // The opt-out row is locked so a STOP committing at the same moment is either seen here or
      // waits for this message's row, which the worker then re-checks before sending.
      const [consent] = await tx.$queryRaw<{ state: string; updated_at: Date }[]>`
        SELECT state::text, updated_at FROM sms_consents WHERE tenant_id = ${tenant.id} AND phone = ${conversation.customer.phone} FOR SHARE`;
      // The one confirmation of an opt-out is the only text an opted-out number may still get.
      if (consent?.state === "opted_out" && input.kind !== "opt_out_confirmation")
        return { status: "opted_out", optedOutAt: consent.updated_at };

      const inserted = await tx.message.createMany({
        data: [
          {
            tenantId: tenant.id,
            conversationId: conversation.id,
            direction: "outbound",
            body,
            fromNumber: conversation.tenantNumber,
            toNumber: conversation.customer.phone,
            purposeKey: input.purposeKey,
            kind: input.kind,
            status: "pending",
            statusHistory: [{ status: "pending", at: new Date().toISOString() }],
            sentByUserId: input.sentByUserId ?? null,
          },
        ],
        skipDuplicates: true,
      });
      const message = await tx.message.findFirstOrThrow({ where: { purposeKey: input.purposeKey } });
      if (inserted.count === 0) return { status: "duplicate", message };

      await tx.conversation.update({
        where: { tenantId_id: { tenantId: tenant.id, id: conversation.id } },
        data: { lastMessageAt: message.createdAt, lastMessagePreview: body.slice(0, 160), lastDirection: "outbound" },
      });
      const job: SmsJob = { tenantId: tenant.id, messageId: message.id };
      await queueJob(boss, "smsSend", job, {
        db: fromPrisma(tx as unknown as PrismaTransactionLike),
        singletonOn: "messageId",
      });
      return { status: "queued", message };
    },
  };
}
