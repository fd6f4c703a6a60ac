// Campaigns (`tenant.campaigns.*`, issue 15): the audience filter, the message with its merge fields,
// and what a text costs in segments. The tenant app's composer and the API share all of it, so the
// live segment count in the browser is the one the server enforces.
import { SegmentedMessage } from "sms-segments-calculator";
import { z } from "zod";
import { instantSchema } from "./appointment.ts";
import { ASSET_KINDS } from "./asset.ts";
import { textSchema } from "./text.ts";

/** Merge fields a campaign text may use, written {first_name} etc. */
export const MERGE_FIELDS = ["first_name", "business_name", "booking_link", "points"] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

export const MERGE_FIELD_LABELS: Record<MergeField, string> = {
  first_name: "First name",
  business_name: "Business name",
  booking_link: "Booking link",
  points: "Points balance",
};

/** The opt-out instruction every marketing text carries (CTIA: every campaign message). */
export const STOP_LINE = "Reply STOP to opt out";

/** Carriers and Twilio split long texts; past 10 segments deliverability and cost both suffer. */
export const MAX_CAMPAIGN_SEGMENTS = 10;

/**
 * Twilio's US list price per outbound SMS segment, in cents (carrier fees are on top and vary by
 * carrier). The composer's estimate, not a bill.
 */
export const SEGMENT_PRICE_CENTS = 0.83;

/** A first name when the customer has none on file: "Hi there!". */
export const FALLBACK_FIRST_NAME = "there";

/** The business's public booking page, what {booking_link} becomes: https://app.example.com/book/clean-machine. */
export const bookingLinkOf = (publicBaseUrl: string, slug: string) =>
  `${publicBaseUrl.replace(/\/$/, "")}/book/${slug}`;

/** The first word of the name on file, or "there" ("Hi there!") when there is none. */
export function firstNameOf(name: string | null): string {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : FALLBACK_FIRST_NAME;
}

const MERGE_TOKEN = /\{([^{}\s]*)\}/g;

/** Every {field} written in a body, known or not, in order of first use. */
export function mergeFieldsIn(body: string): string[] {
  return [...new Set([...body.matchAll(MERGE_TOKEN)].map((match) => match[1] ?? ""))];
}

export function unknownMergeFields(body: string): string[] {
  return mergeFieldsIn(body).filter((field) => !(MERGE_FIELDS as readonly string[]).includes(field));
}

/** Whether the body already tells the reader how to opt out (STOP, with "opt out", "unsubscribe" or "end"). */
export function hasStopInstruction(body: string): boolean {
  return /\bstop\b/i.test(body) && /\b(opt[\s-]?out|unsubscribe|end|stop\s+to)\b/i.test(body);
}

/**
 * The text a recipient gets: the merge fields filled in, the business named first when the body
 * doesn't name it (carriers want the sender identified), and the STOP line when the body has none.
 */
export function renderCampaignText(body: string, values: MergeValues): string {
  const filled = body
    .trim()
    .replace(MERGE_TOKEN, (token, field: string) =>
      (MERGE_FIELDS as readonly string[]).includes(field) ? values[field as MergeField] : token,
    );
  const named = filled.toLowerCase().includes(values.business_name.toLowerCase())
    ? filled
    : `${values.business_name}: ${filled}`;
  return hasStopInstruction(named) ? named : `${named}\n${STOP_LINE}`;
}

export type SegmentCount = { segments: number; encoding: "GSM-7" | "UCS-2"; characters: number; unicode: string[] };

/** Segments as Twilio counts them (GSM-7 or UCS-2, with the concatenation header). */
export function countSegments(text: string): SegmentCount {
  const message = new SegmentedMessage(text, "auto");
  return {
    segments: message.segmentsCount,
    encoding: message.encodingName,
    characters: message.numberOfCharacters,
    unicode: message.encodingName === "UCS-2" ? nonGsmCharacters(message) : [],
  };
}

const nonGsmCharacters = (message: SegmentedMessage) => [...new Set(message.getNonGsmCharacters())];

/** The longest a merge field is likely to run, for the composer's worst-case count. */
const WORST_CASE: Omit<MergeValues, "business_name" | "booking_link"> = {
  first_name: "Christopher",
  points: "12,500",
};

/**
 * The count a campaign is judged by: its text with long-but-real values in every merge field (a
 * recipient with a long first name must not push it past the limit), the STOP line included.
 */
export function worstCaseSegments(body: string, business: { name: string; bookingLink: string }): SegmentCount {
  return countSegments(
    renderCampaignText(body, { ...WORST_CASE, business_name: business.name, booking_link: business.bookingLink }),
  );
}

/** Cents for `recipients` texts of `segments` segments each, at the list price. */
export const estimatedCostCents = (recipients: number, segments: number) =>
  Math.round(recipients * segments * SEGMENT_PRICE_CENTS);

// ------------------------------------------------------------------------------------------------
// The audience
// ------------------------------------------------------------------------------------------------

const uuid = (what: string) => z.uuid(`That ${what} id is not valid.`);
const days = (label: string) =>
  z
    .number({ error: `Enter ${label} as a number of days.` })
    .int("Use whole days.")
    .min(1, "Use at least 1 day.")
    .max(3650, "Use at most 3,650 days (ten years).");

/**
 * Who a campaign goes to. Every filter narrows (AND); lists match any of their items (OR).
 * Marketing consent and "not opted out" are never filters: they always apply.
 */
export const audienceSchema = z
  .strictObject({
    /** Last completed visit more than this many days ago (customers who never visited don't match). */
    lastVisitMoreThanDays: days("the days since the last visit").optional(),
    /** Last completed visit within this many days. */
    lastVisitWithinDays: days("the recent-visit window").optional(),
    /** Had a completed visit for any of these services. */
    serviceIds: z.array(uuid("service")).max(50, "Pick at most 50 services.").optional(),
    /** Has an asset of any of these kinds on file (vehicle, pet, property). */
    assetKinds: z.array(z.enum(ASSET_KINDS)).max(ASSET_KINDS.length).optional(),
    /** Carries any of these tags. */
    tags: z
      .array(textSchema("the tag", { max: 40 }))
      .max(20, "Pick at most 20 tags.")
      .optional(),
    /** In any of these loyalty tiers (by points ever earned, with the business's tier names). */
    tiers: z
      .array(textSchema("the tier", { max: 40 }))
      .max(10, "Pick at most 10 tiers.")
      .optional(),
    /** Never booked anything (new leads: texted or called, no appointment). */
    neverBooked: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.neverBooked && (value.lastVisitMoreThanDays || value.lastVisitWithinDays || value.serviceIds?.length))
      ctx.addIssue({
        code: "custom",
        path: ["neverBooked"],
        message: "“Never booked” can't be combined with visit or service filters: those customers have no visits.",
      });
    if (
      value.lastVisitMoreThanDays &&
      value.lastVisitWithinDays &&
      value.lastVisitWithinDays <= value.lastVisitMoreThanDays
    )
      ctx.addIssue({
        code: "custom",
        path: ["lastVisitWithinDays"],
        message: "The recent-visit window must be longer than “more than N days ago”, or no one matches.",
      });
  });
export type Audience = z.infer<typeof audienceSchema>;

/** A body: 1–1,600 characters, only known merge fields. The segment limit needs the business (see the API). */
export const campaignBodySchema = z
  .string({ error: "Write the message." })
  .trim()
  .min(1, "Write the message.")
  .max(1_600, "Use at most 1,600 characters (Twilio's limit for one text).")
  .superRefine((body, ctx) => {
    const unknown = unknownMergeFields(body);
    if (unknown.length)
      ctx.addIssue({
        code: "custom",
        message: `Unknown merge field${unknown.length > 1 ? "s" : ""} ${unknown.map((f) => `{${f}}`).join(", ")}. Use ${MERGE_FIELDS.map((f) => `{${f}}`).join(", ")}.`,
      });
  });

export const campaignInput = z.strictObject({
  name: textSchema("the campaign's name", { max: 80 }),
  body: campaignBodySchema,
  audience: audienceSchema,
  /** The pack template it started from (for the list's label); not required. */
  templateKey: z.string().max(80).optional(),
});
export type CampaignInput = z.input<typeof campaignInput>;

export const campaignIdInput = z.strictObject({ id: uuid("campaign") });
export const campaignUpdateInput = campaignInput.extend({ id: uuid("campaign") });

/** "now", or a moment in the future inside the sending hours (the API checks both against the business's zone). */
export const campaignScheduleInput = z.strictObject({
  id: uuid("campaign"),
  sendAt: z.union([z.literal("now"), instantSchema("the send time")]),
});

export const audiencePreviewInput = z.strictObject({
  audience: audienceSchema,
  /** With a body: the segment count and cost for this audience, and sample texts. */
  body: z.string().max(1_600).optional(),
});

export const CAMPAIGN_STATUSES = ["draft", "scheduled", "sending", "paused", "completed", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const campaignListInput = z.strictObject({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
  /** tRPC's infinite queries add it; only forward paging exists. */
  direction: z.enum(["forward", "backward"]).optional(),
});

/** Campaigns send only between these local hours (TCPA's 8 a.m.–9 p.m. at the recipient). */
export const CAMPAIGN_SENDING_HOURS = { start: "08:00", end: "21:00" } as const;
