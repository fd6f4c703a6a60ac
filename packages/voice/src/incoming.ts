/**
 * A call arrives (POST /twilio/voice/incoming): answer it as the number's IVR mode says (forward,
 * menu, AI receptionist, voicemail), then keep its row.
 *
 * The two halves are separate so the answer can go out before anything is written:
 * `answerVoiceIncoming` routes the call and builds the TwiML from the routing snapshot (no database
 * round trip when it is warm), and `recordVoiceIncoming` writes the call row afterwards, from the
 * webhook's parameters and the answer's plain-JSON `record` (so the write can also be staged and
 * done by a worker).
 *
 * The first answer depends on nothing about the caller: answerIncomingCall reads the tenant, the
 * number's settings, the hours and the FAQs, never the caller's consent or caller ID (those are read
 * by the menu, which may offer a text), so the answer needs no per-caller lookup. The caller becomes
 * a customer in the record half, as before. And it depends on the clock only through the effective
 * mode (open or closed), so its TwiML is kept per snapshot entry and mode.
 *
 * Routing is the same as routeCall's with the "call" policy, except where it would cost a round
 * trip on every call: a fresh CallSid (the normal case) is routed by the called number through the
 * snapshot without first asking whether a call with that sid exists; the record half asks, and a
 * known call keeps its row and tenant. Child legs, webhooks without a CallSid and calls to numbers
 * nobody owns take the full database route, as before.
 */
import { type IvrSnapshot, loadIvrSnapshot } from "@servicepro/routing";
import { type IntakeDeps, routeInboundVia, type TwilioParams } from "@servicepro/sms";
import {
  answerIncomingCall,
  answerUnavailable,
  effectiveMode,
  IVR_MODES,
  type IvrContext,
  type IvrMode,
} from "@servicepro/telephony";
import {
  type CallRoute,
  callBySid,
  emptyVoiceResponse,
  numberContextOf,
  phoneTo,
  quarantineCall,
  recordCallRow,
  resolveCallRoute,
  sidOf,
  type VoiceResult,
} from "./calls.ts";

/** What the record half writes, decided by the answer. Plain JSON. */
export type VoiceIncomingRecord =
  | {
      kind: "call";
      tenantId: string;
      phoneNumber: string | null;
      routedByFallback: boolean;
      parentCallSid: string | null;
      /** The mode that answered (a child leg's is "forward"). */
      mode: IvrMode;
    }
  | { kind: "quarantine"; reason: string };

export type VoiceIncomingAnswer = VoiceResult & { record: VoiceIncomingRecord };

/** The answer to a new call, from the routing snapshot when the deps have one. Writes nothing. */
export async function answerVoiceIncoming(deps: IntakeDeps, params: TwilioParams): Promise<VoiceIncomingAnswer> {
  const fast =
    sidOf(params.CallSid) && !sidOf(params.ParentCallSid)
      ? await routeInboundVia(deps, { channel: "voice", to: calledNumber(params) }, deps.unroutedPolicy)
      : null;
  const route: Omit<CallRoute, "callSid" | "known"> | { quarantine: string } =
    fast?.kind === "tenant"
      ? {
          tenantId: fast.tenantId,
          phoneNumber: fast.phoneNumber,
          routedByFallback: fast.routedByFallback,
          parentCallSid: null,
        }
      : await resolveCallRoute(deps, params, "call");
  if ("quarantine" in route)
    return { twiml: answerUnavailable().twiml, record: { kind: "quarantine", reason: route.quarantine } };
  const record = {
    kind: "call" as const,
    tenantId: route.tenantId,
    phoneNumber: route.phoneNumber,
    routedByFallback: route.routedByFallback,
    parentCallSid: route.parentCallSid,
  };
  // A child leg asking what to do (a <Number url> or a misconfigured number): nothing to say, the bridge goes ahead.
  if (route.parentCallSid)
    return { twiml: emptyVoiceResponse(), tenantId: route.tenantId, record: { ...record, mode: "forward" } };
  const ivr = deps.routing
    ? await deps.routing.ivr(route.tenantId, route.phoneNumber)
    : await loadIvrSnapshot(deps.db, route.tenantId, route.phoneNumber);
  const answered = firstAnswer(ivr, numberContextOf(deps, ivr), deps.publicBaseUrl);
  return { twiml: answered.twiml, tenantId: route.tenantId, record: { ...record, mode: answered.mode } };
}

/**
 * answerIncomingCall, kept per snapshot entry (a change makes a new entry) and effective mode: the
 * TwiML is a function of the context except `now`, which only chooses the mode (open or closed).
 * The mode itself is kept for the minute: opening hours and closed dates have minute resolution.
 */
type FirstAnswers = {
  minute: number;
  plan: { mode: IvrMode; reason: string } | null;
  answers: Map<string, { twiml: string; mode: IvrMode }>;
};
const firstAnswers = new WeakMap<IvrSnapshot, FirstAnswers>();
function firstAnswer(ivr: IvrSnapshot, ctx: IvrContext, publicBaseUrl: string) {
  const minute = Math.floor(ctx.now.getTime() / 60_000);
  let kept = firstAnswers.get(ivr);
  if (!kept) firstAnswers.set(ivr, (kept = { minute, plan: null, answers: new Map() }));
  if (kept.minute !== minute || !kept.plan) {
    kept.minute = minute;
    kept.plan = effectiveMode(ctx);
  }
  const key = `${kept.plan.mode}|${kept.plan.reason}|${publicBaseUrl}`;
  const cached = kept.answers.get(key);
  if (cached) return cached;
  const answered = answerIncomingCall(ctx);
  const answer = { twiml: answered.twiml, mode: answered.mode };
  kept.answers.set(`${answered.mode}|${answered.reason}|${publicBaseUrl}`, answer);
  return answer;
}

/**
 * The called number in E.164 (phoneTo), remembered: parsing a number is a large part of a warm
 * answer, and calls reach few numbers. Bounded, so unknown traffic cannot grow it past MAX_CALLED.
 */
const MAX_CALLED = 10_000;
const calledNumbers = new Map<string, string>();
function calledNumber(params: TwilioParams): string {
  const raw = params.To ?? params.Called ?? "";
  let number = calledNumbers.get(raw);
  if (number === undefined) {
    number = phoneTo(params);
    if (calledNumbers.size >= MAX_CALLED) calledNumbers.clear();
    calledNumbers.set(raw, number);
  }
  return number;
}

/**
 * The call row for an answered call (idempotent per CallSid: a redelivery or a retry finds the row).
 * A call we already have keeps its tenant, whatever the answer's route said.
 */
export async function recordVoiceIncoming(
  deps: IntakeDeps,
  params: TwilioParams,
  answer: { record: VoiceIncomingRecord },
): Promise<void> {
  const { record } = answer;
  if (record.kind === "quarantine") return quarantineCall(deps, params, "voice", record.reason);
  const callSid = sidOf(params.CallSid);
  const own = await callBySid(deps.db, callSid, sidOf(params.RecordingSid));
  if (own === "ambiguous") return quarantineCall(deps, params, "voice", `More than one tenant has a call ${callSid}.`);
  if (!own && !callSid) return quarantineCall(deps, params, "voice", "No CallSid.");
  const route: CallRoute = own
    ? {
        tenantId: own.tenantId,
        phoneNumber: own.routedByFallback ? null : own.toNumber,
        routedByFallback: own.routedByFallback,
        callSid: own.callSid,
        known: true,
        parentCallSid: record.parentCallSid,
      }
    : {
        tenantId: record.tenantId,
        phoneNumber: record.phoneNumber,
        routedByFallback: record.routedByFallback,
        callSid: callSid!,
        known: false,
        parentCallSid: record.parentCallSid,
      };
  const callId = await recordCallRow(deps.db, route, params, record.mode);
  deps.events.publish({ type: "call", tenantId: route.tenantId, callId });
}

type CallRecord = Extract<VoiceIncomingRecord, { kind: "call" }>;

/**
 * A call record as the durable intake stages it: the tenant and route are the event's own; the rest
 * travels as plain strings in the event's query. callRecordFromStaged is its inverse.
 */
export const stagedCallRecord = (record: CallRecord) => ({
  tenantId: record.tenantId,
  route: { phoneNumber: record.phoneNumber, routedByFallback: record.routedByFallback },
  query: { mode: record.mode, ...(record.parentCallSid ? { parentCallSid: record.parentCallSid } : {}) },
});

export function callRecordFromStaged(staged: {
  tenantId: string;
  route: { phoneNumber: string | null; routedByFallback: boolean };
  query: Record<string, string | undefined>;
}): CallRecord {
  const { mode, parentCallSid } = staged.query;
  return {
    kind: "call",
    tenantId: staged.tenantId,
    phoneNumber: staged.route.phoneNumber,
    routedByFallback: staged.route.routedByFallback,
    parentCallSid: parentCallSid ?? null,
    // Staged by this code; a value from an older release falls back to the menu, the IVR's default.
    mode: (IVR_MODES as readonly string[]).includes(mode ?? "") ? (mode as IvrMode) : "menu",
  };
}

/** Answer and record, the record awaited: for callers that want the row written before they return. */
export async function handleVoiceIncoming(deps: IntakeDeps, params: TwilioParams): Promise<VoiceResult> {
  const answer = await answerVoiceIncoming(deps, params);
  await recordVoiceIncoming(deps, params, answer);
  return answer.tenantId ? { twiml: answer.twiml, tenantId: answer.tenantId } : { twiml: answer.twiml };
}
