import { describe, expect, it } from "vitest";
import { type CatalogKind, getPack, type IndustryPack, planUpgrade, type RowState, snapshotSchema } from "./index.ts";

const v1 = getPack("lawn-care")!;

/** Lawn care 2.0.0 (it removes a FAQ: a major bump): a price change, a new add-on, a removed FAQ, a reworded greeting. */
function nextVersion(): IndustryPack {
  const next = structuredClone(v1) as IndustryPack;
  next.version = "2.0.0";
  next.services.find((s) => s.id === "weekly-mowing")!.priceCents = { min: 5000, max: 9000 };
  next.services.find((s) => s.id === "fertilization")!.durationMinutes = 90;
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

type Rows = Map<string, RowState & { kind: CatalogKind }>;

/** The business's rows as the install left them: one per pack item, untouched and active. */
function installedRows(pack: IndustryPack): Rows {
  const rows: Rows = new Map();
  const add = (kind: CatalogKind, id: string) => rows.set(id, { kind, packItemId: id, editedAt: null, active: true });
  for (const s of pack.services) add("service", s.id);
  for (const a of pack.addOns) add("addOn", a.id);
  for (const f of pack.faqs) add("faq", f.id);
  return rows;
}

describe("planUpgrade", () => {
  it("should plan nothing between a pack and itself", () => {
    const plan = planUpgrade(v1, v1, installedRows(v1));
    expect(plan).toEqual({
      fromVersion: v1.version,
      toVersion: v1.version,
      willApply: [],
      heldBack: [],
      otherChanges: [],
    });
  });

  it("should apply every catalog change to an untouched business, one readable line per change", () => {
    const plan = planUpgrade(v1, nextVersion(), installedRows(v1));
    expect(plan.fromVersion).toBe(v1.version);
    expect(plan.toVersion).toBe("2.0.0");
    expect(plan.heldBack).toEqual([]);
    expect(plan.willApply.map(({ kind, packItemId, change, title }) => [kind, packItemId, change, title])).toEqual([
      ["service", "weekly-mowing", "changed", "Weekly Mowing"],
      ["service", "fertilization", "changed", "Fertilization and Weed Control"],
      ["addOn", "grub-control", "added", "Grub Control"],
      ["faq", "faq-pets", "removed", v1.faqs.find((f) => f.id === "faq-pets")!.question],
    ]);
    const [mowing, fertilization, grub, pets] = plan.willApply;
    expect(mowing!.details).toEqual(["Price: $45–$85 → $50–$90"]);
    expect(fertilization!.details).toEqual(["Duration: 30 min → 1 h 30 min"]);
    expect(grub!.details[0]).toBe("New add-on: $85, offered with Fertilization and Weed Control.");
    expect(pets!.details).toEqual(["Leaves the pack: it will be deleted."]);
    // The raw change travels with what will be applied, so the router can write it.
    expect(mowing!.raw).toMatchObject({ kind: "service", id: "weekly-mowing", safeToApply: true });
    // Sections other than the catalog are reported, not applied.
    expect(plan.otherChanges).toEqual([{ kind: "section", id: "ivr", change: "changed" }]);
  });

  it("should hold back what the business edited, archived or deleted, and say which", () => {
    const rows = installedRows(v1);
    rows.set("weekly-mowing", { ...rows.get("weekly-mowing")!, editedAt: new Date("2026-01-05T10:00:00Z") });
    rows.set("fertilization", {
      ...rows.get("fertilization")!,
      editedAt: new Date("2026-01-06T10:00:00Z"),
      active: false,
    });
    rows.delete("faq-pets");
    const plan = planUpgrade(v1, nextVersion(), rows);
    expect(plan.heldBack.map((item) => [item.packItemId, item.heldBackReason])).toEqual([
      ["weekly-mowing", "edited"],
      ["fertilization", "archived"],
    ]);
    // The pack drops a FAQ the business already deleted: nothing to apply and nothing to tell.
    expect(plan.willApply.map((item) => [item.packItemId, item.heldBackReason])).toEqual([["grub-control", null]]);
  });

  it("should upgrade a snapshot from before campaign templates: they are reported, nothing is written", () => {
    const installed = JSON.parse(JSON.stringify(v1)) as Record<string, unknown>;
    installed.version = "1.0.0";
    delete installed.campaignTemplates;
    // What the router reads from a PackInstall row.
    const snapshot = snapshotSchema.parse(installed) as unknown as IndustryPack;
    const plan = planUpgrade(snapshot, v1, installedRows(v1));
    expect(plan.willApply).toEqual([]);
    expect(plan.heldBack).toEqual([]);
    expect(plan.otherChanges).toEqual(
      v1.campaignTemplates!.map((t) => ({ kind: "campaignTemplate", id: t.id, change: "added" })),
    );
    expect(snapshotSchema.safeParse({ ...installed, campaignTemplates: "none" }).success).toBe(false);
  });

  it("should hold back a change to a row the business deleted", () => {
    const rows = installedRows(v1);
    rows.delete("weekly-mowing");
    const plan = planUpgrade(v1, nextVersion(), rows);
    expect(plan.heldBack).toEqual([
      expect.objectContaining({ packItemId: "weekly-mowing", change: "changed", heldBackReason: "deleted" }),
    ]);
    expect(plan.willApply.map((item) => item.packItemId)).not.toContain("weekly-mowing");
  });
});
