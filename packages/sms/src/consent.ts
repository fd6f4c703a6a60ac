import type { Prisma, TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { type ConsentDecision, OPT_OUT_KEYWORDS } from "@servicepro/opt-out";

export type ConsentState = "opted_in" | "opted_out";
export type ConsentSource =
  | "keyword"
  | "free_text"
  | "provider_21610"
  | "staff"
  | "booking_page"
  | "voicemail"
  | "voice_menu"
  | "portal"
  | "import";
/** Transactional: confirmations, reminders, replies. Marketing: offers and campaigns. */
export type ConsentPurpose = "transactional" | "marketing";

export type ConsentChange = {
  phone: string;
  state: ConsentState;
  source: ConsentSource;
  evidence: Prisma.InputJsonValue;
};

/**
 * Which consents one change sets. An opt-out of texts (STOP, a free-text "stop texting me",
 * carrier error 21610, the portal switch, staff) revokes both purposes: someone who asked for no
 * texts gets no offers either. A transactional opt-in (START, the booking checkbox) restores only
 * transactional texts: marketing needs its own explicit opt-in. A marketing change touches only
 * marketing (turning offers off keeps reminders).
 */
export function consentEffects(
  purpose: ConsentPurpose,
  state: ConsentState,
): { purpose: ConsentPurpose; state: ConsentState }[] {
  if (purpose === "transactional" && state === "opted_out") {
    return [
      { purpose: "transactional", state: "opted_out" },
      { purpose: "marketing", state: "opted_out" },
    ];
  }
  return [{ purpose, state }];
}

/**
 * Whether marketing texts may go to a number: an explicit marketing opt-in on record (no row means
 * no consent) and no opt-out of texts (no row there means none on record).
 */
export function marketingAllowed(marketing: ConsentState | null, transactional: ConsentState | null): boolean {
  return marketing === "opted_in" && transactional !== "opted_out";
}

/** Sources that can carry a marketing opt-in, and the evidence each must name. */
const MARKETING_OPT_IN_EVIDENCE: Partial<Record<ConsentSource, { field: string; what: string }>> = {
  booking_page: { field: "text", what: "the wording the customer agreed to" },
  keyword: { field: "text", what: "the text the customer sent" },
  staff: { field: "note", what: "a note on how the customer agreed" },
  portal: { field: "text", what: "the wording the customer agreed to" },
  import: { field: "importSource", what: "where the list came from" },
};

/**
 * Why a marketing change cannot be recorded as given, or null when it can. A marketing opt-in
 * needs express consent with evidence (TCPA): a source a customer can agree through and the
 * evidence that source must carry; and a number that opted out of texts must opt back in itself
 * (START) before any offer can be agreed to on its behalf.
 */
export function marketingChangeProblem(change: ConsentChange, transactional: ConsentState | null): string | null {
  if (change.state === "opted_out") return null;
  const needs = MARKETING_OPT_IN_EVIDENCE[change.source];
  if (!needs) return `Marketing consent can't be given through ${change.source.replaceAll("_", " ")}.`;
  const evidence = change.evidence;
  const value =
    evidence && typeof evidence === "object" && !Array.isArray(evidence)
      ? (evidence as Record<string, unknown>)[needs.field]
      : undefined;
  if (typeof value !== "string" || value.trim() === "") {
    return `Marketing consent needs evidence: ${needs.what}.`;
  }
  if (transactional === "opted_out") {
    return "This number opted out of texts; it has to opt back in (reply START) before it can agree to offers.";
  }
  return null;
}

/**
 * Serialises consent changes of one number at one business until the transaction ends. Without it,
 * an offers opt-in that read "texts on" could commit after a concurrent STOP that found no offers
 * to revoke, leaving offers on for a number that said STOP (and back on after a later START).
 */
async function lockConsent(tx: TenantTx, tenantId: string, phone: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`consent:${tenantId}:${phone}`}))::text`;
}

/**
 * Records a change of the transactional consent (texts at all) for (tenant, phone): one ledger row
 * (purpose transactional, evidence kept forever) and the current state. Its effects on marketing
 * (consentEffects) are applied in the same transaction: an opt-out revokes a marketing opt-in on
 * record, and that same ledger row is the revocation's evidence (a text opt-out is one event, so it
 * is one row; the customer page shows it in both histories). A number never asked about offers
 * gets no marketing row: "not asked" stays distinguishable from "opted out of offers".
 * Returns whether the transactional state actually changed.
 */
export async function recordConsentChange(tx: TenantTx, tenantId: string, change: ConsentChange): Promise<boolean> {
  const { phone, state, source, evidence } = change;
  await lockConsent(tx, tenantId, phone);
  await tx.smsConsentEvent.create({
    data: { tenantId, phone, state, source, purpose: "transactional", evidence },
  });
  const before = await tx.smsConsent.findFirst({ where: { phone }, select: { state: true } });
  await tx.smsConsent.upsert({
    where: { tenantId_phone: { tenantId, phone } },
    create: { tenantId, phone, state, source },
    update: { state, source, updatedAt: new Date() },
  });
  for (const effect of consentEffects("transactional", state)) {
    if (effect.purpose !== "marketing") continue;
    await tx.marketingConsent.updateMany({
      where: { phone, state: { not: effect.state } },
      data: { state: effect.state, source, updatedAt: new Date() },
    });
  }
  return (before?.state ?? "opted_in") !== state;
}

/**
 * Records a change of marketing consent only (offers by text): a ledger row with purpose marketing
 * and the current marketing state. An opt-in without its evidence, or for a number that opted out
 * of texts, is refused (marketingChangeProblem). Returns whether the marketing state changed.
 */
export async function recordMarketingConsent(tx: TenantTx, tenantId: string, change: ConsentChange): Promise<boolean> {
  await lockConsent(tx, tenantId, change.phone);
  const transactional = await tx.smsConsent.findFirst({ where: { phone: change.phone }, select: { state: true } });
  const problem = marketingChangeProblem(change, transactional?.state ?? null);
  if (problem) throw new AppError("PRECONDITION_FAILED", problem);
  const { phone, state, source, evidence } = change;
  await tx.smsConsentEvent.create({ data: { tenantId, phone, state, source, purpose: "marketing", evidence } });
  const before = await tx.marketingConsent.findFirst({ where: { phone }, select: { state: true } });
  await tx.marketingConsent.upsert({
    where: { tenantId_phone: { tenantId, phone } },
    create: { tenantId, phone, state, source },
    update: { state, source, updatedAt: new Date() },
  });
  return (before?.state ?? "opted_out") !== state;
}

/** Whether offers may be texted to the number now (marketingAllowed on the current states). */
export async function hasMarketingConsent(tx: TenantTx, phone: string): Promise<boolean> {
  // One after the other: a transaction is one connection.
  const marketing = await tx.marketingConsent.findFirst({ where: { phone }, select: { state: true } });
  const transactional = await tx.smsConsent.findFirst({ where: { phone }, select: { state: true } });
  return marketingAllowed(marketing?.state ?? null, transactional?.state ?? null);
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
