import { type BusinessHours, IVR_MODES, WEEKDAYS, type Weekday } from "@servicepro/telephony/constants";
import {
  ASSET_FIELDS,
  ASSET_KINDS,
  type AssetKind,
  countSegments,
  hasStopInstruction,
  MERGE_FIELDS,
  unknownMergeFields,
} from "@servicepro/validators";
import { z } from "zod";

// The shape of an industry pack: what a new tenant in a trade starts with. Everything is plain data
// (money in US cents, durations in minutes, hours as "HH:MM" in the tenant's time zone).

/** Item ids: lowercase slugs, stable across pack versions (tenant edits and upgrades key on them). */
export const PACK_ITEM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The pack's singleton sections, diffed as one item each. Reserved: no service, add-on, FAQ,
 * pricing factor, cadence or campaign template may use one of these ids.
 */
export const PACK_SECTION_IDS = ["tone", "ivr", "business-hours", "reminders", "website"] as const;
export type PackSectionId = (typeof PACK_SECTION_IDS)[number];

/** Placeholders that messages and greetings may use; the tenant's data fills them in. */
export const PACK_PLACEHOLDERS = ["{businessName}", "{firstName}", "{bookingLink}"] as const;

/** Where in the customer's journey an add-on is offered. */
export const OFFER_MOMENTS = ["booking", "on-site", "follow-up"] as const;
export type OfferMoment = (typeof OFFER_MOMENTS)[number];

/** "recurring": the next visit is scheduled automatically; "reminder": the customer is nudged to rebook. */
export const CADENCE_MODES = ["recurring", "reminder"] as const;
export type CadenceMode = (typeof CADENCE_MODES)[number];

const MAX_DURATION_MINUTES = 12 * 60;

const itemId = z.string().max(64).regex(PACK_ITEM_ID_PATTERN, "Use a lowercase slug, e.g. full-detail.");
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const cents = z.number().int().positive().max(10_000_000);
const durationMinutes = z
  .number()
  .int()
  .positive()
  .max(MAX_DURATION_MINUTES)
  .multipleOf(15, "Durations are whole quarter hours (multiples of 15 minutes).");

const knownPlaceholders = (value: string) =>
  (value.match(/\{[^}]*\}/g) ?? []).every((p) => (PACK_PLACEHOLDERS as readonly string[]).includes(p));
const templated = (min: number, max: number) =>
  text(min, max).refine(knownPlaceholders, { message: `Only these placeholders: ${PACK_PLACEHOLDERS.join(", ")}.` });

export const priceRangeSchema = z
  .strictObject({ min: cents, max: cents })
  .refine((range) => range.min < range.max, { message: "A price range's min must be below its max." });

/** A fixed price in cents, or a {min, max} range in cents when the price depends on the job. */
export const priceSchema = z.union([cents, priceRangeSchema]);

export const pricingFactorSchema = z.strictObject({
  id: itemId,
  /** What the business asks the caller, e.g. "Vehicle size". */
  label: text(3, 60),
  /** The answers it expects, smallest / cheapest first. */
  options: z.array(text(2, 80)).min(2).max(8),
});

/** One size class of an asset kind, smallest first: `{ id: "suv", label: "SUV or crossover" }`. */
export const sizeClassSchema = z.strictObject({ id: itemId, label: text(2, 60) });

/**
 * An asset kind the pack's businesses work on, the fields they ask for (a subset of the kind's
 * fields in @servicepro/validators, in form order) and the size classes their prices key on.
 */
export const packAssetSchema = z
  .strictObject({
    kind: z.enum(ASSET_KINDS),
    fields: z.array(z.string()).min(1),
    sizeClasses: z.array(sizeClassSchema).max(8),
  })
  .superRefine((asset, ctx) => {
    const known: readonly string[] = ASSET_FIELDS[asset.kind];
    asset.fields.forEach((field, index) => {
      if (!known.includes(field))
        ctx.addIssue({
          code: "custom",
          path: ["fields", index],
          message: `A ${asset.kind} has no field "${field}" (fields: ${known.join(", ")}).`,
        });
    });
    if (new Set(asset.fields).size !== asset.fields.length)
      ctx.addIssue({ code: "custom", path: ["fields"], message: "A field is listed twice." });
    if (new Set(asset.sizeClasses.map((c) => c.id)).size !== asset.sizeClasses.length)
      ctx.addIssue({ code: "custom", path: ["sizeClasses"], message: "A size class id is listed twice." });
  });

/**
 * What one size class adds to a service's price and time, on top of the service's own figures (which
 * are for the smallest class): a full detail on a 3-row SUV takes 90 minutes and $100 more than on a sedan.
 */
export const sizeAdjustmentSchema = z.strictObject({
  sizeClass: itemId,
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(MAX_DURATION_MINUTES)
    .multipleOf(15, "Durations are whole quarter hours (multiples of 15 minutes)."),
  priceCents: z.number().int().min(0).max(10_000_000),
});

export const serviceSchema = z
  .strictObject({
    id: itemId,
    name: text(3, 60),
    description: text(40, 400),
    /** The time to block for a typical job (the middle of the price range); multi-day projects block one working day and say how many days in the description. */
    durationMinutes,
    priceCents: priceSchema,
    /** Pricing factor ids the price depends on (required when the price is a range). */
    priceDependsOn: z.array(itemId).max(4),
    /** The asset the work is done on (one of the pack's `assets` kinds); absent: none asked for. */
    assetKind: z.enum(ASSET_KINDS).optional(),
    /** Extra time and price per size class of `assetKind` (classes not listed add nothing). */
    sizeAdjustments: z.array(sizeAdjustmentSchema).max(8).optional(),
  })
  .refine((s) => typeof s.priceCents === "number" || s.priceDependsOn.length > 0, {
    message: "A price range must say what it depends on.",
    path: ["priceDependsOn"],
  });

export const addOnSchema = z.strictObject({
  id: itemId,
  name: text(3, 60),
  description: text(30, 300),
  priceCents: cents,
  durationMinutes,
  /** Service ids this add-on can be attached to. */
  serviceIds: z.array(itemId).min(1),
  offerAt: z.enum(OFFER_MOMENTS),
  /** The cue for staff and the AI agent, e.g. "caller mentions a dog". */
  offerWhen: text(20, 300),
});

export const faqSchema = z.strictObject({
  id: itemId,
  question: text(10, 160),
  answer: text(40, 600),
});

export const toneSchema = z.strictObject({
  description: text(40, 400),
  preferredWords: z.array(text(2, 40)).min(3).max(20),
  avoidWords: z.array(text(2, 40)).min(2).max(20),
  sampleGreeting: templated(20, 300),
});

export const ivrSchema = z.strictObject({
  mode: z.enum(IVR_MODES),
  greeting: templated(20, 400),
});

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use 24-hour HH:MM times, e.g. 08:30.");
const openRange = z
  .tuple([time, time])
  .refine(([open, close]) => open < close, { message: "Each opening range must close after it opens." });

/** The telephony package's BusinessHours shape: a missing day is closed. */
export const packBusinessHoursSchema = z
  .strictObject(
    Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(openRange).min(1).max(4).optional()])) as Record<
      Weekday,
      z.ZodOptional<z.ZodArray<typeof openRange>>
    >,
  )
  .refine((hours) => Object.keys(hours).length > 0, {
    message: "A business is open at least one day a week.",
  }) satisfies z.ZodType<BusinessHours>;

export const remindersSchema = z.strictObject({
  /** Appointment reminders, hours before the start, e.g. [24, 2]. */
  appointmentHoursBefore: z
    .array(
      z
        .number()
        .int()
        .positive()
        .max(14 * 24),
    )
    .min(1)
    .max(3),
  /** The review request goes out this many hours after the job is marked complete. */
  reviewRequestHoursAfter: z
    .number()
    .int()
    .positive()
    .max(7 * 24),
});

/** Months 1–12, inclusive; wraps over New Year when `fromMonth` is after `toMonth` (November to February). */
export const monthRangeSchema = z.strictObject({
  fromMonth: z.number().int().min(1).max(12),
  toMonth: z.number().int().min(1).max(12),
});

export const cadenceSchema = z.strictObject({
  id: itemId,
  serviceIds: z.array(itemId).min(1),
  mode: z.enum(CADENCE_MODES),
  intervalDays: z
    .number()
    .int()
    .positive()
    .max(3 * 366),
  /** Only in these months (1–12, inclusive, may wrap over New Year), e.g. mowing April to October. */
  season: monthRangeSchema.optional(),
  /** The SMS the customer receives (reminder) or the confirmation of the next visit (recurring). */
  message: templated(30, 320),
});

/**
 * A campaign text the composer offers as a starting point (`tenant.campaigns.*`). Unlike the pack's
 * other messages it uses the campaign merge fields ({first_name}, {business_name}, {booking_link},
 * {points}) because it goes through the campaign renderer, which also adds the business's name and
 * the STOP line: a body must not carry its own.
 */
export const campaignTemplateSchema = z.strictObject({
  id: itemId,
  /** What the owner picks from, e.g. "Spring pollen wash". */
  name: text(3, 60),
  /** When the offer fits; absent: any time of year. */
  season: monthRangeSchema.optional(),
  body: text(20, 320).superRefine((body, ctx) => {
    const unknown = unknownMergeFields(body);
    if (unknown.length)
      ctx.addIssue({
        code: "custom",
        message: `Only the campaign merge fields ${MERGE_FIELDS.map((f) => `{${f}}`).join(", ")}, not ${unknown.map((f) => `{${f}}`).join(", ")}.`,
      });
    if (hasStopInstruction(body))
      ctx.addIssue({ code: "custom", message: "Leave out the opt-out line: the composer adds it to every text." });
    const { unicode } = countSegments(body);
    if (unicode.length)
      ctx.addIssue({
        code: "custom",
        message: `Use plain GSM-7 characters (one would double the cost of every text): ${unicode.join(" ")}.`,
      });
  }),
});

export const websiteSchema = z.strictObject({
  headline: text(10, 90),
  subheadline: text(20, 200),
  about: text(150, 1200),
  /** One short blurb per service id. */
  serviceBlurbs: z.record(itemId, text(30, 300)),
  seo: z.strictObject({
    title: text(10, 60),
    description: text(50, 160),
  }),
});

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export const industryPackSchema = z
  .strictObject({
    id: itemId,
    name: text(3, 60),
    /** Semver; bump minor for content changes, major when ids are removed. */
    version: z.string().regex(SEMVER, "Use a semver version, e.g. 1.0.0."),
    /** One line for the owner's pack picker. */
    summary: text(20, 200),
    pricingFactors: z.array(pricingFactorSchema).max(6),
    services: z.array(serviceSchema).min(3).max(20),
    addOns: z.array(addOnSchema).min(2).max(20),
    faqs: z.array(faqSchema).min(6).max(10),
    tone: toneSchema,
    ivr: ivrSchema,
    businessHours: packBusinessHoursSchema,
    reminders: remindersSchema,
    cadences: z.array(cadenceSchema).min(1).max(8),
    /** Seasonal campaign starters. Optional: snapshots of versions from before campaigns still parse. */
    campaignTemplates: z.array(campaignTemplateSchema).max(8).optional(),
    website: websiteSchema,
    /** What the work is done on; empty for trades that work on nothing a customer owns (massage, training). */
    assets: z.array(packAssetSchema).max(3),
  })
  .superRefine((pack, ctx) => {
    // Ids are unique across the whole pack, so a tenant's "edited item ids" need no kind prefix.
    const seen = new Set<string>(PACK_SECTION_IDS);
    const lists = [
      ["pricingFactors", pack.pricingFactors],
      ["services", pack.services],
      ["addOns", pack.addOns],
      ["faqs", pack.faqs],
      ["cadences", pack.cadences],
      ["campaignTemplates", pack.campaignTemplates ?? []],
    ] as const;
    for (const [key, items] of lists) {
      items.forEach((item, index) => {
        if (seen.has(item.id)) {
          ctx.addIssue({
            code: "custom",
            path: [key, index, "id"],
            message: `The id "${item.id}" is already used in this pack (or reserved).`,
          });
        }
        seen.add(item.id);
      });
    }

    const assetKinds = new Map(pack.assets.map((asset) => [asset.kind, asset]));
    if (assetKinds.size !== pack.assets.length)
      ctx.addIssue({ code: "custom", path: ["assets"], message: "An asset kind is declared twice." });
    pack.services.forEach((service, index) => {
      const asset = service.assetKind ? assetKinds.get(service.assetKind) : undefined;
      if (service.assetKind && !asset)
        ctx.addIssue({
          code: "custom",
          path: ["services", index, "assetKind"],
          message: `The pack declares no "${service.assetKind}" asset.`,
        });
      if (service.sizeAdjustments?.length && !asset)
        ctx.addIssue({
          code: "custom",
          path: ["services", index, "sizeAdjustments"],
          message: "Size adjustments need the service's assetKind.",
        });
      const classIds = new Set(asset?.sizeClasses.map((c) => c.id));
      service.sizeAdjustments?.forEach((adjustment, adjustmentIndex) => {
        if (asset && !classIds.has(adjustment.sizeClass))
          ctx.addIssue({
            code: "custom",
            path: ["services", index, "sizeAdjustments", adjustmentIndex, "sizeClass"],
            message: `Unknown ${asset.kind} size class "${adjustment.sizeClass}".`,
          });
      });
    });

    const factorIds = new Set(pack.pricingFactors.map((f) => f.id));
    const serviceIds = new Set(pack.services.map((s) => s.id));
    pack.services.forEach((service, index) => {
      for (const factor of service.priceDependsOn) {
        if (!factorIds.has(factor))
          ctx.addIssue({
            code: "custom",
            path: ["services", index, "priceDependsOn"],
            message: `Unknown pricing factor "${factor}".`,
          });
      }
      if (!pack.website.serviceBlurbs[service.id])
        ctx.addIssue({
          code: "custom",
          path: ["website", "serviceBlurbs", service.id],
          message: `Service "${service.id}" has no website blurb.`,
        });
    });
    for (const blurbId of Object.keys(pack.website.serviceBlurbs)) {
      if (!serviceIds.has(blurbId))
        ctx.addIssue({
          code: "custom",
          path: ["website", "serviceBlurbs", blurbId],
          message: `Blurb for unknown service "${blurbId}".`,
        });
    }
    for (const [key, items] of [
      ["addOns", pack.addOns],
      ["cadences", pack.cadences],
    ] as const) {
      items.forEach((item, index) => {
        for (const id of item.serviceIds) {
          if (!serviceIds.has(id))
            ctx.addIssue({ code: "custom", path: [key, index, "serviceIds"], message: `Unknown service "${id}".` });
        }
      });
    }
  });

export type PriceRange = z.infer<typeof priceRangeSchema>;
export type Price = z.infer<typeof priceSchema>;
export type PricingFactor = z.infer<typeof pricingFactorSchema>;
export type PackService = z.infer<typeof serviceSchema>;
export type PackAddOn = z.infer<typeof addOnSchema>;
export type PackFaq = z.infer<typeof faqSchema>;
export type PackTone = z.infer<typeof toneSchema>;
export type PackIvr = z.infer<typeof ivrSchema>;
export type PackReminders = z.infer<typeof remindersSchema>;
export type PackCadence = z.infer<typeof cadenceSchema>;
export type MonthRange = z.infer<typeof monthRangeSchema>;
export type PackCampaignTemplate = z.infer<typeof campaignTemplateSchema>;
export type PackWebsite = z.infer<typeof websiteSchema>;
export type PackAsset = Omit<z.infer<typeof packAssetSchema>, "kind"> & { kind: AssetKind };
export type SizeClass = z.infer<typeof sizeClassSchema>;
export type SizeAdjustment = z.infer<typeof sizeAdjustmentSchema>;

/** A whole pack. `businessHours` is the telephony package's BusinessHours. */
export type IndustryPack = Omit<z.infer<typeof industryPackSchema>, "businessHours"> & { businessHours: BusinessHours };
