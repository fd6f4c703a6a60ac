// The concierge wizard's data: what the owner has entered, checked with the same schemas the
// server's set-up input uses (@servicepro/validators); the steps and which fields each owns (so a
// step is checked when it is left, and a server field error takes the owner straight to the step
// that has the field); and the request built from it.

import { IVR_MODES } from "@servicepro/telephony/constants";
import {
  businessNameSchema,
  internalNoteSchema,
  ownerEmailSchema,
  ownerNameSchema,
  ownerPhoneSchema,
  slugSchema,
  timeZoneSchema,
} from "@servicepro/validators";
import { PLAN_TIERS } from "@servicepro/web";
import { z } from "zod";

export { slugify } from "@servicepro/validators";

export const wizardSchema = z.object({
  businessName: businessNameSchema,
  slug: slugSchema,
  /** Once the owner types a slug, the name no longer rewrites it. */
  slugEdited: z.boolean(),
  timezone: timeZoneSchema,
  ownerName: ownerNameSchema,
  ownerEmail: ownerEmailSchema,
  ownerPhone: ownerPhoneSchema,
  packId: z
    .string()
    .nullable()
    .refine((id) => Boolean(id), "Choose the pack closest to the business's trade."),
  planTier: z.enum(PLAN_TIERS),
  internalNote: internalNoteSchema,
  /** null: "no number yet". */
  phoneNumber: z.string().nullable(),
  /** null: the pack's own mode. */
  ivrMode: z.enum(IVR_MODES).nullable(),
  websiteStarter: z.boolean(),
  sendOnboarding: z.boolean(),
});

/** What the form holds, as typed (the server normalises: E.164 phones, lower-cased emails). */
export type WizardValues = z.input<typeof wizardSchema>;
export type WizardField = keyof WizardValues;

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

/** The fields each step shows: checked when the step is left. */
export const STEP_FIELDS: Record<StepId, readonly WizardField[]> = {
  business: ["businessName", "slug", "timezone"],
  owner: ["ownerName", "ownerPhone", "ownerEmail"],
  pack: ["packId"],
  plan: ["planTier", "internalNote"],
  phone: ["phoneNumber", "ivrMode"],
  website: ["websiteStarter"],
  onboarding: ["sendOnboarding"],
  review: [],
};

/** A request field's path (as the server reports it) → the form field that shows it. */
export function fieldOfPath(path: string): WizardField | undefined {
  if (path === "owner" || path === "owner.name") return "ownerName";
  if (path === "owner.email") return "ownerEmail";
  if (path === "owner.phone") return "ownerPhone";
  const field = path.split(".")[0] as WizardField;
  return (Object.values(STEP_FIELDS) as readonly (readonly string[])[]).some((fields) => fields.includes(field))
    ? field
    : undefined;
}

export const stepOfField = (path: string): StepId => {
  const field = fieldOfPath(path);
  return STEP_IDS.find((step) => field && STEP_FIELDS[step].includes(field)) ?? "review";
};

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

/** The request both preview and provision take (provision adds the idempotency key). */
export function toRequest(v: WizardValues) {
  return {
    businessName: v.businessName.trim(),
    slug: v.slug,
    timezone: v.timezone,
    owner: { name: v.ownerName.trim(), email: v.ownerEmail.trim(), phone: v.ownerPhone.trim() },
    packId: v.packId ?? "",
    planTier: v.planTier,
    ...(v.planTier === "internal" && v.internalNote?.trim() ? { internalNote: v.internalNote.trim() } : {}),
    // A mode only applies to a number; without one the server would refuse it.
    ...(v.phoneNumber ? { phoneNumber: v.phoneNumber, ...(v.ivrMode ? { ivrMode: v.ivrMode } : {}) } : {}),
    websiteStarter: v.websiteStarter,
    sendOnboarding: v.sendOnboarding,
  };
}
