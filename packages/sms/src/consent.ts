import type { Prisma, TenantTx } from "@servicepro/db";

export type ConsentChange = {
  phone: string;
  state: "opted_in" | "opted_out";
  source: "keyword" | "free_text" | "provider_21610" | "staff" | "booking_page" | "voicemail" | "voice_menu";
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
