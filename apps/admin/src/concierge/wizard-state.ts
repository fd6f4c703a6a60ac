// The concierge wizard's data: what the owner has entered, the steps and which fields each owns
// (so a server field error can take the owner straight to the step that has the field), and the
// request built from it. The server validates everything; the checks here only stop obvious
// gaps before a step is left.

import type { IvrMode } from "@servicepro/telephony/constants";
import type { PlanTier } from "@servicepro/web";

export type WizardValues = {
  businessName: string;
  slug: string;
  /** Once the owner types a slug, the name no longer rewrites it. */
  slugEdited: boolean;
  timezone: string;
  ownerName: string;
  ownerEmail: string;
  ownerPhone: string;
  packId: string | null;
  planTier: PlanTier;
  internalNote: string;
  /** null: "no number yet". */
  phoneNumber: string | null;
  /** null: the pack's own mode. */
  ivrMode: IvrMode | null;
  websiteStarter: boolean;
  sendOnboarding: boolean;
};

export const STEP_IDS = ["business", "owner", "pack", "plan", "phone", "website", "onboarding", "review"] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_TITLES: Record<StepId, string> = {
  business: "Business",
  owner: "Owner contact",
  pack: "Industry pack",
  plan: "Plan",
  phone: "Phone number",
  website: "Website starter",
  onboarding: "Onboarding",
  review: "Review",
};

/** The first segment of a request field's path → the step that shows it. */
const FIELD_STEP: Record<string, StepId> = {
  businessName: "business",
  slug: "business",
  timezone: "business",
  owner: "owner",
  packId: "pack",
  planTier: "plan",
  internalNote: "plan",
  phoneNumber: "phone",
  ivrMode: "phone",
  websiteStarter: "website",
  sendOnboarding: "onboarding",
};

export const stepOfField = (path: string): StepId => FIELD_STEP[path.split(".")[0] ?? ""] ?? "review";

export function browserTimezone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "America/Chicago";
  } catch {
    return "America/Chicago";
  }
}

export const initialValues = (): WizardValues => ({
  businessName: "",
  slug: "",
  slugEdited: false,
  timezone: browserTimezone(),
  ownerName: "",
  ownerEmail: "",
  ownerPhone: "",
  packId: null,
  planTier: "starter",
  internalNote: "",
  phoneNumber: null,
  ivrMode: null,
  websiteStarter: true,
  sendOnboarding: true,
});

/** "Green Lawn Co." → "green-lawn-co": the tenancy slug rule (a–z, 0–9, dashes, 2–63 characters). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/g, "");
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field errors the owner can fix before leaving a step, keyed like the server's paths. */
export function checkStep(step: StepId, v: WizardValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (step === "business") {
    if (!v.businessName.trim()) errors.businessName = "Enter the business's name.";
    if (!SLUG.test(v.slug))
      errors.slug = "Use 2–63 lowercase letters, digits and dashes, not starting or ending with a dash.";
  }
  if (step === "owner") {
    if (!v.ownerName.trim()) errors["owner.name"] = "Enter the owner's name.";
    if (!EMAIL.test(v.ownerEmail.trim())) errors["owner.email"] = "Enter an email address such as jo@example.com.";
    if (v.ownerPhone.replace(/\D/g, "").length < 10)
      errors["owner.phone"] = "Enter a mobile number with its area code, e.g. (512) 555-0142.";
  }
  if (step === "pack" && !v.packId) errors.packId = "Choose the pack closest to the business's trade.";
  return errors;
}

/** The request both preview and provision take (provision adds the idempotency key). */
export function toRequest(v: WizardValues) {
  return {
    businessName: v.businessName.trim(),
    slug: v.slug,
    timezone: v.timezone,
    owner: { name: v.ownerName.trim(), email: v.ownerEmail.trim(), phone: v.ownerPhone.trim() },
    packId: v.packId ?? "",
    planTier: v.planTier,
    ...(v.planTier === "internal" && v.internalNote.trim() ? { internalNote: v.internalNote.trim() } : {}),
    // A mode only applies to a number; without one the server would refuse it.
    ...(v.phoneNumber ? { phoneNumber: v.phoneNumber, ...(v.ivrMode ? { ivrMode: v.ivrMode } : {}) } : {}),
    websiteStarter: v.websiteStarter,
    sendOnboarding: v.sendOnboarding,
  };
}

/** Issues from a BAD_REQUEST (`error.data.issues`), keyed by the whole path ("owner.email"). */
export function issuesByPath(error: unknown): Record<string, string> {
  const data = (error as { data?: { code?: unknown; issues?: unknown } } | null)?.data;
  if (data?.code !== "BAD_REQUEST" || !Array.isArray(data.issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of data.issues as { path?: unknown; message?: unknown }[]) {
    if (typeof issue?.message !== "string" || !Array.isArray(issue.path)) continue;
    const key = issue.path.join(".");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
