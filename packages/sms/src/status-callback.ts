/**
 * Twilio's delivery status callbacks for texts we sent: move the message's status forward (never
 * back), keep every callback in its history, and opt the number out on error 21610.
 *
 * The message is found by its MessageSid. The `?t=<tenant>&m=<message>` our sender adds to the
 * callback URL is only a hint: a callback configured on the number or Messaging Service carries
 * none, and a stale or wrong one must never touch another message. The hint is used for one case
 * the SID cannot answer: Twilio's callback racing our own write of the SID (the message is still
 * "submitting", with no SID yet, in the tenant and row the hint names).
 */
import { type Database, tenantDb } from "@servicepro/db";
import { advanceStatus, type MessageStatus, OPTED_OUT_ERROR_CODE } from "@servicepro/telephony";
import { recordConsentChange } from "./consent.ts";
import { type IntakeDeps, phoneOf, type TwilioParams } from "./inbound.ts";
import { recordUnrouted } from "./inbound-routing.ts";
import { historyEntry } from "./status-history.ts";

export type SmsStatusResult = { outcome: "updated" | "unchanged" | "unknown_message"; status?: string };

/** The statuses Twilio reports for an outgoing text; anything else (ours, or new) is kept for review. */
const CALLBACK_STATUSES = new Set<MessageStatus>([
  "accepted",
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "read",
]);
const isCallbackStatus = (value: string): value is MessageStatus => CALLBACK_STATUSES.has(value as MessageStatus);
/** What a status looks like (Twilio's are lower-case words with "_" or "-"), modelled or not. */
const STATUS_TOKEN = /^[a-z][a-z_-]{0,31}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MESSAGE_SID = /^(SM|MM)[0-9a-zA-Z]{32}$/;

type Hint = { t?: string | undefined; m?: string | undefined };
type Target = { tenantId: string; messageId: string; claim: boolean };

/** A delivery status callback, matched by MessageSid; `query` is the hint our sender put in the URL. */
export async function handleSmsStatus(deps: IntakeDeps, params: TwilioParams, query: Hint): Promise<SmsStatusResult> {
  const sid = params.MessageSid ?? params.SmsSid ?? "";
  const incoming = (params.MessageStatus ?? params.SmsStatus ?? "").toLowerCase();
  const errorCode = params.ErrorCode ? Number.parseInt(params.ErrorCode, 10) : null;
  const unknown = async (reason: string) => {
    await recordUnrouted(deps.db, {
      kind: "sms_status",
      sid: sid || null,
      to: phoneOf(params.To),
      from: phoneOf(params.From),
      reason,
      params,
    });
    return { outcome: "unknown_message" as const };
  };
  // Twilio documents more statuses than we model (scheduled, canceled, partially_delivered, and new ones
  // over time): for a message we have, such a status is kept in its history and moves nothing.
  if (!MESSAGE_SID.test(sid) || !STATUS_TOKEN.test(incoming))
    return unknown("Status callback without a valid MessageSid or a status.");
  const target = await findTarget(deps.db, sid, query);
  if (!target) return unknown("Status callback for a message we do not have (or whose send has not recorded it).");
  const { tenantId, messageId } = target;
  const result = await tenantDb(deps.db, tenantId).run(async (tx) => {
    // Re-checked under the row lock: the SID must match, or (the race) the row must still be
    // waiting for its SID; a row that got another SID meanwhile is left alone.
    const [row] = await tx.$queryRaw<
      { status: string; twilio_sid: string | null; conversation_id: string; to_number: string }[]
    >`
      SELECT status::text, twilio_sid, conversation_id::text, to_number FROM messages
        WHERE tenant_id = ${tenantId} AND id = ${messageId}::uuid AND direction = 'outbound' FOR UPDATE`;
    if (!row) return null;
    if (row.twilio_sid !== sid && !(target.claim && row.twilio_sid === null && AWAITING_SID.has(row.status)))
      return null;
    const current = row.status as MessageStatus;
    const next = isCallbackStatus(incoming) ? advanceStatus(current, incoming) : current;
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
  });
  if (!result) return unknown("Status callback whose message changed SID before it could be applied.");
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

/** Statuses of a message handed to Twilio whose SID we have not written yet (delivery-worker.ts). */
const AWAITING_SID = new Set(["submitting", "unknown"]);

/**
 * Which message the callback is about. By SID first (app_route_message_sid, across tenants); two
 * rows with one SID cannot come from Twilio, so they count only where the hint names one of them.
 * With no row holding the SID, the hint's row may claim it if it still awaits its SID.
 */
async function findTarget(db: Database, sid: string, hint: Hint): Promise<Target | null> {
  const rows = await db.prisma.$queryRaw<{ tenant_id: string; message_id: string }[]>`
    SELECT tenant_id, message_id::text FROM app_route_message_sid(${sid})`;
  const hinted = hint.t && hint.m && UUID.test(hint.m) ? { tenantId: hint.t, messageId: hint.m.toLowerCase() } : null;
  if (rows.length === 1) return { tenantId: rows[0]!.tenant_id, messageId: rows[0]!.message_id, claim: false };
  if (rows.length > 1) {
    const match = rows.find((r) => r.tenant_id === hinted?.tenantId && r.message_id === hinted?.messageId);
    return match ? { tenantId: match.tenant_id, messageId: match.message_id, claim: false } : null;
  }
  if (!hinted) return null;
  const waiting = await tenantDb(db, hinted.tenantId)
    .run((tx) =>
      tx.message.findFirst({
        where: {
          id: hinted.messageId,
          direction: "outbound",
          twilioSid: null,
          status: { in: ["submitting", "unknown"] },
        },
        select: { id: true },
      }),
    )
    .catch((error: unknown) => {
      // A malformed tenant id in the URL is "not ours", not a crash.
      if ((error as Error).name === "TenantScopeViolation") return null;
      throw error;
    });
  return waiting ? { ...hinted, claim: true } : null;
}
