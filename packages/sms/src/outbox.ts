import { type JobData, type Message, Prisma, queueJob, type TenantTx } from "@servicepro/db";
import { runsAutomations } from "@servicepro/tenancy/constants";
import { fromPrisma, type PgBoss, type PrismaTransactionLike } from "pg-boss";
import type { OutboundKind, Outbox, QueueSmsInput, QueueSmsResult } from "./types.ts";

/** The job names the message row; the worker reads the body and numbers from it (ADR 0013). */
export type SmsJob = JobData<"smsSend">;

/** Kinds that a person chose to send; everything else is automated and pauses with the tenant. */
const PERSONAL_KINDS: ReadonlySet<OutboundKind> = new Set(["staff_reply"]);

/** Every column of `messages` as Prisma names the fields, so a RETURNING row is a Message. */
const MESSAGE_FIELDS = Prisma.sql`tenant_id AS "tenantId", id, conversation_id AS "conversationId",
  direction::text AS direction, body, from_number AS "fromNumber", to_number AS "toNumber", twilio_sid AS "twilioSid", purpose_key AS "purposeKey",
  kind, status::text AS status, status_history AS "statusHistory", error_code AS "errorCode", error_message AS "errorMessage",
  routed_by_fallback AS "routedByFallback", sent_by_user_id AS "sentByUserId", send_attempts AS "sendAttempts", media,
  consent_review::text AS "consentReview", consent_score AS "consentScore", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

/** What staff screens show for a message: a sign-in secret is never shown, only that one was sent. */
export const redactedBody = (kind: string, body: string): string =>
  kind === "portal_sign_in" ? "Customer portal sign-in (code or link hidden)" : body;

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

      // Typed SQL, not createMany (which Prisma compiles afresh on every call): the purpose key's unique
      // index skips a message a concurrent request queued first, and then the earlier row is the answer.
      const history = JSON.stringify([{ status: "pending", at: new Date().toISOString() }]);
      const [created] = await tx.$queryRaw<Message[]>`
        INSERT INTO messages (tenant_id, id, conversation_id, direction, body, from_number, to_number, purpose_key, kind,
                              status, status_history, sent_by_user_id, updated_at)
        VALUES (${tenant.id}, gen_random_uuid(), ${conversation.id}::uuid, 'outbound', ${body}, ${conversation.tenantNumber},
                ${conversation.customer.phone}, ${input.purposeKey}, ${input.kind}, 'pending', ${history}::jsonb,
                ${input.sentByUserId ?? null}::uuid, now())
        ON CONFLICT (tenant_id, purpose_key) DO NOTHING
        RETURNING ${MESSAGE_FIELDS}`;
      if (!created)
        return {
          status: "duplicate",
          message: await tx.message.findFirstOrThrow({ where: { purposeKey: input.purposeKey } }),
        };
      const message = created;

      await tx.conversation.update({
        where: { tenantId_id: { tenantId: tenant.id, id: conversation.id } },
        data: {
          lastMessageAt: message.createdAt,
          lastMessagePreview: redactedBody(input.kind, body).slice(0, 160),
          lastDirection: "outbound",
        },
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
