// What the owner types into the set-up wizard, validated once here so the preview, the
// provisioning procedure and the admin screens agree on every rule and every message. Values are
// normalised as they are parsed (phones to E.164, emails lower-cased, time zones to their
// canonical IANA name), so two spellings of one request hash the same (idempotency) and clash
// checks compare like with like.
import { emailSchema, normalizeEmail } from "@servicepro/identity";
import { isPackId, PACK_IDS } from "@servicepro/industry-packs";
import { IVR_MODES } from "@servicepro/telephony/constants";
import { normalizePhone } from "@servicepro/telephony/phone";
import { PLAN_TIER_LABELS, PLAN_TIERS, TENANT_SLUG_PATTERN } from "@servicepro/tenancy/constants";
import { z } from "zod";

export const INTERNAL_NOTE_MAX = 500;

const oneOf = (values: readonly string[]) => values.map((value) => `"${value}"`).join(", ");

/**
 * The canonical IANA name for `value` ("america/chicago" → "America/Chicago"), or null when the
 * runtime does not know it. UTC offsets ("+02:00") are refused: they ignore daylight saving, so
 * business hours would drift by an hour twice a year.
 */
export function canonicalTimeZone(value: string): string | null {
  if (!/^[A-Za-z]/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(min, { message: min === 1 ? `Enter ${label}.` : `${capitalise(label)} needs at least ${min} characters.` })
    .max(max, { message: `${capitalise(label)} can be at most ${max} characters.` });

const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** Any spelling of a phone number a person might type, stored as E.164. */
const phoneSchema = (what: string) =>
  z.string({ error: `Enter ${what}.` }).transform((value, ctx) => {
    const e164 = normalizePhone(value);
    if (!e164) {
      ctx.addIssue({
        code: "custom",
        message: `${capitalise(what)} is not a phone number we can dial: use international format, e.g. +15555550100.`,
      });
      return z.NEVER;
    }
    return e164;
  });

export const slugSchema = z
  .string({ error: "Enter a web address name (slug), e.g. green-lawn." })
  .trim()
  .toLowerCase()
  .regex(TENANT_SLUG_PATTERN, {
    message:
      "The slug is 2–63 lowercase letters, digits and dashes, not starting or ending with a dash, e.g. green-lawn.",
  });

export const timeZoneSchema = z
  .string({ error: "Choose the business's time zone, e.g. America/Chicago." })
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value.trim());
    if (!zone) {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not a time zone we know: use an IANA name such as America/Chicago or Europe/London.`,
      });
      return z.NEVER;
    }
    return zone;
  });

const ownerSchema = z.strictObject(
  {
    name: text("the owner's name", 2, 80),
    email: z.string({ error: "Enter the owner's email address." }).transform(normalizeEmail).pipe(emailSchema),
    phone: phoneSchema("the owner's mobile number"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown owner field ${oneOf(issue.keys)}: send name, email and phone.`
        : undefined,
  },
);

/** "" and null mean "no number yet" (forms send "" for an empty field). */
const optionalPhoneNumber = z
  .string({ error: "The business number must be a phone number in international format, e.g. +15555550100." })
  .nullable()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null || value.trim() === "") return null;
    const e164 = normalizePhone(value);
    if (!e164) {
      ctx.addIssue({
        code: "custom",
        message: "The business number must be a phone number in international format, e.g. +15555550100.",
      });
      return z.NEVER;
    }
    return e164;
  });

const INPUT_KEYS = [
  "businessName",
  "slug",
  "timezone",
  "owner",
  "packId",
  "planTier",
  "internalNote",
  "phoneNumber",
  "ivrMode",
  "websiteStarter",
  "sendOnboarding",
] as const;

export const provisioningInputShape = {
  businessName: text("the business name", 2, 80),
  slug: slugSchema,
  timezone: timeZoneSchema,
  owner: ownerSchema,
  packId: z
    .string({ error: "Choose an industry pack." })
    .trim()
    .refine(isPackId, {
      message: `There is no industry pack with that id; choose one of the ${PACK_IDS.length} packs (admin.packs.list).`,
    }),
  planTier: z.enum(PLAN_TIERS, { error: `Plan must be one of ${oneOf(PLAN_TIERS)}.` }),
  /** The owner's private note; kept only for internal (at-cost) businesses. "" or null: none. */
  internalNote: z
    .string()
    .trim()
    .max(INTERNAL_NOTE_MAX, { message: `The internal note can be at most ${INTERNAL_NOTE_MAX} characters.` })
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
  /** Optional: a business may start without a number and get one later. */
  phoneNumber: optionalPhoneNumber,
  /** Overrides the pack's IVR mode for the number. */
  ivrMode: z.enum(IVR_MODES, { error: `The IVR mode must be one of ${oneOf(IVR_MODES)}.` }).optional(),
  /** Save the pack's website copy as the business's draft site. */
  websiteStarter: z.boolean({ error: "websiteStarter is true or false." }).default(true),
  /** Text and email the owner their one-time link (otherwise the platform owner passes it on). */
  sendOnboarding: z.boolean({ error: "sendOnboarding is true or false." }).default(true),
} as const;

/** Cross-field rules, shared by every schema built from the shape. */
export const refineProvisioningInput = (
  input: { planTier: string; internalNote: string | null; phoneNumber: string | null; ivrMode?: string | undefined },
  ctx: z.RefinementCtx,
) => {
  if (input.internalNote && input.planTier !== "internal") {
    ctx.addIssue({
      code: "custom",
      path: ["internalNote"],
      message: `Internal notes are kept only for internal (at-cost) businesses: clear the note or choose the ${PLAN_TIER_LABELS.internal} plan.`,
    });
  }
  if (input.ivrMode && !input.phoneNumber) {
    ctx.addIssue({
      code: "custom",
      path: ["ivrMode"],
      message: "An IVR mode applies to a phone number: choose a number, or leave the mode out.",
    });
  }
};

const unknownKeys = (allowed: readonly string[]) => ({
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys"
      ? `Unknown field ${oneOf(issue.keys ?? [])}: send only ${allowed.join(", ")}.`
      : undefined,
});

/** The wizard's whole request. Strict: an unknown field is an error naming it (mass assignment). */
export const provisioningInputSchema = z
  .strictObject(provisioningInputShape, unknownKeys(INPUT_KEYS))
  .superRefine(refineProvisioningInput);

/** The same, plus the client's idempotency key (what `admin.concierge.provision` takes). */
export const provisionRequestSchema = z
  .strictObject(
    {
      idempotencyKey: z.uuid({
        message: "idempotencyKey must be a UUID the client generates once per set-up (and reuses on retries).",
      }),
      ...provisioningInputShape,
    },
    unknownKeys(["idempotencyKey", ...INPUT_KEYS]),
  )
  .superRefine(refineProvisioningInput);

/** Validated and normalised input. */
export type ProvisioningInput = z.output<typeof provisioningInputSchema>;
/** What a client sends (before defaults and normalisation). */
export type ProvisioningInputRaw = z.input<typeof provisioningInputSchema>;
