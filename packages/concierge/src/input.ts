// What the owner types into the set-up wizard, validated once here so the preview, the
// provisioning procedure and the admin screens agree on every rule and every message. Values are
// normalised as they are parsed (phones to E.164, emails lower-cased, time zones to their
// canonical IANA name), so two spellings of one request hash the same (idempotency) and clash
// checks compare like with like.
import { isPackId, PACK_IDS } from "@servicepro/industry-packs";
import { IVR_MODES } from "@servicepro/telephony/constants";
import { PLAN_TIER_LABELS, PLAN_TIERS } from "@servicepro/tenancy/constants";
import {
  businessNameSchema,
  INTERNAL_NOTE_MAX,
  internalNoteSchema,
  optionalPhoneSchema,
  ownerEmailSchema,
  ownerNameSchema,
  ownerPhoneSchema,
  slugSchema,
  timeZoneSchema,
} from "@servicepro/validators";
import { z } from "zod";

export { INTERNAL_NOTE_MAX };

const oneOf = (values: readonly string[]) => values.map((value) => `"${value}"`).join(", ");

const ownerSchema = z.strictObject(
  {
    name: ownerNameSchema,
    email: ownerEmailSchema,
    phone: ownerPhoneSchema,
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown owner field ${oneOf(issue.keys)}: send name, email and phone.`
        : undefined,
  },
);

/** "" and null mean "no number yet" (forms send "" for an empty field); any spelling a person types. */
const optionalPhoneNumber = optionalPhoneSchema("the business number").transform((value) => value ?? null);

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
  businessName: businessNameSchema,
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
  internalNote: internalNoteSchema,
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
