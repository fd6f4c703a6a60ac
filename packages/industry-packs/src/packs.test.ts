import { IVR_MODES } from "@servicepro/telephony/constants";
import { hasStopInstruction, MAX_CAMPAIGN_SEGMENTS, STOP_LINE, worstCaseSegments } from "@servicepro/validators";
import { describe, expect, it } from "vitest";
import {
  getPack,
  INDUSTRY_PACKS,
  type IndustryPack,
  industryPackSchema,
  isPackId,
  listPacks,
  PACK_IDS,
  type Price,
} from "./index.ts";

const prices = (pack: IndustryPack): Price[] => [
  ...pack.services.map((s) => s.priceCents),
  ...pack.addOns.map((a) => a.priceCents),
];
const amounts = (price: Price): number[] => (typeof price === "number" ? [price] : [price.min, price.max]);
const allIds = (pack: IndustryPack): string[] =>
  [
    ...pack.pricingFactors,
    ...pack.services,
    ...pack.addOns,
    ...pack.faqs,
    ...pack.cadences,
    ...(pack.campaignTemplates ?? []),
  ].map((item) => item.id);

/**
 * A long business name (30 characters) and booking link (45): a template must fit 2 segments for
 * them, with the longest first name and points the composer assumes and the STOP line added.
 */
const LONG_BUSINESS = {
  name: "Evergreen Outdoor Services LLC",
  bookingLink: "https://app.servicepro.com/book/evergreen-out",
};
/** What a template may cost at most: a third of the composer's limit, so the owner has room to add. */
const MAX_TEMPLATE_SEGMENTS = 2;

/** Texts that must be unique across packs: a repeat means copy-paste between trades. */
function duplicatesAcrossPacks(pick: (pack: IndustryPack) => string[]): string[] {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const pack of INDUSTRY_PACKS) {
    for (const value of new Set(pick(pack))) {
      const key = value.trim().toLowerCase();
      const other = owner.get(key);
      if (other && other !== pack.id) clashes.push(`${other} / ${pack.id}: ${value.slice(0, 60)}`);
      owner.set(key, pack.id);
    }
  }
  return clashes;
}

describe("the pack registry", () => {
  it("should hold exactly 20 packs including the seven named trades", () => {
    expect(INDUSTRY_PACKS).toHaveLength(20);
    for (const id of [
      "auto-detailing",
      "lawn-care",
      "house-cleaning",
      "pet-grooming",
      "photography",
      "moving-help",
      "pressure-washing",
    ]) {
      expect(PACK_IDS, id).toContain(id);
    }
  });

  it("should give every pack a unique id and name", () => {
    expect(new Set(PACK_IDS).size).toBe(INDUSTRY_PACKS.length);
    expect(new Set(INDUSTRY_PACKS.map((p) => p.name)).size).toBe(INDUSTRY_PACKS.length);
  });

  it("should list every pack with its counts and find it by id", () => {
    const list = listPacks();
    expect(list.map((p) => p.id)).toEqual(PACK_IDS);
    for (const summary of list) {
      const pack = getPack(summary.id);
      expect(pack).toBeDefined();
      expect(summary).toEqual({
        id: pack!.id,
        name: pack!.name,
        version: pack!.version,
        summary: pack!.summary,
        counts: { services: pack!.services.length, addOns: pack!.addOns.length, faqs: pack!.faqs.length },
      });
    }
    expect(getPack("space-tourism")).toBeUndefined();
    expect(isPackId("lawn-care")).toBe(true);
    expect(isPackId("space-tourism")).toBe(false);
  });

  it("should make the root tenant's trade, auto detailing, the first and richest pack", () => {
    const detailing = getPack("auto-detailing")!;
    expect(INDUSTRY_PACKS[0]).toBe(detailing);
    for (const pack of INDUSTRY_PACKS.slice(1)) {
      expect(detailing.services.length, pack.id).toBeGreaterThanOrEqual(pack.services.length);
      expect(detailing.addOns.length, pack.id).toBeGreaterThanOrEqual(pack.addOns.length);
      expect(detailing.faqs.length, pack.id).toBeGreaterThanOrEqual(pack.faqs.length);
    }
  });

  it("should freeze the shared pack data", () => {
    const pack = getPack("lawn-care")!;
    expect(Object.isFrozen(pack)).toBe(true);
    expect(Object.isFrozen(pack.services[0])).toBe(true);
    expect(() => {
      (pack.services as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe.each(INDUSTRY_PACKS.map((pack) => [pack.id, pack] as const))("pack %s", (_id, pack) => {
  it("should parse with the pack schema", () => {
    const result = industryPackSchema.safeParse(pack);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("should be at version 1.1.0: 1.0.0 plus its campaign templates (new items: a minor bump)", () => {
    expect(pack.version).toBe("1.1.0");
  });

  it("should offer 3 or 4 seasonal campaign templates that fit 2 plain GSM-7 segments for a long business name", () => {
    const templates = pack.campaignTemplates ?? [];
    expect(templates.length).toBeGreaterThanOrEqual(3);
    expect(templates.length).toBeLessThanOrEqual(4);
    expect(MAX_TEMPLATE_SEGMENTS).toBeLessThan(MAX_CAMPAIGN_SEGMENTS);
    for (const template of templates) {
      expect(template.season, template.id).toBeDefined();
      expect(template.body, template.id).toContain("{first_name}");
      expect(template.body, template.id).toContain("{booking_link}");
      expect(hasStopInstruction(template.body), template.id).toBe(false);
      expect(template.body, template.id).not.toContain(STOP_LINE);
      const count = worstCaseSegments(template.body, LONG_BUSINESS);
      expect({ id: template.id, encoding: count.encoding, unicode: count.unicode }).toEqual({
        id: template.id,
        encoding: "GSM-7",
        unicode: [],
      });
      expect(count.segments, `${template.id}: ${count.characters} characters`).toBeLessThanOrEqual(
        MAX_TEMPLATE_SEGMENTS,
      );
    }
    // Seasonal means spread over the year, not four variations of one month.
    expect(new Set(templates.map((t) => t.season?.fromMonth)).size).toBeGreaterThanOrEqual(3);
  });

  it("should have positive whole-cent prices and ranges with min below max", () => {
    for (const price of prices(pack)) {
      for (const cents of amounts(price)) {
        expect(Number.isInteger(cents)).toBe(true);
        expect(cents).toBeGreaterThan(0);
      }
      if (typeof price !== "number") expect(price.min).toBeLessThan(price.max);
    }
  });

  it("should have durations that are positive multiples of 15 minutes", () => {
    for (const item of [...pack.services, ...pack.addOns]) {
      expect(item.durationMinutes, item.id).toBeGreaterThan(0);
      expect(item.durationMinutes % 15, item.id).toBe(0);
    }
  });

  it("should use each id once within the pack", () => {
    const ids = allIds(pack);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("should attach add-ons and cadences only to its own services", () => {
    const serviceIds = new Set(pack.services.map((s) => s.id));
    for (const item of [...pack.addOns, ...pack.cadences]) {
      for (const id of item.serviceIds) expect(serviceIds.has(id), `${item.id} → ${id}`).toBe(true);
    }
  });

  it("should say what every price range depends on, using its own pricing factors", () => {
    const factorIds = new Set(pack.pricingFactors.map((f) => f.id));
    for (const service of pack.services) {
      if (typeof service.priceCents !== "number") expect(service.priceDependsOn.length, service.id).toBeGreaterThan(0);
      for (const factor of service.priceDependsOn)
        expect(factorIds.has(factor), `${service.id} → ${factor}`).toBe(true);
    }
  });

  it("should have 6 to 10 FAQs with distinct answers", () => {
    expect(pack.faqs.length).toBeGreaterThanOrEqual(6);
    expect(pack.faqs.length).toBeLessThanOrEqual(10);
    expect(new Set(pack.faqs.map((f) => f.answer)).size).toBe(pack.faqs.length);
  });

  it("should keep SEO title to 60 characters and description to 160", () => {
    expect(pack.website.seo.title.length).toBeLessThanOrEqual(60);
    expect(pack.website.seo.description.length).toBeLessThanOrEqual(160);
  });

  it("should give every service a website blurb", () => {
    expect(Object.keys(pack.website.serviceBlurbs).sort()).toEqual(pack.services.map((s) => s.id).sort());
  });

  it("should pick a known IVR mode and open at least one day", () => {
    expect(IVR_MODES).toContain(pack.ivr.mode);
    expect(Object.keys(pack.businessHours).length).toBeGreaterThan(0);
  });

  it("should contain no placeholder filler", () => {
    expect(JSON.stringify(pack)).not.toMatch(/lorem|ipsum|TODO|TBD|xxx|example\.com/i);
  });
});

describe("content across packs", () => {
  it("should not share identical FAQ answers between packs", () => {
    expect(duplicatesAcrossPacks((p) => p.faqs.map((f) => f.answer))).toEqual([]);
  });

  it("should not share service descriptions, add-on descriptions, website copy or greetings between packs", () => {
    expect(duplicatesAcrossPacks((p) => p.services.map((s) => s.description))).toEqual([]);
    expect(duplicatesAcrossPacks((p) => p.addOns.map((a) => a.description))).toEqual([]);
    expect(duplicatesAcrossPacks((p) => Object.values(p.website.serviceBlurbs))).toEqual([]);
    expect(
      duplicatesAcrossPacks((p) => [
        p.website.headline,
        p.website.about,
        p.website.seo.title,
        p.website.seo.description,
      ]),
    ).toEqual([]);
    expect(duplicatesAcrossPacks((p) => [p.ivr.greeting, p.tone.sampleGreeting, p.tone.description])).toEqual([]);
    expect(duplicatesAcrossPacks((p) => p.cadences.map((c) => c.message))).toEqual([]);
    expect(duplicatesAcrossPacks((p) => (p.campaignTemplates ?? []).map((t) => t.body))).toEqual([]);
  });

  it("should use more than one IVR mode across the trades", () => {
    expect(new Set(INDUSTRY_PACKS.map((p) => p.ivr.mode)).size).toBeGreaterThanOrEqual(3);
  });
});

describe("industryPackSchema", () => {
  const base = getPack("auto-detailing")!;
  const clone = (): IndustryPack => structuredClone(base) as IndustryPack;
  const messages = (pack: unknown) => {
    const result = industryPackSchema.safeParse(pack);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("should reject a duration that is not a multiple of 15", () => {
    const pack = clone();
    pack.services[0]!.durationMinutes = 50;
    expect(messages(pack).join("\n")).toMatch(/services\.0\.durationMinutes/);
  });

  it("should reject zero or negative prices and inverted ranges", () => {
    const pack = clone();
    pack.addOns[0]!.priceCents = 0;
    pack.services[0]!.priceCents = { min: 9000, max: 6000 };
    const found = messages(pack).join("\n");
    expect(found).toMatch(/addOns\.0\.priceCents/);
    expect(found).toMatch(/services\.0\.priceCents/);
  });

  it("should reject duplicate ids, reserved ids and references to unknown services or factors", () => {
    const pack = clone();
    pack.faqs[1]!.id = pack.faqs[0]!.id;
    pack.faqs[2]!.id = "website";
    pack.addOns[0]!.serviceIds = ["hovercraft-wash"];
    pack.services[1]!.priceDependsOn = ["zodiac-sign"];
    const found = messages(pack).join("\n");
    expect(found).toMatch(/faqs\.1\.id/);
    expect(found).toMatch(/faqs\.2\.id/);
    expect(found).toMatch(/hovercraft-wash/);
    expect(found).toMatch(/zodiac-sign/);
  });

  it("should reject a price range without a factor, an over-long SEO title and unknown placeholders", () => {
    const pack = clone();
    pack.services[0]!.priceDependsOn = [];
    pack.website.seo.title = "x".repeat(61);
    pack.ivr.greeting = "Thanks for calling {companyName}, how can we help today?";
    const found = messages(pack).join("\n");
    expect(found).toMatch(/services\.0\.priceDependsOn/);
    expect(found).toMatch(/website\.seo\.title/);
    expect(found).toMatch(/ivr\.greeting/);
  });

  it("should reject an unknown IVR mode and malformed business hours", () => {
    const pack = clone() as unknown as { ivr: { mode: string }; businessHours: Record<string, unknown> };
    pack.ivr.mode = "fax";
    pack.businessHours.mon = [["18:00", "08:00"]];
    pack.businessHours.funday = [["08:00", "12:00"]];
    const found = messages(pack).join("\n");
    expect(found).toMatch(/ivr\.mode/);
    expect(found).toMatch(/businessHours/);
  });

  it("should reject a campaign template with a pack placeholder, its own STOP line, emoji or a clashing id", () => {
    const pack = clone();
    const templates = pack.campaignTemplates!;
    templates[0]!.body = "Hi {firstName}, spring specials are here. Book now: {booking_link}";
    templates[1]!.body = "Hi {first_name}, winter wash week! Book: {booking_link} Reply STOP to opt out";
    templates[2]!.body = "Hi {first_name}, holiday gift cards are here \u{1F381} {booking_link}";
    templates[3]!.id = pack.services[0]!.id;
    const found = messages(pack).join("\n");
    expect(found).toMatch(/campaignTemplates\.0\.body: Only the campaign merge fields .*not \{firstName\}/);
    expect(found).toMatch(/campaignTemplates\.1\.body: Leave out the opt-out line/);
    expect(found).toMatch(/campaignTemplates\.2\.body: Use plain GSM-7 characters/);
    expect(found).toMatch(/campaignTemplates\.3\.id: The id "maintenance-wash" is already used/);
  });

  it("should accept a pack without campaign templates, as packs before 1.1.0 were", () => {
    const pack = clone();
    delete pack.campaignTemplates;
    expect(messages(pack)).toEqual([]);
  });

  it("should reject services without a website blurb", () => {
    const pack = clone();
    delete pack.website.serviceBlurbs["maintenance-wash"];
    expect(messages(pack).join("\n")).toMatch(/maintenance-wash/);
  });
});

describe("asset kinds and size adjustments", () => {
  const byId = (id: string) => INDUSTRY_PACKS.find((pack) => pack.id === id)!;

  it("should declare what each trade works on, and nothing for trades that work on no one's things", () => {
    const kinds = Object.fromEntries(INDUSTRY_PACKS.map((pack) => [pack.id, pack.assets.map((a) => a.kind)]));
    expect(kinds["auto-detailing"]).toEqual(["vehicle"]);
    expect(kinds["pet-grooming"]).toEqual(["pet"]);
    expect(kinds["lawn-care"]).toEqual(["property"]);
    expect(kinds["house-cleaning"]).toEqual(["property"]);
    expect(kinds["mobile-massage"]).toEqual([]);
    expect(kinds["personal-training"]).toEqual([]);
  });

  it("should make bigger vehicles and dogs take longer and cost more, never less", () => {
    for (const [packId, serviceId, order] of [
      ["auto-detailing", "complete-detail", ["suv", "truck", "van"]],
      ["pet-grooming", "full-groom", ["medium", "large", "giant"]],
      ["lawn-care", "weekly-mowing", ["lot-m", "lot-l", "lot-xl"]],
      ["house-cleaning", "deep-clean", ["home-m", "home-l", "home-xl"]],
    ] as const) {
      const adjustments = byId(packId).services.find((s) => s.id === serviceId)!.sizeAdjustments!;
      const of = (sizeClass: string) => adjustments.find((a) => a.sizeClass === sizeClass)!;
      for (let i = 1; i < order.length; i++) {
        expect(of(order[i]!).priceCents, `${packId} ${order[i]}`).toBeGreaterThan(of(order[i - 1]!).priceCents);
        expect(of(order[i]!).durationMinutes).toBeGreaterThanOrEqual(of(order[i - 1]!).durationMinutes);
      }
    }
  });

  it("should keep every adjusted job within a working day", () => {
    for (const pack of INDUSTRY_PACKS)
      for (const service of pack.services)
        for (const adjustment of service.sizeAdjustments ?? [])
          expect(service.durationMinutes + adjustment.durationMinutes, `${pack.id} ${service.id}`).toBeLessThanOrEqual(
            12 * 60,
          );
  });

  it("should refuse an unknown field, an undeclared asset kind and an unknown size class", () => {
    const pack = structuredClone(byId("auto-detailing")) as unknown as {
      assets: { kind: string; fields: string[] }[];
      services: { assetKind?: string; sizeAdjustments?: { sizeClass: string }[] }[];
    };
    pack.assets[0]!.fields.push("wingspan");
    pack.services[0]!.sizeAdjustments![0]!.sizeClass = "bus";
    pack.services[1]!.assetKind = "pet";
    const found = (industryPackSchema.safeParse(pack).error?.issues ?? [])
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    expect(found).toMatch(/assets\.0\.fields\.5: A vehicle has no field "wingspan"/);
    expect(found).toMatch(/services\.0\.sizeAdjustments\.0\.sizeClass: Unknown vehicle size class "bus"/);
    expect(found).toMatch(/services\.1\.assetKind: The pack declares no "pet" asset/);
  });
});
