import {
  campaignInput,
  hasStopInstruction,
  MERGE_FIELDS,
  renderCampaignText,
  worstCaseSegments,
} from "@servicepro/validators";
import { describe, expect, it } from "vitest";
import { orderCampaignTemplates } from "./campaign-templates.ts";
import {
  campaignTemplateSchema,
  campaignTemplatesFor,
  findCampaignTemplate,
  GENERIC_CAMPAIGN_TEMPLATES,
  GENERIC_TEMPLATE_SOURCE,
  getPack,
  INDUSTRY_PACKS,
  monthInRange,
  PACK_IDS,
} from "./index.ts";

const LONG_BUSINESS = {
  name: "Evergreen Outdoor Services LLC",
  bookingLink: "https://app.servicepro.com/book/evergreen-out",
};
const genericKeys = GENERIC_CAMPAIGN_TEMPLATES.map((t) => `generic/${t.id}`);
const keys = (list: { key: string }[]) => list.map((t) => t.key);

describe("monthInRange", () => {
  it("should include both ends of a range within the year", () => {
    const spring = { fromMonth: 3, toMonth: 5 };
    expect([1, 2, 3, 4, 5, 6, 12].map((m) => monthInRange(m, spring))).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("should wrap a range that starts after it ends over New Year", () => {
    const winter = { fromMonth: 11, toMonth: 2 };
    expect([10, 11, 12, 1, 2, 3].map((m) => monthInRange(m, winter))).toEqual([false, true, true, true, true, false]);
  });

  it("should treat a range of one month as that month only", () => {
    expect([5, 6, 7].map((m) => monthInRange(m, { fromMonth: 6, toMonth: 6 }))).toEqual([false, true, false]);
  });
});

describe("campaignTemplatesFor", () => {
  const detailing = getPack("auto-detailing")!;

  it("should list the pack's templates in pack order, then the generic ones, without a month", () => {
    const list = campaignTemplatesFor("auto-detailing");
    expect(keys(list)).toEqual([...detailing.campaignTemplates!.map((t) => `auto-detailing/${t.id}`), ...genericKeys]);
    expect(list.every((t) => t.inSeason === null)).toBe(true);
    expect(list[0]).toMatchObject({ source: "auto-detailing", ...detailing.campaignTemplates![0] });
  });

  it("should put the templates in season first, keep the others after them, and mark each", () => {
    // December: the winter salt wash (Dec-Mar, wrapping) and the holiday gift card (Nov-Dec).
    const december = campaignTemplatesFor("auto-detailing", 12);
    expect(december.slice(0, 2).map((t) => [t.id, t.inSeason])).toEqual([
      ["winter-salt-wash", true],
      ["holiday-gift-card", true],
    ]);
    expect(december.slice(2, 4).map((t) => [t.id, t.inSeason])).toEqual([
      ["spring-pollen-wash", false],
      ["summer-road-trip-interior", false],
    ]);
    expect(keys(december.slice(4))).toEqual(genericKeys);
    expect(december.slice(4).every((t) => t.inSeason === null)).toBe(true);

    const april = campaignTemplatesFor("auto-detailing", 4);
    expect(april.map((t) => t.id).slice(0, 1)).toEqual(["spring-pollen-wash"]);
    expect(april.filter((t) => t.inSeason === true).map((t) => t.id)).toEqual(["spring-pollen-wash"]);
    // Every pack template is still offered, whatever the month.
    expect(new Set(keys(april))).toEqual(new Set(keys(december)));
  });

  it("should rank a template without a season between the in-season and the out-of-season ones", () => {
    const lawn = getPack("lawn-care")!.campaignTemplates!;
    const anyTime = { id: "any-time", name: "Any time", body: "Hi {first_name}, a note for any month: {booking_link}" };
    const october = orderCampaignTemplates("lawn-care", [...lawn, anyTime], 10);
    expect(october.map((t) => [t.id, t.inSeason])).toEqual([
      ["fall-leaf-cleanup-offer", true],
      ["any-time", null],
      ["spring-route-signup", false],
      ["summer-grub-prevention", false],
      ["fall-aeration-overseeding", false],
    ]);
    expect(october[1]).toMatchObject({ key: "lawn-care/any-time", source: "lawn-care" });
  });

  it("should give a business without a pack, or with an unknown one, the generic templates only", () => {
    for (const packId of [null, undefined, "", "space-tourism", GENERIC_TEMPLATE_SOURCE])
      expect(keys(campaignTemplatesFor(packId, 6)), String(packId)).toEqual(genericKeys);
  });

  it("should refuse a month that is not 1 to 12", () => {
    for (const month of [0, 13, 2.5, Number.NaN])
      expect(() => campaignTemplatesFor("lawn-care", month)).toThrow(RangeError);
  });

  it("should give every pack an in-season template for most of the year", () => {
    for (const pack of INDUSTRY_PACKS) {
      const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((month) =>
        campaignTemplatesFor(pack.id, month).some((t) => t.inSeason),
      );
      expect(months.length, pack.id).toBeGreaterThanOrEqual(6);
    }
  });

  it("should not share the caller's copies: changing a result leaves the pack alone", () => {
    const [first] = campaignTemplatesFor("lawn-care");
    first!.body = "changed";
    expect(getPack("lawn-care")!.campaignTemplates![0]!.body).not.toBe("changed");
  });
});

describe("findCampaignTemplate", () => {
  it("should find every listed template by its key, and nothing for a made-up one", () => {
    for (const packId of PACK_IDS)
      for (const template of campaignTemplatesFor(packId))
        expect(findCampaignTemplate(template.key), template.key).toMatchObject({
          id: template.id,
          name: template.name,
          body: template.body,
          source: template.source,
        });
    for (const key of ["", "lawn-care", "lawn-care/", "lawn-care/nope", "generic/nope", "a/b/c", "mars/we-miss-you"])
      expect(findCampaignTemplate(key), key).toBeUndefined();
  });
});

describe("every template, pack and generic", () => {
  const all = [
    ...PACK_IDS.flatMap((id) => campaignTemplatesFor(id).filter((t) => t.source === id)),
    ...campaignTemplatesFor(null),
  ];

  it("should parse with the template schema and as a campaign's body, name and template key", () => {
    for (const template of all) {
      const { key: _key, source: _source, inSeason: _inSeason, ...plain } = template;
      const parsed = campaignTemplateSchema.safeParse(plain);
      expect(parsed.success ? [] : parsed.error.issues, template.key).toEqual([]);
      const campaign = campaignInput.safeParse({
        name: template.name,
        body: template.body,
        audience: {},
        templateKey: template.key,
      });
      expect(campaign.success ? [] : campaign.error.issues, template.key).toEqual([]);
    }
    expect(new Set(keys(all)).size).toBe(all.length);
  });

  it("should fit 2 GSM-7 segments for a 30-character name and a 45-character link, STOP line included", () => {
    for (const template of all) {
      const count = worstCaseSegments(template.body, LONG_BUSINESS);
      expect([template.key, count.encoding, count.segments <= 2]).toEqual([template.key, "GSM-7", true]);
      expect(hasStopInstruction(template.body), template.key).toBe(false);
    }
  });

  it("should fill every merge field it uses, leaving no braces in the text", () => {
    const values = { first_name: "Ana", business_name: "Shine Co", booking_link: "https://x.test/b", points: "120" };
    expect(MERGE_FIELDS).toEqual(Object.keys(values));
    for (const template of all) expect(renderCampaignText(template.body, values), template.key).not.toMatch(/[{}]/);
  });

  it("should make the generic loyalty template show the points balance", () => {
    expect(GENERIC_CAMPAIGN_TEMPLATES.find((t) => t.id === "loyalty-points-reminder")!.body).toContain("{points}");
  });
});
