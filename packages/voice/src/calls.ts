/**
 * What every voice webhook does first: find the tenant whose call this is (or quarantine the
 * webhook), load what the IVR needs to answer, and find or create the call's row.
 *
 * Routing, in this order:
 * 1. The CallSid (else the RecordingSid) of a call we already have: its tenant, whatever `To` says
 *    (app_route_call_sid, a narrow SECURITY DEFINER lookup). Callbacks are matched this way, with or
 *    without the query string we add to their URLs.
 * 2. A child leg (`ParentCallSid`, Direction=outbound-dial: the business's phone we <Dial>ed when
 *    forwarding): its parent call's tenant. Its `To` is the number we dialled, which must never be
 *    looked up in the directory, fall to the fallback tenant, or become a customer. A child leg
 *    whose parent we do not know is quarantined.
 * 3. Otherwise by the called number (app_route_inbound), only for webhooks that may start a call
 *    (incoming, menu, dial result) or report on a call to one of our numbers (status). Recording and
 *    transcription callbacks never create a call: an unknown CallSid is quarantined.
 *
 * A child leg is stored as its own calls row (direction 'outbound-dial', parent_call_sid, no
 * customer), so its status callbacks are ordered on their own SequenceNumber; the calls log shows
 * parent calls only.
 */
import { type Database, Prisma, type TenantTx, tenantDb } from "@servicepro/db";
import { type IvrSnapshot, readIvrSnapshot } from "@servicepro/routing";
import {
  ensureCustomer,
  type IntakeDeps,
  isOptedOut,
  phoneOf,
  recordUnrouted,
  routeInboundVia,
  type TwilioParams,
} from "@servicepro/sms";
import {
  type CallerId,
  type ClosedDate,
  callerIdOf,
  callerNameOf,
  DEFAULT_BUSINESS_HOURS,
  type IvrContext,
  type IvrMode,
} from "@servicepro/telephony";
import { customerSearchKeys } from "@servicepro/validators";
import { fromDbIvrMode } from "./ivr-mode.ts";

export type VoiceResult = { twiml: string; tenantId?: string };

export type CallRoute = {
  tenantId: string;
  /** The number that was called, for its settings; null when the call reached us by fallback. */
  phoneNumber: string | null;
  routedByFallback: boolean;
  /** The call's own sid (for a RecordingSid match, the sid of the call that has the recording). */
  callSid: string;
  /** Whether a row for this call already exists. */
  known: boolean;
  /** Set for a child leg: the sid of the caller's call it belongs to. */
  parentCallSid: string | null;
};

/**
 * Which webhooks may be routed by the called number when their CallSid is unknown: `call` (incoming,
 * menu, dial result: a live call asking what to say), `report` (status: only a direct number match,
 * never the fallback tenant), `known` (recording and transcription: never).
 */
export type RoutePolicy = "call" | "report" | "known";

type SidMatch = { tenantId: string; callSid: string; toNumber: string; routedByFallback: boolean };

/** The one call with this CallSid (else RecordingSid), "ambiguous" when two tenants have it, null when none. */
export async function callBySid(
  db: Database,
  callSid: string | null,
  recordingSid: string | null,
): Promise<SidMatch | "ambiguous" | null> {
  if (!callSid && !recordingSid) return null;
  // Plain SQL (no Prisma): the voice entry's record asks this for every call.
  const rows = await db.sql.query<{
    tenant_id: string;
    call_sid: string;
    to_number: string;
    routed_by_fallback: boolean;
  }>("SELECT tenant_id, call_sid, to_number, routed_by_fallback FROM app_route_call_sid($1, $2)", [
    callSid,
    recordingSid,
  ]);
  if (rows.length > 1) return "ambiguous";
  const [row] = rows;
  return row
    ? {
        tenantId: row.tenant_id,
        callSid: row.call_sid,
        toNumber: row.to_number,
        routedByFallback: row.routed_by_fallback,
      }
    : null;
}

export const sidOf = (raw: string | undefined) => raw?.trim().slice(0, 64) || null;

/** The number that was called (Twilio's `To`, else `Called`). */
export const phoneTo = (params: TwilioParams) => phoneOf(params.To ?? params.Called);

export async function routeCall(
  deps: IntakeDeps,
  params: TwilioParams,
  kind: "voice" | "voice_status",
  policy: RoutePolicy,
): Promise<CallRoute | null> {
  const route = await resolveCallRoute(deps, params, policy);
  if ("quarantine" in route) {
    await quarantineCall(deps, params, kind, route.quarantine);
    return null;
  }
  return route;
}

/** Keeps a voice webhook nobody claims for the owner to review (unrouted_webhooks). */
export function quarantineCall(
  deps: IntakeDeps,
  params: TwilioParams,
  kind: "voice" | "voice_status",
  reason: string,
): Promise<void> {
  return recordUnrouted(deps.db, {
    kind,
    sid: sidOf(params.CallSid),
    to: phoneTo(params),
    from: phoneOf(params.From),
    reason,
    params,
  });
}

/** routeCall's decision without its write: the route, or why the webhook is quarantined. */
export async function resolveCallRoute(
  deps: IntakeDeps,
  params: TwilioParams,
  policy: RoutePolicy,
): Promise<CallRoute | { quarantine: string }> {
  const callSid = sidOf(params.CallSid);
  const parentCallSid = sidOf(params.ParentCallSid);
  const to = phoneTo(params);
  const own = await callBySid(deps.db, callSid, sidOf(params.RecordingSid));
  if (own === "ambiguous") return { quarantine: `More than one tenant has a call ${callSid}.` };
  if (own)
    return {
      tenantId: own.tenantId,
      phoneNumber: own.routedByFallback ? null : own.toNumber,
      routedByFallback: own.routedByFallback,
      callSid: own.callSid,
      known: true,
      parentCallSid,
    };
  if (!callSid) return { quarantine: "No CallSid." };
  if (parentCallSid) {
    const parent = await callBySid(deps.db, parentCallSid, null);
    if (!parent || parent === "ambiguous") return { quarantine: `Child leg of an unknown call ${parentCallSid}.` };
    return {
      tenantId: parent.tenantId,
      phoneNumber: parent.routedByFallback ? null : parent.toNumber,
      // The leg was matched by its parent, not by fallback (the parent's own row carries that flag).
      routedByFallback: false,
      callSid,
      known: false,
      parentCallSid,
    };
  }
  if (policy === "known") return { quarantine: `No call has CallSid ${callSid}.` };
  const route = await routeInboundVia(deps, { channel: "voice", to }, deps.unroutedPolicy);
  if (route.kind === "quarantine") return { quarantine: route.reason };
  if (policy === "report" && route.routedByFallback)
    return { quarantine: `A report on an unknown call ${callSid} to a number no tenant has.` };
  return {
    tenantId: route.tenantId,
    phoneNumber: route.phoneNumber,
    routedByFallback: route.routedByFallback,
    callSid,
    known: false,
    parentCallSid: null,
  };
}

export type CallContext = Awaited<ReturnType<typeof loadIvrContext>>;

/** The IVR's context for a call inside the tenant's transaction: the number's settings and the caller's consent. */
export async function loadIvrContext(deps: IntakeDeps, tx: TenantTx, route: CallRoute, params: TwilioParams) {
  const ivr = await readIvrSnapshot(tx, route.phoneNumber);
  const caller = callerIdOf(params.From);
  const callerOptedOut = caller.kind === "phone" ? await isOptedOut(tx, caller.e164) : false;
  return ivrContextOf(deps, ivr, caller, callerOptedOut);
}

/** The IVR's context from what the routing snapshot (or the same reads in a transaction) holds. Pure. */
export function ivrContextOf(
  deps: Pick<IntakeDeps, "publicBaseUrl" | "now">,
  ivr: IvrSnapshot,
  caller: CallerId,
  callerOptedOut: boolean,
): IvrContext & {
  slug: string;
  caller: CallerId;
  missedCall: { enabled: boolean; text: string | null; windowMinutes: number };
} {
  return { ...numberContextOf(deps, ivr), callerOptedOut, callerWithheld: caller.kind === "withheld", caller };
}

/**
 * The part of the IVR's context that is the same for every caller: the business, the number's
 * settings, the hours and the FAQs (the first answer to a call needs nothing else). Pure.
 */
export function numberContextOf(
  deps: Pick<IntakeDeps, "publicBaseUrl" | "now">,
  ivr: IvrSnapshot,
): IvrContext & {
  slug: string;
  missedCall: { enabled: boolean; text: string | null; windowMinutes: number };
} {
  const { tenant, config } = ivr;
  return {
    tenant,
    slug: tenant.slug,
    faqs: ivr.faqs,
    hours: {
      weekly: ivr.hours ?? DEFAULT_BUSINESS_HOURS,
      closedDates: closedDatesOf(ivr.closedDates),
    },
    now: deps.now?.() ?? new Date(),
    number: {
      ivrMode: config ? fromDbIvrMode(config.ivrMode) : "voicemail",
      forwardTo: config?.forwardTo ?? null,
      greeting: config?.greeting ?? null,
      afterHoursMode: config?.afterHoursMode ?? "voicemail",
      voicemailEnabled: config?.voicemailEnabled ?? true,
      bookingUrl: config?.bookingUrl ?? `${deps.publicBaseUrl}/portal/${tenant.slug}`,
      address: config?.address ?? null,
    },
    missedCall: {
      enabled: config?.missedCallTextEnabled ?? false,
      text: config?.missedCallText ?? null,
      windowMinutes: config?.missedCallTextWindowMinutes ?? 240,
    },
  };
}

/** Stored closed dates, keeping only well-formed entries (a bad row must not break a call). */
function closedDatesOf(stored: unknown): ClosedDate[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (entry): entry is ClosedDate =>
      typeof entry === "object" && entry !== null && typeof (entry as { date?: unknown }).date === "string",
  );
}

/**
 * The call row, created on first sight (a webhook may arrive for a call whose start we missed).
 * The caller becomes a customer only when their caller ID is a real phone number; a withheld one
 * (anonymous, restricted, not a number) is kept as sent for the record and shown as a private
 * number. A child leg never makes a customer: its `To` is the business's own phone.
 */
/** What a call's first webhook says about its row (the same whoever writes it). */
function callRowOf(route: CallRoute, params: TwilioParams, mode: IvrMode) {
  const child = route.parentCallSid !== null;
  const caller = callerIdOf(params.From);
  return {
    // A child leg (the business's phone we dialled) is not a customer's call.
    customerPhone: !child && caller.kind === "phone" ? caller.e164 : null,
    fromNumber: caller.kind === "phone" ? caller.e164 : (params.From ?? "").trim().slice(0, 32),
    toNumber: phoneOf(params.To ?? params.Called).slice(0, 32),
    // The enum takes the product's spelling ("ai-voice").
    mode: child ? "forward" : mode,
    callerName: child ? null : callerNameOf(params.CallerName),
    forwardedFrom: child ? null : phoneOf(params.ForwardedFrom).slice(0, 32) || null,
    direction: child ? "outbound-dial" : "inbound",
  };
}

export async function ensureCall(tx: TenantTx, route: CallRoute, params: TwilioParams, mode: IvrMode) {
  const { tenantId } = route;
  const row = callRowOf(route, params, mode);
  const customer = row.customerPhone ? await ensureCustomer(tx, tenantId, row.customerPhone, "call") : null;
  const { callerName, forwardedFrom } = row;
  // Typed SQL, not createMany (compiled afresh by Prisma on every call); the SID's unique index makes
  // a redelivered or concurrent webhook insert nothing.
  await tx.$executeRaw`
    INSERT INTO calls (tenant_id, id, call_sid, customer_id, from_number, to_number, ivr_mode, routed_by_fallback,
                       caller_name, forwarded_from, direction, parent_call_sid, updated_at)
    VALUES (${tenantId}, gen_random_uuid(), ${route.callSid}, ${customer?.id ?? null}::uuid, ${row.fromNumber},
            ${row.toNumber}, ${row.mode}::ivr_mode, ${route.routedByFallback}, ${callerName}, ${forwardedFrom},
            ${row.direction}, ${route.parentCallSid}, now())
    ON CONFLICT (tenant_id, call_sid) DO NOTHING`;
  const call = await tx.call.findFirstOrThrow({ where: { callSid: route.callSid } });
  // A later webhook may carry what the first did not (Twilio looks the caller's name up once per request).
  if ((callerName && !call.callerName) || (forwardedFrom && !call.forwardedFrom)) {
    return tx.call.update({
      where: { tenantId_id: { tenantId, id: call.id } },
      data: {
        ...(callerName && !call.callerName ? { callerName } : {}),
        ...(forwardedFrom && !call.forwardedFrom ? { forwardedFrom } : {}),
      },
    });
  }
  return call;
}

/**
 * ensureCall for a call's first webhook, written after its answer: the caller's customer and the call
 * row (or what a redelivery adds to it) in one statement under the tenant scope, no Prisma model
 * queries. The voice entry's record runs once per call, so its cost is paid by the calls that follow.
 * Returns the call's id.
 */
export async function recordCallRow(db: Database, route: CallRoute, params: TwilioParams, mode: IvrMode) {
  const { tenantId } = route;
  const row = callRowOf(route, params, mode);
  const keys = customerSearchKeys({ phone: row.customerPhone ?? "" });
  // The final SELECT reads the statement's snapshot: the existing row when the insert found one.
  const [call] = await tenantDb(db, tenantId).query<{ id: string }>(Prisma.sql`
    WITH customer AS (
      INSERT INTO customers (tenant_id, id, phone, source, last_seen_at, sort_name, search_text, updated_at)
      SELECT ${tenantId}, gen_random_uuid(), ${row.customerPhone}::text, 'call', now(), ${keys.sortName}, ${keys.searchText}, now()
       WHERE ${row.customerPhone}::text IS NOT NULL
      ON CONFLICT (tenant_id, phone) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, updated_at = now()
      RETURNING id
    ), created AS (
      INSERT INTO calls (tenant_id, id, call_sid, customer_id, from_number, to_number, ivr_mode, routed_by_fallback,
                         caller_name, forwarded_from, direction, parent_call_sid, updated_at)
      VALUES (${tenantId}, gen_random_uuid(), ${route.callSid}, (SELECT id FROM customer), ${row.fromNumber},
              ${row.toNumber}, ${row.mode}::ivr_mode, ${route.routedByFallback}, ${row.callerName}, ${row.forwardedFrom},
              ${row.direction}, ${route.parentCallSid}, now())
      ON CONFLICT (tenant_id, call_sid) DO UPDATE
        SET caller_name = COALESCE(calls.caller_name, EXCLUDED.caller_name),
            forwarded_from = COALESCE(calls.forwarded_from, EXCLUDED.forwarded_from), updated_at = now()
        WHERE (calls.caller_name IS NULL AND EXCLUDED.caller_name IS NOT NULL)
           OR (calls.forwarded_from IS NULL AND EXCLUDED.forwarded_from IS NOT NULL)
      RETURNING id
    )
    SELECT id::text FROM created
    UNION ALL
    SELECT id::text FROM calls WHERE tenant_id = ${tenantId} AND call_sid = ${route.callSid}
    LIMIT 1`);
  if (!call) throw new Error(`The call ${route.callSid} was neither written nor found.`);
  return call.id;
}

/** An empty answer, for callbacks that only report (status, transcription). */
export const emptyVoiceResponse = () => '<?xml version="1.0" encoding="UTF-8"?><Response/>';
