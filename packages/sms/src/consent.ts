import type { Prisma, TenantTx } from "@servicepro/db";
import { type ConsentDecision, OPT_OUT_KEYWORDS } from "@servicepro/opt-out";

export type ConsentChange = {
  phone: string;
  state: "opted_in" | "opted_out";
  source: "keyword" | "free_text" | "provider_21610" | "staff" | "booking_page" | "voicemail" | "voice_menu" | "portal";
  evidence: Prisma.InputJsonValue;
};

/**
 * Records a consent change for (tenant, phone): a ledger row (evidence, kept forever) and the
 * current state. Returns whether the state actually changed.
 */
export async function recordConsentChange(tx: TenantTx, tenantId: string, change: ConsentChange): Promise<boolean> {
  await tx.smsConsentEvent.create({
    data: { tenantId, phone: change.phone, state: change.state, source: change.source, evidence: change.evidence },
  });
  const before = await tx.smsConsent.findFirst({ where: { phone: change.phone } });
  await tx.smsConsent.upsert({
    where: { tenantId_phone: { tenantId, phone: change.phone } },
    create: { tenantId, phone: change.phone, state: change.state, source: change.source },
    update: { state: change.state, source: change.source, updatedAt: new Date() },
  });
  return (before?.state ?? "opted_in") !== change.state;
}

export async function isOptedOut(tx: TenantTx, phone: string): Promise<boolean> {
  const consent = await tx.smsConsent.findFirst({ where: { phone }, select: { state: true } });
  return consent?.state === "opted_out";
}

/**
 * Whether the number gave express consent on record (an opt-in row). Texts about a booking made
 * online need it: the booking page asks with an unchecked box, and an unticked box means no texts.
 */
export async function hasOptedIn(tx: TenantTx, phone: string): Promise<boolean> {
  const consent = await tx.smsConsent.findFirst({ where: { phone }, select: { state: true } });
  return consent?.state === "opted_in";
}

export type TwilioOptOutType = "STOP" | "START" | "HELP";

/**
 * What Twilio already did with a text's keyword, so that each keyword is answered once.
 *
 * - `OptOutType` on the webhook: the number's Messaging Service has Advanced Opt-Out on and Twilio
 *   matched one of its keywords (STOP, START or HELP family): it recorded and answered it itself.
 * - `advancedOptOut` (tenant_phone_configs.advanced_opt_out): the number's Messaging Service has
 *   Advanced Opt-Out on, so Twilio answers HELP and its configured keywords in every language.
 * - Without either, Twilio's default long-code filter still answers its English opt-out keywords
 *   (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT), nothing else.
 * Free-text revocations ("please stop texting me") are never seen by Twilio: ours to confirm.
 */
export function twilioKeywordHandling(optOutTypeParam: string | undefined, advancedOptOut: boolean) {
  const raw = optOutTypeParam?.trim().toUpperCase();
  const optOutType: TwilioOptOutType | null = raw === "STOP" || raw === "START" || raw === "HELP" ? raw : null;
  const englishDefaults: readonly string[] = OPT_OUT_KEYWORDS;
  return {
    optOutType,
    answersHelp: optOutType !== null || advancedOptOut,
    answersKeywords(optOut: Extract<ConsentDecision, { kind: "opt_out" }> | null): boolean {
      if (optOutType !== null) return true;
      if (optOut?.source !== "keyword") return false;
      return advancedOptOut || englishDefaults.includes(optOut.keyword ?? "");
    },
  };
}
