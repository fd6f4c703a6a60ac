// planProvisioning: everything setting up a business will write, as an ordered list of typed
// steps, decided without touching anything. The executor (packages/api) runs the list in one
// transaction; the preview shows it; the tests read it. Ids, the clock and the onboarding token
// come in as arguments, so the plan is a pure function of its inputs.
import { hasFeature, lowestTierWith } from "@servicepro/features";
import type { IndustryPack } from "@servicepro/industry-packs";
import type { BusinessHours, IvrMode } from "@servicepro/telephony/constants";
import { PLAN_TIER_LABELS, type PlanTier } from "@servicepro/tenancy/constants";
import {
  type AddOnRow,
  addOnRow,
  type FaqRow,
  faqRow,
  fillBusinessName,
  type ServiceRow,
  serviceRow,
} from "./catalog.ts";
import type { ProvisioningInput } from "./input.ts";
import { planGateIssues } from "./plan-gates.ts";

/** How long a new owner's one-time link works. */
export const ONBOARDING_TOKEN_TTL_MS = 72 * 60 * 60 * 1000;

/** The password hash a new owner starts with: not Argon2, so no password ever matches it. */
export const UNUSABLE_PASSWORD_HASH = "!onboarding-pending";

export type TenantStatusAtSetup = "trialing" | "active";

/**
 * Who gets the one-time link after the set-up commits (the twin of @servicepro/provisioning's
 * OnboardingNoticeRequest; this package stays I/O-free). No link: the notice worker mints one when
 * it sends, so no secret waits in the job queue. The email and phone are for the preview only.
 */
export type OnboardingNoticePlan = {
  tenantId: string;
  userId: string;
  email: string;
  phone: string | null;
};

export type ProvisioningStep =
  | {
      id: "createTenant";
      tenant: {
        id: string;
        slug: string;
        name: string;
        industry: string;
        planTier: PlanTier;
        status: TenantStatusAtSetup;
        internalNotes: string | null;
        timezone: string;
        contactName: string;
        contactEmail: string;
        contactPhone: string;
      };
    }
  | {
      id: "createOwner";
      user: { id: string; email: string; name: string; passwordHash: string };
      membership: { tenantId: string; id: string; userId: string; role: "tenant_admin" };
    }
  | {
      id: "recordPackInstall";
      install: {
        tenantId: string;
        id: string;
        packId: string;
        version: string;
        snapshot: IndustryPack;
        installedAt: Date;
      };
    }
  | { id: "createServices"; services: ServiceRow[] }
  | { id: "createAddOns"; addOns: AddOnRow[] }
  | { id: "createFaqs"; faqs: FaqRow[] }
  | {
      id: "setUpBooking";
      /**
       * The business's opening hours and reminder cadence (the IVR and online booking read them).
       * The owner's calendar (a staff bookable) comes with the membership: a database trigger adds
       * one for every new membership, whoever creates it.
       */
      settings: { tenantId: string; hours: BusinessHours; reminderOffsetsMinutes: number[] };
    }
  | {
      id: "assignPhoneNumber";
      phone: {
        phoneNumber: string;
        tenantId: string;
        label: string;
        ivrMode: IvrMode;
        greeting: string | null;
        /** The owner's mobile: where `forward` and menu option 2 ring. */
        forwardTo: string;
      };
    }
  | { id: "saveWebsiteDraft"; draft: { tenantId: string; packId: string; content: IndustryPack["website"] } }
  | { id: "createOnboardingToken"; token: { id: string; userId: string; tenantId: string; expiresAt: Date } }
  | { id: "queueNumberSetup"; job: { tenantId: string; phoneNumber: string } }
  | { id: "queueOnboardingNotice"; notice: OnboardingNoticePlan }
  | {
      id: "audit";
      event: {
        action: "tenant.provisioned";
        targetTenantId: string;
        objectType: "tenant";
        objectId: string;
        details: ProvisionedAuditDetails;
      };
    };

export type StepId = ProvisioningStep["id"];

export type ProvisionedAuditDetails = {
  packId: string;
  packVersion: string;
  planTier: PlanTier;
  ownerUserId: string;
  ownerEmail: string;
  phoneNumber: string | null;
  ivrMode: IvrMode | null;
  counts: { services: number; addOns: number; faqs: number };
  websiteDraft: boolean;
  onboardingNotice: boolean;
};

/** Every step in execution order, with the words the owner sees when one fails. */
export const STEP_LABELS: Record<StepId, string> = {
  createTenant: "creating the business",
  createOwner: "creating the owner's account",
  recordPackInstall: "recording the industry pack",
  createServices: "adding the pack's services",
  createAddOns: "adding the pack's add-ons",
  createFaqs: "adding the pack's FAQs",
  setUpBooking: "setting up opening hours and reminders",
  assignPhoneNumber: "assigning the phone number",
  saveWebsiteDraft: "saving the starter website",
  createOnboardingToken: "creating the onboarding link",
  queueNumberSetup: "queueing the phone number set-up",
  queueOnboardingNotice: "queueing the onboarding text and email",
  audit: "recording the set-up in the audit log",
};

export const STEP_IDS = Object.keys(STEP_LABELS) as StepId[];

export type PlanOptions = {
  now: Date;
  /** Where people reach the apps, e.g. https://app.example.com (no trailing slash needed). */
  publicBaseUrl: string;
  /** The raw one-time token (only ever in the link) and its SHA-256 hex (what is stored). */
  token: string;
  tokenHash: string;
  /** A fresh UUID per call. */
  newId: () => string;
};

export type ProvisioningPlan = {
  tenantId: string;
  slug: string;
  ownerUserId: string;
  onboardingLink: string;
  onboardingExpiresAt: Date;
  /** The IVR mode the number will have, or null without a number. */
  ivrMode: IvrMode | null;
  counts: { services: number; addOns: number; faqs: number };
  steps: ProvisioningStep[];
  warnings: string[];
};

export function onboardingLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/app/welcome?token=${encodeURIComponent(token)}`;
}

export function planProvisioning(input: ProvisioningInput, pack: IndustryPack, options: PlanOptions): ProvisioningPlan {
  if (pack.id !== input.packId)
    throw new Error(`planProvisioning got pack "${pack.id}" for a request that chose "${input.packId}".`);
  // The tenant id is the slug (as for the demo tenants): stable, readable in logs and URLs.
  const tenantId = input.slug;
  const ownerUserId = options.newId();
  const expiresAt = new Date(options.now.getTime() + ONBOARDING_TOKEN_TTL_MS);
  const link = onboardingLink(options.publicBaseUrl, options.token);

  const services = pack.services.map((service, position) =>
    serviceRow(pack, service, { tenantId, id: options.newId(), position }),
  );
  const serviceRowIds = new Map(services.map((row) => [row.packItemId, row.id]));
  const addOns = pack.addOns.map((addOn, position) =>
    addOnRow(addOn, serviceRowIds, { tenantId, id: options.newId(), position }),
  );
  const faqs = pack.faqs.map((faq, position) => faqRow(faq, { tenantId, id: options.newId(), position }));
  const counts = { services: services.length, addOns: addOns.length, faqs: faqs.length };
  const phone = input.phoneNumber ? phoneStep(input, pack, tenantId) : null;

  const steps: ProvisioningStep[] = [
    {
      id: "createTenant",
      tenant: {
        id: tenantId,
        slug: input.slug,
        name: input.businessName,
        industry: pack.id,
        planTier: input.planTier,
        // Paying tiers start on a trial; the internal tier is at cost, so there is nothing to trial.
        status: input.planTier === "internal" ? "active" : "trialing",
        internalNotes: input.internalNote,
        timezone: input.timezone,
        contactName: input.owner.name,
        contactEmail: input.owner.email,
        contactPhone: input.owner.phone,
      },
    },
    {
      id: "createOwner",
      user: { id: ownerUserId, email: input.owner.email, name: input.owner.name, passwordHash: UNUSABLE_PASSWORD_HASH },
      membership: { tenantId, id: options.newId(), userId: ownerUserId, role: "tenant_admin" },
    },
    // A plain copy: the registry's packs are frozen, and the snapshot is what upgrades diff against.
    {
      id: "recordPackInstall",
      install: {
        tenantId,
        id: options.newId(),
        packId: pack.id,
        version: pack.version,
        snapshot: structuredClone(pack),
        installedAt: options.now,
      },
    },
    { id: "createServices", services },
    { id: "createAddOns", addOns },
    { id: "createFaqs", faqs },
    {
      id: "setUpBooking",
      settings: {
        tenantId,
        hours: structuredClone(pack.businessHours),
        reminderOffsetsMinutes: reminderOffsetsOf(pack),
      },
    },
  ];
  if (phone) steps.push({ id: "assignPhoneNumber", phone });
  if (input.websiteStarter)
    steps.push({
      id: "saveWebsiteDraft",
      draft: { tenantId, packId: pack.id, content: structuredClone(pack.website) },
    });
  // The link is made even when nothing is sent: the platform owner then passes it on themselves.
  steps.push({
    id: "createOnboardingToken",
    token: { id: options.tokenHash, userId: ownerUserId, tenantId, expiresAt },
  });
  if (phone) steps.push({ id: "queueNumberSetup", job: { tenantId, phoneNumber: phone.phoneNumber } });
  if (input.sendOnboarding) {
    steps.push({
      id: "queueOnboardingNotice",
      notice: { tenantId, userId: ownerUserId, email: input.owner.email, phone: input.owner.phone },
    });
  }
  steps.push({
    id: "audit",
    event: {
      action: "tenant.provisioned",
      targetTenantId: tenantId,
      objectType: "tenant",
      objectId: tenantId,
      details: {
        packId: pack.id,
        packVersion: pack.version,
        planTier: input.planTier,
        ownerUserId,
        ownerEmail: input.owner.email,
        phoneNumber: phone?.phoneNumber ?? null,
        ivrMode: phone?.ivrMode ?? null,
        counts,
        websiteDraft: input.websiteStarter,
        onboardingNotice: input.sendOnboarding,
      },
    },
  });

  return {
    tenantId,
    slug: input.slug,
    ownerUserId,
    onboardingLink: link,
    onboardingExpiresAt: expiresAt,
    ivrMode: phone?.ivrMode ?? null,
    counts,
    steps,
    warnings: planWarnings(input, pack, phone),
  };
}

/** Reminders at most a week ahead (the booking settings' limit), earliest first, no repeats. */
const MAX_REMINDER_OFFSET_MINUTES = 7 * 24 * 60;
export function reminderOffsetsOf(pack: IndustryPack): number[] {
  const minutes = pack.reminders.appointmentHoursBefore.map((hours) =>
    Math.min(hours * 60, MAX_REMINDER_OFFSET_MINUTES),
  );
  return [...new Set(minutes)].sort((a, b) => b - a);
}

type PhoneStep = Extract<ProvisioningStep, { id: "assignPhoneNumber" }>["phone"];

/**
 * How the number answers: the owner's choice, else the pack's mode, unless that is the AI
 * receptionist on a plan without it; the number then answers with the menu (the best the plan
 * has), and planWarnings says so. An explicit ai-voice on such a plan is refused by the
 * provision procedure (planGateIssues), never downgraded silently.
 */
function answeringMode(input: ProvisioningInput, pack: IndustryPack): IvrMode {
  if (input.ivrMode) return input.ivrMode;
  return pack.ivr.mode === "ai-voice" && !hasFeature(input, "aiVoiceAgent") ? "menu" : pack.ivr.mode;
}

function phoneStep(input: ProvisioningInput, pack: IndustryPack, tenantId: string): PhoneStep {
  const ivrMode = answeringMode(input, pack);
  return {
    phoneNumber: input.phoneNumber!,
    tenantId,
    label: "Main line",
    ivrMode,
    greeting: usesPackGreeting(input, pack) ? fillBusinessName(pack.ivr.greeting, input.businessName) : null,
    forwardTo: input.owner.phone,
  };
}

/**
 * Pack greetings are written for the pack's mode ("Our assistant can quote your lawn…"). Spoken
 * before another mode, or before the menu a plan without the AI receptionist falls back to, they
 * would promise what the caller will not get; the standard "Thanks for calling …" is used then.
 */
function usesPackGreeting(input: ProvisioningInput, pack: IndustryPack): boolean {
  const mode = answeringMode(input, pack);
  if (mode !== pack.ivr.mode) return false;
  return mode !== "ai-voice" || hasFeature(input, "aiVoiceAgent");
}

function planWarnings(input: ProvisioningInput, pack: IndustryPack, phone: PhoneStep | null): string[] {
  // What the chosen plan lacks comes first: provisioning will refuse it until it is changed.
  const warnings: string[] = planGateIssues(input).map((issue) => issue.message);
  if (!phone) {
    warnings.push(
      "No phone number: the business cannot take calls or texts until you assign one (Phone numbers, in the owner console).",
    );
  } else {
    if (!input.ivrMode && pack.ivr.mode === "ai-voice" && phone.ivrMode !== "ai-voice") {
      warnings.push(
        `The ${PLAN_TIER_LABELS[input.planTier]} plan has no AI receptionist, so the number answers with the menu instead of the ${pack.name} pack's AI receptionist. Choose the ${PLAN_TIER_LABELS[lowestTierWith("aiVoiceAgent")]} plan to use it.`,
      );
    }
    if (phone.greeting === null) {
      warnings.push(
        `The ${pack.name} greeting is written for its ${pack.ivr.mode} mode, so callers will hear the standard greeting ("Thanks for calling ${input.businessName}.") instead.`,
      );
    }
    if (phone.ivrMode === "forward") warnings.push(`Calls will ring the owner's mobile, ${phone.forwardTo}.`);
  }
  if (!input.sendOnboarding) {
    warnings.push(
      "No onboarding text or email will be sent: give the owner the one-time link yourself (it is shown once, after set-up).",
    );
  }
  if (!input.websiteStarter) warnings.push("No starter website: the business's site starts empty.");
  return warnings;
}
