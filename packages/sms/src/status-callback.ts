/**
 * Twilio's delivery status callbacks for texts we sent: move the message's status forward (never
 * back), keep every callback in its history, and opt the number out on error 21610.
 */
import { tenantDb } from "@servicepro/db";
import { advanceStatus, isMessageStatus, OPTED_OUT_ERROR_CODE } from "@servicepro/telephony";
import { recordConsentChange } from "./consent.ts";
import { type IntakeDeps, phoneOf, type TwilioParams } from "./inbound.ts";
import { recordUnrouted } from "./inbound-routing.ts";
import { historyEntry } from "./status-history.ts";

export type SmsStatusResult = { outcome: "updated" | "unchanged" | "unknown_message"; status?: string };

/** A delivery status callback. The URL carries our tenant and message ids (we set it when sending). */
export async function handleSmsStatus(
  deps: IntakeDeps,
  params: TwilioParams,
  query: { t?: string | undefined; m?: string | undefined },
): Promise<SmsStatusResult> {
  const sid = params.MessageSid ?? params.SmsSid ?? "";
  const incoming = (params.MessageStatus ?? params.SmsStatus ?? "").toLowerCase();
  const errorCode = params.ErrorCode ? Number.parseInt(params.ErrorCode, 10) : null;
  const unknown = async (reason: string) => {
    await recordUnrouted(deps.db, {
      kind: "sms_status",
      sid,
      to: phoneOf(params.To),
      from: phoneOf(params.From),
      reason,
      params,
    });
    return { outcome: "unknown_message" as const };
  };
  if (!query.t || !query.m || !/^[0-9a-f-]{36}$/i.test(query.m) || !isMessageStatus(incoming))
    return unknown("Status callback without a known message or status.");
  const tenantId = query.t;
  const messageId = query.m;
  const result = await tenantDb(deps.db, tenantId)
    .run(async (tx) => {
      const [row] = await tx.$queryRaw<
        { status: string; twilio_sid: string | null; conversation_id: string; to_number: string }[]
      >`
        SELECT status::text, twilio_sid, conversation_id::text, to_number FROM messages WHERE tenant_id = ${tenantId} AND id = ${messageId}::uuid FOR UPDATE`;
      if (!row || (row.twilio_sid && row.twilio_sid !== sid)) return null;
      const current = row.status as Parameters<typeof advanceStatus>[0];
      const next = advanceStatus(current, incoming);
      // Every callback is kept in the history, in arrival order, even one that changes nothing.
      await tx.$executeRaw`UPDATE messages SET status_history = status_history || ${JSON.stringify([historyEntry(incoming, errorCode ? { errorCode } : {})])}::jsonb
        WHERE tenant_id = ${tenantId} AND id = ${messageId}::uuid`;
      await tx.message.update({
        where: { tenantId_id: { tenantId, id: messageId } },
        data: {
          status: next,
          twilioSid: sid,
          ...(errorCode && next === incoming ? { errorCode, errorMessage: params.ErrorMessage ?? null } : {}),
        },
      });
      if (errorCode === OPTED_OUT_ERROR_CODE) {
        await recordConsentChange(tx, tenantId, {
          phone: row.to_number,
          state: "opted_out",
          source: "provider_21610",
          evidence: { messageSid: sid, errorCode },
        });
      }
      return { changed: next !== current, status: next, conversationId: row.conversation_id };
    })
    .catch((error: unknown) => {
      // A malformed tenant id in the URL is "unknown", not a crash.
      if ((error as Error).name === "TenantScopeViolation") return null;
      throw error;
    });
  if (!result) return unknown("Status callback for a message we do not have.");
  if (result.changed)
    deps.events.publish({
      type: "message_status",
      tenantId,
      conversationId: result.conversationId,
      messageId,
      status: result.status,
    });
  return { outcome: result.changed ? "updated" : "unchanged", status: result.status };
}
