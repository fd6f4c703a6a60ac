import { describe, expect, it } from "vitest";
import {
  compareVersions,
  diffPackVersions,
  getPack,
  type IndustryPack,
  industryPackSchema,
  sameData,
} from "./index.ts";

const v1 = getPack("lawn-care")!;

/** Version 2.0.0 of the lawn pack (it removes a FAQ: a major bump): a price change, a new add-on, a removed FAQ, a reworded greeting. */
function nextVersion(): IndustryPack {
  const next = structuredClone(v1) as IndustryPack;
  next.version = "2.0.0";
  const mowing = next.services.find((s) => s.id === "weekly-mowing")!;
  mowing.priceCents = { min: 5000, max: 9000 };
  next.addOns.push({
    id: "grub-control",
    name: "Grub Control",
    description: "A preventive grub treatment applied in early summer before beetle larvae hatch and chew turf roots.",
    priceCents: 8500,
    durationMinutes: 30,
    serviceIds: ["fertilization"],
    offerAt: "booking",
    offerWhen: "Booking a late-spring fertilization, or the customer mentions brown patches that lift like carpet.",
  });
  next.faqs = next.faqs.filter((f) => f.id !== "faq-pets");
  next.ivr = { ...next.ivr, greeting: `${next.ivr.greeting} Ask us about grub control.` };
  return next;
}

describe("diffPackVersions", () => {
  it("should find nothing between a pack and itself", () => {
    const diff = diffPackVersions(v1, v1);
    expect(diff.changes).toEqual([]);
    expect(diff.isUpgrade).toBe(false);
  });

  it("should report added, changed and removed items with the fields that changed", () => {
    const v2 = nextVersion();
    expect(industryPackSchema.safeParse(v2).success).toBe(true);
    const diff = diffPackVersions(v1, v2, []);
    expect(diff).toMatchObject({ packId: "lawn-care", fromVersion: v1.version, toVersion: "2.0.0", isUpgrade: true });
    expect(diff.changes.map((c) => [c.kind, c.id, c.change, c.changedFields])).toEqual([
      ["section", "ivr", "changed", ["greeting"]],
      ["service", "weekly-mowing", "changed", ["priceCents"]],
      ["addOn", "grub-control", "added", []],
      ["faq", "faq-pets", "removed", []],
    ]);
    const added = diff.changes.find((c) => c.change === "added")!;
    expect(added.before).toBeUndefined();
    expect(added.after).toMatchObject({ name: "Grub Control" });
    const removed = diff.changes.find((c) => c.change === "removed")!;
    expect(removed.after).toBeUndefined();
    expect(removed.before).toMatchObject({ id: "faq-pets" });
  });

  it("should mark every change safe when the tenant edited nothing", () => {
    const diff = diffPackVersions(v1, nextVersion());
    expect(diff.changes.every((c) => c.safeToApply && !c.editedByTenant)).toBe(true);
    expect(diff.applicable).toEqual(diff.changes);
    expect(diff.heldBack).toEqual([]);
  });

  it("should hold back changes to items the tenant edited and apply the rest", () => {
    const diff = diffPackVersions(v1, nextVersion(), new Set(["weekly-mowing", "faq-pets", "aeration"]));
    expect(diff.heldBack.map((c) => c.id)).toEqual(["weekly-mowing", "faq-pets"]);
    expect(diff.heldBack.every((c) => c.editedByTenant && !c.safeToApply)).toBe(true);
    expect(diff.applicable.map((c) => c.id)).toEqual(["ivr", "grub-control"]);
    // An edited item the new version did not touch is no change at all.
    expect(diff.changes.find((c) => c.id === "aeration")).toBeUndefined();
  });

  it("should treat section ids like item ids for tenant edits", () => {
    const diff = diffPackVersions(v1, nextVersion(), ["ivr"]);
    expect(diff.heldBack.map((c) => [c.kind, c.id])).toEqual([["section", "ivr"]]);
  });

  it("should diff business hours, reminders, tone and website as sections", () => {
    const v2 = structuredClone(v1) as IndustryPack;
    v2.version = "2.0.0";
    v2.businessHours = { ...v2.businessHours, sun: [["10:00", "14:00"]] };
    v2.reminders = { ...v2.reminders, reviewRequestHoursAfter: 6 };
    v2.tone = { ...v2.tone, avoidWords: [...v2.tone.avoidWords, "cheap"] };
    v2.website = { ...v2.website, seo: { ...v2.website.seo, title: "Lawn Mowing & Yard Care Near You" } };
    const diff = diffPackVersions(v1, v2, ["website"]);
    expect(diff.changes.map((c) => [c.id, c.changedFields, c.safeToApply])).toEqual([
      ["tone", ["avoidWords"], true],
      ["business-hours", ["sun"], true],
      ["reminders", ["reviewRequestHoursAfter"], true],
      ["website", ["seo"], false],
    ]);
  });

  it("should report a reorder-free change in a cadence and a pricing factor", () => {
    const v2 = structuredClone(v1) as IndustryPack;
    v2.version = "1.1.1";
    v2.cadences[0]!.intervalDays = 10;
    v2.pricingFactors[0]!.options = [...v2.pricingFactors[0]!.options, "Estate: over 1 acre"];
    const diff = diffPackVersions(v1, v2);
    expect(diff.changes.map((c) => [c.kind, c.id, c.changedFields])).toEqual([
      ["pricingFactor", v1.pricingFactors[0]!.id, ["options"]],
      ["cadence", v1.cadences[0]!.id, ["intervalDays"]],
    ]);
  });

  it("should diff campaign templates as items, and read a version without them as having none", () => {
    const before = structuredClone(v1) as IndustryPack;
    before.version = "1.0.0";
    delete before.campaignTemplates;
    const ids = v1.campaignTemplates!.map((t) => t.id);
    expect(ids.length).toBeGreaterThan(0);
    const added = diffPackVersions(before, v1);
    expect(added.changes.map((c) => [c.kind, c.id, c.change])).toEqual(
      ids.map((id) => ["campaignTemplate", id, "added"]),
    );
    expect(added.isUpgrade).toBe(true);
    expect(diffPackVersions(v1, before).changes.map((c) => c.change)).toEqual(ids.map(() => "removed"));

    const reworded = structuredClone(v1) as IndustryPack;
    reworded.campaignTemplates![0]!.body = "Hi {first_name}, a new spring offer is here. Book a time: {booking_link}";
    expect(diffPackVersions(v1, reworded).changes.map((c) => [c.kind, c.id, c.changedFields])).toEqual([
      ["campaignTemplate", ids[0], ["body"]],
    ]);
  });

  it("should ignore the order of object keys but not of list entries", () => {
    const v2 = structuredClone(v1) as IndustryPack;
    const { name, ...rest } = v2.services[0]!;
    v2.services[0] = { ...rest, name };
    expect(diffPackVersions(v1, v2).changes).toEqual([]);
    v2.tone.preferredWords = [...v2.tone.preferredWords].reverse();
    expect(diffPackVersions(v1, v2).changes.map((c) => c.id)).toEqual(["tone"]);
  });

  it("should report a downgrade as not an upgrade", () => {
    const v2 = nextVersion();
    expect(diffPackVersions(v2, v1).isUpgrade).toBe(false);
    expect(diffPackVersions(v2, v1).changes.map((c) => c.change)).toEqual(["changed", "changed", "removed", "added"]);
  });

  it("should refuse to diff two different packs", () => {
    expect(() => diffPackVersions(v1, getPack("auto-detailing")!)).toThrow(RangeError);
  });

  it("should not modify the packs it compares", () => {
    const v2 = nextVersion();
    const snapshot = structuredClone(v2);
    diffPackVersions(v1, v2, ["weekly-mowing"]);
    expect(v2).toEqual(snapshot);
  });
});

describe("compareVersions", () => {
  it("should order versions numerically, not as strings", () => {
    expect(compareVersions("1.10.0", "1.9.0")).toBeGreaterThan(0);
    expect(compareVersions("2.0.0", "10.0.0")).toBeLessThan(0);
    expect(compareVersions("1.2.3", "1.2.3")).toBe(0);
    expect(compareVersions("1.0.1", "1.0.0")).toBeGreaterThan(0);
  });
});

describe("sameData", () => {
  it("should compare plain data deeply", () => {
    expect(sameData({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData(1500, { min: 1500, max: 2000 })).toBe(false);
  });
});
