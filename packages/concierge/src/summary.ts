// What the wizard's review screen shows before anything is written: the plan in words. Contains
// no secret (the onboarding link exists only in the provision answer).
import type { IndustryPack } from "@servicepro/industry-packs";
import type { IvrMode } from "@servicepro/telephony/constants";
import type { PlanTier } from "@servicepro/tenancy/constants";
import type { ProvisioningInput } from "./input.ts";
import { type ProvisioningPlan, type ProvisioningStep, STEP_LABELS, type StepId } from "./plan.ts";

export type PlanSummary = {
  business: { tenantId: string; slug: string; name: string; planTier: PlanTier; timezone: string };
  owner: { name: string; email: string; phone: string };
  pack: { id: string; name: string; version: string };
  counts: { services: number; addOns: number; faqs: number };
  phone: { phoneNumber: string; ivrMode: IvrMode; greeting: string | null } | null;
  websiteDraft: boolean;
  onboarding: { send: boolean; expiresAt: string };
  steps: { id: StepId; label: string; detail: string }[];
  warnings: string[];
};

export function summarizePlan(input: ProvisioningInput, pack: IndustryPack, plan: ProvisioningPlan): PlanSummary {
  const phone = plan.steps.find(
    (step): step is Extract<ProvisioningStep, { id: "assignPhoneNumber" }> => step.id === "assignPhoneNumber",
  )?.phone;
  return {
    business: {
      tenantId: plan.tenantId,
      slug: plan.slug,
      name: input.businessName,
      planTier: input.planTier,
      timezone: input.timezone,
    },
    owner: { ...input.owner },
    pack: { id: pack.id, name: pack.name, version: pack.version },
    counts: plan.counts,
    phone: phone ? { phoneNumber: phone.phoneNumber, ivrMode: phone.ivrMode, greeting: phone.greeting } : null,
    websiteDraft: input.websiteStarter,
    onboarding: { send: input.sendOnboarding, expiresAt: plan.onboardingExpiresAt.toISOString() },
    steps: plan.steps.map((step) => ({ id: step.id, label: STEP_LABELS[step.id], detail: describeStep(step) })),
    warnings: plan.warnings,
  };
}

const offsetText = (minutes: number) => (minutes % 60 === 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute"));

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describeStep(step: ProvisioningStep): string {
  switch (step.id) {
    case "createTenant":
      return `${step.tenant.name} (${step.tenant.slug}), ${step.tenant.planTier} plan, ${step.tenant.status}, ${step.tenant.timezone}`;
    case "createOwner":
      return `${step.user.name} <${step.user.email}> as the business's admin; no password until they use their link`;
    case "recordPackInstall":
      return `${step.install.packId} ${step.install.version}, with a snapshot for later upgrades`;
    case "createServices":
      return plural(step.services.length, "service");
    case "createAddOns":
      return plural(step.addOns.length, "add-on");
    case "createFaqs":
      return plural(step.faqs.length, "FAQ");
    case "setUpBooking":
      return `the pack's business hours, reminders ${step.settings.reminderOffsetsMinutes.map(offsetText).join(" and ")} before`;
    case "assignPhoneNumber":
      return `${step.phone.phoneNumber}, ${step.phone.ivrMode} mode`;
    case "saveWebsiteDraft":
      return `"${step.draft.content.headline}" as the draft site (not published)`;
    case "createOnboardingToken":
      return `a one-time link, valid until ${step.token.expiresAt.toISOString()}`;
    case "queueNumberSetup":
      return `${step.job.phoneNumber}: bought if needed and pointed at ServicePro, after the set-up is saved`;
    case "queueOnboardingNotice":
      return `the link to ${step.notice.email}${step.notice.phone ? ` and ${step.notice.phone}` : ""}, after the set-up is saved`;
    case "audit":
      return "tenant.provisioned";
  }
}
