import { getPack, INDUSTRY_PACKS, type IndustryPack } from "@servicepro/industry-packs";
import { describe, expect, it } from "vitest";
import { type ProvisioningInputRaw, provisioningInputSchema } from "./input.ts";
import {
  ONBOARDING_TOKEN_TTL_MS,
  type ProvisioningPlan,
  type ProvisioningStep,
  planProvisioning,
  STEP_IDS,
  type StepId,
  UNUSABLE_PASSWORD_HASH,
} from "./plan.ts";
import { summarizePlan } from "./summary.ts";
import { VALID_INPUT } from "./test-fixtures.ts";

const NOW = new Date("2026-11-22T09:00:00Z");

function plan(patch: Partial<ProvisioningInputRaw> = {}, pack?: IndustryPack) {
  const input = provisioningInputSchema.parse({ ...VALID_INPUT, ...patch });
  let n = 0;
  const chosen = pack ?? getPack(input.packId)!;
  const result = planProvisioning(input, chosen, {
    now: NOW,
    publicBaseUrl: "https://app.servicepro.test/",
    token: "raw-token_value",
    tokenHash: "a".repeat(64),
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  });
  return { input, pack: chosen, plan: result };
}

const step = <K extends StepId>(p: ProvisioningPlan, id: K) =>
  p.steps.find((s): s is Extract<ProvisioningStep, { id: K }> => s.id === id);
const ids = (p: ProvisioningPlan) => p.steps.map((s) => s.id);

describe("planProvisioning", () => {
  it("should list every step in order for a full set-up", () => {
    const { plan: p } = plan();
    expect(ids(p)).toEqual(STEP_IDS);
    expect(p.tenantId).toBe("greenway-lawn");
  });

  it("should leave out the number, website and notice steps when they are not asked for", () => {
    const { plan: p } = plan({ phoneNumber: "", websiteStarter: false, sendOnboarding: false });
    expect(ids(p)).toEqual([
      "createTenant",
      "createOwner",
      "recordPackInstall",
      "createServices",
      "createAddOns",
      "createFaqs",
      "setUpBooking",
      "createOnboardingToken",
      "audit",
    ]);
    expect(p.ivrMode).toBeNull();
    expect(p.warnings.join(" ")).toMatch(/No phone number.*No onboarding text or email.*No starter website/);
  });

  it("should create the tenant trialing with the owner's contact, and an internal one active with its note", () => {
    expect(step(plan().plan, "createTenant")!.tenant).toEqual({
      id: "greenway-lawn",
      slug: "greenway-lawn",
      name: "Greenway Lawn & Garden",
      industry: "lawn-care",
      planTier: "pro",
      status: "trialing",
      internalNotes: null,
      timezone: "America/Denver",
      contactName: "Rosa Martinez",
      contactEmail: "rosa@greenway.example",
      contactPhone: "+17205550142",
    });
    const internal = step(
      plan({ planTier: "internal", internalNote: "Cousin's business" }).plan,
      "createTenant",
    )!.tenant;
    expect(internal).toMatchObject({ status: "active", internalNotes: "Cousin's business" });
  });

  it("should make the owner a tenant admin whose password cannot match anything", () => {
    const { plan: p } = plan();
    const owner = step(p, "createOwner")!;
    expect(owner.user).toMatchObject({
      id: p.ownerUserId,
      email: "rosa@greenway.example",
      passwordHash: UNUSABLE_PASSWORD_HASH,
    });
    expect(owner.membership).toMatchObject({ tenantId: "greenway-lawn", userId: p.ownerUserId, role: "tenant_admin" });
  });

  it("should copy every pack item with its pack id, in pack order, and point add-ons at the new services", () => {
    const { plan: p, pack } = plan();
    const services = step(p, "createServices")!.services;
    const addOns = step(p, "createAddOns")!.addOns;
    const faqs = step(p, "createFaqs")!.faqs;
    expect(services.map((s) => s.packItemId)).toEqual(pack.services.map((s) => s.id));
    expect(addOns.map((a) => a.packItemId)).toEqual(pack.addOns.map((a) => a.id));
    expect(faqs.map((f) => [f.packItemId, f.question])).toEqual(pack.faqs.map((f) => [f.id, f.question]));
    expect(p.counts).toEqual({ services: pack.services.length, addOns: pack.addOns.length, faqs: pack.faqs.length });
    expect(new Set([...services, ...addOns, ...faqs].map((row) => row.id)).size).toBe(
      services.length + addOns.length + faqs.length,
    );

    const serviceIdByPackId = new Map(services.map((s) => [s.packItemId, s.id]));
    pack.addOns.forEach((packAddOn, i) => {
      expect(addOns[i]!.serviceIds).toEqual(packAddOn.serviceIds.map((id) => serviceIdByPackId.get(id)));
    });
  });

  it("should store fixed prices and ranges in the right columns, with the factors' labels", () => {
    for (const pack of INDUSTRY_PACKS) {
      const services = step(plan({ packId: pack.id }, pack).plan, "createServices")!.services;
      pack.services.forEach((packService, i) => {
        const row = services[i]!;
        if (typeof packService.priceCents === "number") {
          expect(row).toMatchObject({ priceCents: packService.priceCents, priceMinCents: null, priceMaxCents: null });
        } else {
          expect(row).toMatchObject({
            priceCents: null,
            priceMinCents: packService.priceCents.min,
            priceMaxCents: packService.priceCents.max,
          });
          expect(row.priceDependsOn).toBe(
            packService.priceDependsOn.map((id) => pack.pricingFactors.find((f) => f.id === id)!.label).join(", "),
          );
        }
      });
    }
  });

  it("should snapshot the pack as plain, unfrozen data", () => {
    const { plan: p, pack } = plan();
    const install = step(p, "recordPackInstall")!.install;
    expect(install).toMatchObject({ packId: "lawn-care", version: pack.version, installedAt: NOW });
    expect(install.snapshot).toEqual(pack);
    expect(Object.isFrozen(install.snapshot)).toBe(false);
  });

  it("should assign the number with the best mode the plan has, the pack's hours, ringing the owner", () => {
    const { plan: p, pack } = plan();
    // lawn-care's pack mode is ai-voice; Pro has no AI receptionist, so the number answers with
    // the menu (issue 9: a plan gate gates; it was saved as ai-voice before), and not with a
    // greeting promising an assistant.
    expect(step(p, "assignPhoneNumber")!.phone).toEqual({
      phoneNumber: "+17205550199",
      tenantId: "greenway-lawn",
      label: "Main line",
      ivrMode: "menu",
      greeting: null,
      forwardTo: "+17205550142",
    });
    expect(pack.ivr.mode).toBe("ai-voice");
    expect(p.warnings).toContain(
      "The Pro plan has no AI receptionist, so the number answers with the menu instead of the Lawn Care pack's AI receptionist. Choose the Elite plan to use it.",
    );
  });

  it("should give the business the pack's hours and reminder cadence, ", () => {
    const { plan: p, pack } = plan();
    const booking = step(p, "setUpBooking")!;
    expect(booking.settings).toEqual({
      tenantId: "greenway-lawn",
      hours: pack.businessHours,
      reminderOffsetsMinutes: pack.reminders.appointmentHoursBefore.map((h) => h * 60).sort((a, b) => b - a),
    });
  });

  it("should use the pack's greeting when its mode is what callers get", () => {
    const elite = step(plan({ planTier: "elite" }).plan, "assignPhoneNumber")!.phone;
    expect(elite.ivrMode).toBe("ai-voice");
    expect(elite.greeting).toMatch(/^Thanks for calling Greenway Lawn & Garden\. /);
    expect(elite.greeting).not.toContain("{businessName}");
  });

  it("should honour an IVR override, with the standard greeting", () => {
    const { plan: p } = plan({ ivrMode: "voicemail" });
    expect(step(p, "assignPhoneNumber")!.phone).toMatchObject({ ivrMode: "voicemail", greeting: null });
    expect(p.warnings.join(" ")).toContain("standard greeting");
  });

  it("should warn when the plan lacks the AI receptionist the pack's mode needs", () => {
    const { plan: p } = plan({ planTier: "internal", internalNote: null });
    expect(p.warnings.join(" ")).not.toContain("AI receptionist");
    const { plan: starter } = plan({ planTier: "starter" });
    expect(starter.warnings).toContain(
      "The Starter plan has no AI receptionist, so the number answers with the menu instead of the Lawn Care pack's AI receptionist. Choose the Elite plan to use it.",
    );
  });

  // Issue 9 changed this: the pack's ai-voice is no longer saved on a plan without it.
  it("should answer with the menu when the plan has no AI receptionist and the owner chose no mode", () => {
    expect(step(plan({ planTier: "starter" }).plan, "assignPhoneNumber")!.phone.ivrMode).toBe("menu");
    expect(step(plan({ planTier: "elite" }).plan, "assignPhoneNumber")!.phone.ivrMode).toBe("ai-voice");
  });

  it("should warn, on the field that asks, when the plan lacks what the set-up asks for", () => {
    const { plan: starter } = plan({ planTier: "starter" });
    expect(starter.warnings[0]).toBe(
      "The Starter plan has no phone number of its own: choose the Pro plan or higher, or set the business up without a number.",
    );
    const { plan: pro } = plan({ ivrMode: "ai-voice" });
    expect(step(pro, "assignPhoneNumber")!.phone.ivrMode).toBe("ai-voice");
    expect(pro.warnings[0]).toBe(
      "The Pro plan has no AI receptionist: choose the Elite plan, or another way for the number to answer.",
    );
    expect(plan({ planTier: "starter", phoneNumber: "" }).plan.warnings.join(" ")).not.toContain("plan has no");
    expect(plan({ planTier: "elite", ivrMode: "ai-voice" }).plan.warnings.join(" ")).not.toContain("plan has no");
  });

  it("should make a 72-hour onboarding link whose token is stored only as its hash", () => {
    const { plan: p } = plan();
    expect(p.onboardingLink).toBe("https://app.servicepro.test/app/welcome?token=raw-token_value");
    const token = step(p, "createOnboardingToken")!.token;
    expect(token).toEqual({
      id: "a".repeat(64),
      userId: p.ownerUserId,
      tenantId: "greenway-lawn",
      expiresAt: new Date(NOW.getTime() + ONBOARDING_TOKEN_TTL_MS),
    });
    // No step carries the raw token: the notice worker mints its own link when it sends.
    expect(JSON.stringify(p.steps)).not.toContain("raw-token_value");
    expect(step(p, "queueOnboardingNotice")!.notice).toEqual({
      tenantId: "greenway-lawn",
      userId: p.ownerUserId,
      email: "rosa@greenway.example",
      phone: "+17205550142",
    });
  });

  it("should queue the number set-up and save the pack's website copy", () => {
    const { plan: p, pack } = plan();
    expect(step(p, "queueNumberSetup")!.job).toEqual({ tenantId: "greenway-lawn", phoneNumber: "+17205550199" });
    expect(step(p, "saveWebsiteDraft")!.draft).toEqual({
      tenantId: "greenway-lawn",
      packId: "lawn-care",
      content: pack.website,
    });
  });

  it("should audit what was set up", () => {
    const { plan: p, pack } = plan();
    expect(step(p, "audit")!.event).toMatchObject({
      action: "tenant.provisioned",
      targetTenantId: "greenway-lawn",
      details: {
        packId: "lawn-care",
        packVersion: pack.version,
        planTier: "pro",
        phoneNumber: "+17205550199",
        ivrMode: "menu",
        counts: p.counts,
      },
    });
  });

  it("should plan every pack without error", () => {
    for (const pack of INDUSTRY_PACKS) expect(plan({ packId: pack.id }, pack).plan.steps.length).toBe(STEP_IDS.length);
  });

  it("should refuse a pack other than the one the input chose", () => {
    expect(() => plan({ packId: "lawn-care" }, getPack("pet-grooming"))).toThrow(/pet-grooming/);
  });

  it("should be deterministic for the same ids, clock and token", () => {
    expect(plan().plan).toEqual(plan().plan);
  });
});

describe("summarizePlan", () => {
  it("should describe every step without the link", () => {
    const { input, pack, plan: p } = plan();
    const summary = summarizePlan(input, pack, p);
    expect(summary.steps.map((s) => s.id)).toEqual(ids(p));
    expect(summary).toMatchObject({
      counts: p.counts,
      phone: { phoneNumber: "+17205550199", ivrMode: "menu" },
      pack: { id: "lawn-care" },
      websiteDraft: true,
    });
    expect(JSON.stringify(summary)).not.toContain("raw-token_value");
  });
});
