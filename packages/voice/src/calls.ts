/**
 * What every voice webhook does first: find the tenant that owns the called number (or quarantine
 * the call), load what the IVR needs to answer, and find or create the call's row.
 */
import type { TenantTx } from "@servicepro/db";
import {
  ensureCustomer,
  type IntakeDeps,
  isOptedOut,
  phoneOf,
  recordUnrouted,
  routeInbound,
  type TwilioParams,
} from "@servicepro/sms";
import {
  type ClosedDate,
  DEFAULT_BUSINESS_HOURS,
  type InboundRoute,
  type IvrContext,
  type IvrMode,
} from "@servicepro/telephony";
import { fromDbIvrMode, toDbIvrMode } from "./ivr-mode.ts";

export type VoiceResult = { twiml: string; tenantId?: string };

export type CallRoute = Extract<InboundRoute, { kind: "tenant" }>;

export async function routeCall(
  deps: IntakeDeps,
  params: TwilioParams,
  kind: "voice" | "voice_status",
): Promise<CallRoute | null> {
  const to = phoneOf(params.To ?? params.Called);
  const route = await routeInbound(deps.db, { channel: "voice", to }, deps.unroutedPolicy);
  if (route.kind === "quarantine") {
    await recordUnrouted(deps.db, {
      kind,
      sid: params.CallSid ?? null,
      to,
      from: phoneOf(params.From),
      reason: route.reason,
      params,
    });
    return null;
  }
  return route;
}

export type CallContext = Awaited<ReturnType<typeof loadIvrContext>>;

export async function loadIvrContext(
  deps: IntakeDeps,
  tx: TenantTx,
  route: CallRoute,
  params: TwilioParams,
): Promise<
  IvrContext & { slug: string; missedCall: { enabled: boolean; text: string | null; windowMinutes: number } }
> {
  const tenant = await tx.tenant.findFirstOrThrow({
    select: { name: true, slug: true, planTier: true, status: true, timezone: true },
  });
  // A call routed by fallback has no number of its own: it answers with the root tenant's first number's settings.
  const config = route.phoneNumber
    ? await tx.tenantPhoneConfig.findFirst({ where: { phoneNumber: route.phoneNumber } })
    : await tx.tenantPhoneConfig.findFirst({ orderBy: { createdAt: "asc" } });
  // Opening hours belong to the business (booking settings), shared with online booking.
  const settings = await tx.bookingSettings.findFirst({ select: { hours: true, closedDates: true } });
  const faqs = await tx.faq.findMany({ orderBy: { position: "asc" }, select: { question: true, answer: true } });
  const caller = phoneOf(params.From);
  const callerOptedOut = caller ? await isOptedOut(tx, caller) : false;
  return {
    callerOptedOut,
    tenant,
    slug: tenant.slug,
    faqs,
    hours: {
      weekly: settings?.hours ?? DEFAULT_BUSINESS_HOURS,
      closedDates: closedDatesOf(settings?.closedDates),
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

/** The call row, created on first sight (a webhook may arrive for a call whose start we missed). */
export async function ensureCall(
  tx: TenantTx,
  tenantId: string,
  route: CallRoute,
  params: TwilioParams,
  mode: IvrMode,
) {
  const from = phoneOf(params.From);
  const customer = from ? await ensureCustomer(tx, tenantId, from, "call") : null;
  await tx.call.createMany({
    data: [
      {
        tenantId,
        callSid: params.CallSid ?? "",
        customerId: customer?.id ?? null,
        fromNumber: from,
        toNumber: phoneOf(params.To ?? params.Called),
        ivrMode: toDbIvrMode(mode),
        routedByFallback: route.routedByFallback,
      },
    ],
    skipDuplicates: true,
  });
  return tx.call.findFirstOrThrow({ where: { callSid: params.CallSid ?? "" } });
}

/** An empty answer, for callbacks that only report (status, transcription). */
export const emptyVoiceResponse = () => '<?xml version="1.0" encoding="UTF-8"?><Response/>';
