// The customer portal (`/portal/<slug>`, `portal.*`): sign-in by texted code or single-use link,
// then the customer's own appointments, assets, points and profile. Every input names the business
// by its slug: a customer session belongs to one business, and its cookie is that business's own.
import { z } from "zod";
import { appointmentStatusSchema, instantSchema } from "./appointment.ts";
import { ASSET_KINDS, assetInputWith } from "./asset.ts";
import { emailInputSchema } from "./email.ts";
import { phoneSchema } from "./phone.ts";
import { existingSlugSchema } from "./slug.ts";
import { optionalTextSchema, textSchema } from "./text.ts";

/** Sign-in codes: 6 digits, 10 minutes, 5 tries (NIST 800-63B's out-of-band authenticator). */
export const PORTAL_CODE = { digits: 6, ttlMinutes: 10, maxAttempts: 5, resendAfterSeconds: 30 } as const;
/** Sign-in links: single use, 15 minutes, only in the browser that asked for them. */
export const PORTAL_LINK = { ttlMinutes: 15 } as const;

const slug = existingSlugSchema("a business address");
const uuid = (what: string) => z.uuid(`That ${what} id is not valid.`);

export const portalSlugInput = z.strictObject({ slug });
export const portalPhoneSchema = phoneSchema("the mobile number you gave the business");

export const portalRequestCodeInput = z.strictObject({ slug, phone: portalPhoneSchema });
export const portalVerifyCodeInput = z.strictObject({
  slug,
  phone: portalPhoneSchema,
  code: z
    .string({ error: "Enter the 6-digit code we texted you." })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code we texted you (numbers only)."),
  /** "Remember this device": a long-lived session instead of one that ends after a day. */
  remember: z.boolean().default(false),
});
export type PortalVerifyCodeInput = z.input<typeof portalVerifyCodeInput>;

export const PORTAL_LINK_CHANNELS = ["sms", "email"] as const;
export const portalRequestLinkInput = z.strictObject({
  slug,
  phone: portalPhoneSchema,
  /** Text the link to the phone, or email it to the address the business has on file. */
  channel: z.enum(PORTAL_LINK_CHANNELS, { error: "Choose text or email." }).default("sms"),
});
export const portalRedeemLinkInput = z.strictObject({
  slug,
  token: z
    .string({ error: "This sign-in link is incomplete. Open it again from your text or email." })
    .regex(/^[A-Za-z0-9_-]{32,64}$/, "This sign-in link is incomplete. Open it again from your text or email."),
  remember: z.boolean().default(false),
});

/** What a sign-in request answers: the same whether or not the number belongs to a customer. */
export const portalChallengeOutput = z.object({
  /** Shown as is: "If … is a customer's number, we've texted a code. It expires in 10 minutes." */
  message: z.string(),
  /** Seconds before another code or link may be asked for this number. */
  resendAfterSeconds: z.number().int(),
});

export const portalSignedInOutput = z.object({ ok: z.literal(true) });

// ─── the signed-in customer ──────────────────────────────────────────────────────────────────────

export const portalAppointmentSchema = z.object({
  id: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  assetId: z.string().nullable(),
  assetLabel: z.string().nullable(),
  addOnNames: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  status: appointmentStatusSchema,
  /** "$85", "$150–$275", "Quoted per job". */
  priceLabel: z.string(),
  canReschedule: z.boolean(),
  canCancel: z.boolean(),
  /** What moving or cancelling it now would cost under the business's policy (0: free). */
  lateChangeFeeCents: z.number().int(),
  /** Moving it online is refused now (inside the window, and the business takes late changes by phone only). */
  lateChangeRefused: z.boolean(),
  /** Rewards redeemed onto this appointment. */
  rewards: z.array(z.string()),
});
export type PortalAppointment = z.infer<typeof portalAppointmentSchema>;

export const portalRebookSchema = z.object({
  /** The appointment "book again" copies: its service, asset and add-ons. */
  fromAppointmentId: z.string(),
  serviceName: z.string(),
  assetLabel: z.string().nullable(),
  addOnNames: z.array(z.string()),
  priceLabel: z.string(),
  durationMinutes: z.number().int(),
});

export const portalMeOutput = z.object({
  business: z.object({
    name: z.string(),
    slug: z.string(),
    timeZone: z.string(),
    /** The kind of asset the business works on (from its industry pack), or null. */
    assetKind: z.enum(ASSET_KINDS).nullable(),
    /** The business's number to call or text, E.164, or null. */
    phone: z.string().nullable(),
    cancellationWindowHours: z.number().int(),
    cancellationFeeCents: z.number().int(),
  }),
  customer: z.object({
    name: z.string().nullable(),
    phone: z.string(),
    email: z.string().nullable(),
    /** Whether the business may text this number (no STOP on record). */
    textsAllowed: z.boolean(),
    /** Marketing consent on record and texts not turned off: offers may be texted. */
    offersAllowed: z.boolean(),
  }),
  session: z.object({ remembered: z.boolean(), expiresAt: z.string() }),
  nextAppointment: portalAppointmentSchema.nullable(),
  /** "Book again": the last completed (or else booked) appointment's service and asset, or null. */
  rebook: portalRebookSchema.nullable(),
  points: z.object({ enabled: z.boolean(), balance: z.number().int(), tier: z.string().nullable() }),
});
export type PortalMe = z.infer<typeof portalMeOutput>;

export const portalAppointmentsOutput = z.object({
  timeZone: z.string(),
  upcoming: z.array(portalAppointmentSchema),
  past: z.array(portalAppointmentSchema),
});

/** Open times for moving an appointment or booking it again (its service, add-ons and asset size). */
export const portalAvailabilityInput = z
  .strictObject({
    slug,
    appointmentId: uuid("appointment"),
    /** "move": times this appointment can move to (its own time counts as free); "again": a new booking like it. */
    purpose: z.enum(["move", "again"], { error: "Ask for times to move or to book again." }).default("move"),
    from: instantSchema("the start of the range"),
    to: instantSchema("the end of the range"),
  })
  .refine((range) => range.to > range.from, { message: "The end of the range must be after its start.", path: ["to"] })
  .refine((range) => range.to.getTime() - range.from.getTime() <= 31 * 86_400_000, {
    message: "Ask for at most 31 days at a time.",
    path: ["to"],
  });
export const portalAvailabilityOutput = z.object({ timeZone: z.string(), starts: z.array(z.string()) });

export const portalRebookInput = z.strictObject({
  slug,
  fromAppointmentId: uuid("appointment"),
  startsAt: instantSchema("the start time"),
});

/**
 * A late change (inside the cancellation window) costs the business's fee: the request must carry
 * the fee the customer saw and agreed to, or it is refused with the fee to confirm.
 */
const acceptFeeCents = z.number({ error: "Send the fee as a number of cents." }).int().min(0).optional();

export const portalRescheduleInput = z.strictObject({
  slug,
  appointmentId: uuid("appointment"),
  startsAt: instantSchema("the new start time"),
  acceptFeeCents,
});
export const portalCancelInput = z.strictObject({
  slug,
  appointmentId: uuid("appointment"),
  reason: optionalTextSchema("the reason", { max: 300 }),
  acceptFeeCents,
});
export const portalAppointmentChangeOutput = z.object({
  appointment: portalAppointmentSchema,
  feeCents: z.number().int(),
});

// ─── assets ──────────────────────────────────────────────────────────────────────────────────────

export const portalAssetCreateInput = assetInputWith({ slug });
export const portalAssetUpdateInput = assetInputWith({ slug, id: uuid("asset") });
export type PortalAssetCreateInput = z.input<typeof portalAssetCreateInput>;
export const portalAssetSchema = z.object({
  id: z.string(),
  kind: z.enum(ASSET_KINDS),
  label: z.string(),
  details: z.record(z.string(), z.unknown()),
  notes: z.string().nullable(),
});
export const portalAssetsOutput = z.object({ assets: z.array(portalAssetSchema) });

// ─── profile ─────────────────────────────────────────────────────────────────────────────────────

export const portalProfileInput = z.strictObject({
  slug,
  name: textSchema("your name", { max: 80 }),
  email: z
    .union([z.literal(""), z.null(), emailInputSchema("your email address")])
    .optional()
    .transform((value) => (value ? value : null)),
});
export type PortalProfileInput = z.input<typeof portalProfileInput>;

/** What turning texts on agrees to: shown beside the switch and stored as the opt-in's evidence. */
export const portalTextsConsentText = (businessName: string): string =>
  `I agree to receive appointment texts (confirmations and reminders) from ${businessName}. ` +
  "Msg & data rates may apply. Reply STOP to opt out.";

/** Turning texts off writes an opt-out to the consent ledger; on, an opt-in (with the portal as evidence). */
export const portalTextsInput = z.strictObject({ slug, allow: z.boolean({ error: "Choose on or off." }) });

export const portalOffersConsentText = (businessName: string): string =>
  `I agree to receive offers and news by text from ${businessName}. Message frequency varies. ` +
  "Msg & data rates may apply. Reply STOP to opt out.";

/** Offers by text on or off: marketing consent only (turning offers off keeps appointment texts). */
export const portalOffersInput = z.strictObject({ slug, allow: z.boolean({ error: "Choose on or off." }) });

// ─── loyalty ─────────────────────────────────────────────────────────────────────────────────────

export const LOYALTY_ENTRY_KINDS = [
  "visit",
  "review_bonus",
  "referral_bonus",
  "redeem",
  "refund",
  "adjust",
  "expire",
] as const;
export const LOYALTY_REWARD_KINDS = ["money_off", "free_add_on"] as const;

export const loyaltyEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(LOYALTY_ENTRY_KINDS),
  points: z.number().int(),
  balanceAfter: z.number().int(),
  /** "Full detail on Dec 7", "Redeemed: $10 off", "Adjusted by staff: goodwill". */
  description: z.string(),
  createdAt: z.string(),
});

export const loyaltyRewardSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(LOYALTY_REWARD_KINDS),
  pointsCost: z.number().int(),
  amountCents: z.number().int().nullable(),
  addOnId: z.string().nullable(),
  addOnName: z.string().nullable(),
  active: z.boolean(),
});

export const loyaltyRedemptionSchema = z.object({
  id: z.string(),
  rewardName: z.string(),
  pointsCost: z.number().int(),
  status: z.enum(["open", "applied", "cancelled"]),
  appointmentId: z.string().nullable(),
  appointmentStartsAt: z.string().nullable(),
  createdAt: z.string(),
});

export const loyaltyTierSchema = z.object({ name: z.string(), minPoints: z.number().int() });

/** A customer's points, as the portal and the staff customer page show them. */
export const loyaltySummaryOutput = z.object({
  enabled: z.boolean(),
  balance: z.number().int(),
  earned: z.number().int(),
  tier: z.string().nullable(),
  nextTier: z.object({ name: z.string(), pointsToGo: z.number().int() }).nullable(),
  rules: z.object({
    pointsPerDollar: z.number().int(),
    pointsPerVisit: z.number().int(),
    reviewBonus: z.number().int(),
    referralBonus: z.number().int(),
    expiryMonths: z.number().int().nullable(),
  }),
  /** When the balance lapses if nothing is earned or redeemed before then; null: never. */
  lapsesAt: z.string().nullable(),
  rewards: z.array(loyaltyRewardSchema.extend({ affordable: z.boolean() })),
  redemptions: z.array(loyaltyRedemptionSchema),
  history: z.array(loyaltyEntrySchema),
});
export type LoyaltySummary = z.infer<typeof loyaltySummaryOutput>;

export const portalRedeemInput = z.strictObject({ slug, rewardId: uuid("reward") });
export const loyaltyRedeemOutput = z.object({
  redemption: loyaltyRedemptionSchema,
  balance: z.number().int(),
});
