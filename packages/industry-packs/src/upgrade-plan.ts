// The pack upgrade's diff, in the business's terms: which of the new version's changes to services,
// add-ons and FAQs will be applied, which are held back because the business changed the item, and
// one line per change saying what it is ("Price: $45–$85 → $50–$90").
// Pure: the router (packages/api, tenant.pack.*) loads the rows and the snapshot, and stores what applies.
import { z } from "zod";
import { diffPackVersions, type PackItemChange } from "./diff.ts";
import { formatPrice } from "./format.ts";
import type { IndustryPack, PackAddOn, PackFaq, PackService } from "./schema.ts";

export const CATALOG_KINDS = ["service", "addOn", "faq"] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** What the business's rows say about an item that came from the pack. */
export type RowState = { packItemId: string; editedAt: Date | null; active: boolean };

export const heldBackReasonSchema = z.enum(["edited", "archived", "deleted"]);

export const previewItemSchema = z.object({
  kind: z.enum(CATALOG_KINDS),
  /** The pack item id, e.g. "weekly-mowing". */
  packItemId: z.string(),
  change: z.enum(["added", "changed", "removed"]),
  /** The item's name (or question), as the new version has it (the old one for removals). */
  title: z.string(),
  /** One line per difference, for people. */
  details: z.array(z.string()),
  /** For held-back items: what the business did to it. */
  heldBackReason: heldBackReasonSchema.nullable(),
});
export type PreviewItem = z.infer<typeof previewItemSchema>;

export const otherChangeSchema = z.object({
  kind: z.string(),
  id: z.string(),
  change: z.enum(["added", "changed", "removed"]),
});

export type UpgradePlan = {
  fromVersion: string;
  toVersion: string;
  willApply: (PreviewItem & { raw: PackItemChange })[];
  heldBack: PreviewItem[];
  /**
   * Changes to the pack's other sections (tone, IVR, hours, website, cadences, campaign templates): not
   * applied by this upgrade (the composer reads campaign templates from the shipped pack).
   */
  otherChanges: z.infer<typeof otherChangeSchema>[];
};

const snapshotItems = z.array(z.looseObject({ id: z.string() }));

/**
 * What a PackInstall snapshot must have for the diff to run. Loose on purpose: a snapshot is the
 * pack as it was installed, so an older pack shape must still be readable.
 */
export const snapshotSchema = z.looseObject({
  id: z.string(),
  version: z.string(),
  services: snapshotItems,
  addOns: snapshotItems,
  faqs: snapshotItems,
  pricingFactors: snapshotItems.default([]),
  cadences: snapshotItems.default([]),
  // Packs before campaign templates have none; the diff reads a missing list as empty.
  campaignTemplates: snapshotItems.optional(),
});

const KIND_OF: Record<string, CatalogKind | undefined> = { service: "service", addOn: "addOn", faq: "faq" };

/**
 * Diffs the installed snapshot with the current pack. An item counts as the business's own (and is
 * held back) when its row was edited or archived by the business, or when the row is gone.
 */
export function planUpgrade(
  snapshot: IndustryPack,
  current: IndustryPack,
  rows: ReadonlyMap<string, RowState & { kind: CatalogKind }>,
): UpgradePlan {
  const snapshotIds = [...snapshot.services, ...snapshot.addOns, ...snapshot.faqs].map((item) => item.id);
  const touched = new Set<string>();
  for (const [id, row] of rows) if (row.editedAt) touched.add(id);
  for (const id of snapshotIds) if (!rows.has(id)) touched.add(id);

  const diff = diffPackVersions(snapshot, current, touched);
  const plan: UpgradePlan = {
    fromVersion: diff.fromVersion,
    toVersion: diff.toVersion,
    willApply: [],
    heldBack: [],
    otherChanges: [],
  };
  for (const change of diff.changes) {
    const kind = KIND_OF[change.kind];
    if (!kind) {
      plan.otherChanges.push({ kind: change.kind, id: change.id, change: change.change });
      continue;
    }
    const row = rows.get(change.id);
    // The pack drops something the business already deleted: nothing to tell anyone.
    if (change.change === "removed" && !row) continue;
    const item: PreviewItem = {
      kind,
      packItemId: change.id,
      change: change.change,
      title: titleOf(change),
      details: [...new Set(describe(kind, change, snapshot, current))],
      heldBackReason: change.safeToApply ? null : !row ? "deleted" : !row.active ? "archived" : "edited",
    };
    if (change.safeToApply) plan.willApply.push({ ...item, raw: change });
    else plan.heldBack.push(item);
  }
  return plan;
}

function titleOf(change: PackItemChange): string {
  const item = (change.after ?? change.before) as { name?: string; question?: string };
  return item.name ?? item.question ?? change.id;
}

const minutes = (value: number) =>
  value >= 60 && value % 60 === 0
    ? `${value / 60} h`
    : value > 60
      ? `${Math.floor(value / 60)} h ${value % 60} min`
      : `${value} min`;

function serviceNames(pack: IndustryPack, ids: readonly string[]): string {
  return ids.map((id) => pack.services.find((service) => service.id === id)?.name ?? id).join(", ");
}

function factorLabels(pack: IndustryPack, ids: readonly string[]): string {
  return ids.length === 0
    ? "nothing"
    : ids.map((id) => pack.pricingFactors.find((factor) => factor.id === id)?.label ?? id).join(", ");
}

/** One readable line per changed field; for additions and removals, a summary of the item. */
function describe(kind: CatalogKind, change: PackItemChange, before: IndustryPack, after: IndustryPack): string[] {
  const removedNote = {
    service: "Leaves the pack: it will be archived (kept for past bookings, hidden from the list).",
    addOn: "Leaves the pack: it will be archived.",
    faq: "Leaves the pack: it will be deleted.",
  }[kind];
  if (change.change === "removed") return [removedNote];
  if (kind === "service") {
    const next = change.after as PackService;
    if (change.change === "added")
      return [`New service: ${formatPrice(next.priceCents)}, ${minutes(next.durationMinutes)}.`, next.description];
    const prev = change.before as PackService;
    return change.changedFields.map((field) => {
      switch (field) {
        case "priceCents":
          return `Price: ${formatPrice(prev.priceCents)} → ${formatPrice(next.priceCents)}`;
        case "durationMinutes":
          return `Duration: ${minutes(prev.durationMinutes)} → ${minutes(next.durationMinutes)}`;
        case "name":
          return `Name: “${prev.name}” → “${next.name}”`;
        case "priceDependsOn":
          return `Price depends on: ${factorLabels(before, prev.priceDependsOn)} → ${factorLabels(after, next.priceDependsOn)}`;
        case "description":
          return "Description reworded.";
        default:
          return `${field} updated.`;
      }
    });
  }
  if (kind === "addOn") {
    const next = change.after as PackAddOn;
    if (change.change === "added")
      return [
        `New add-on: ${formatPrice(next.priceCents)}, offered with ${serviceNames(after, next.serviceIds)}.`,
        next.description,
      ];
    const prev = change.before as PackAddOn;
    return change.changedFields.map((field) => {
      switch (field) {
        case "priceCents":
          return `Price: ${formatPrice(prev.priceCents)} → ${formatPrice(next.priceCents)}`;
        case "durationMinutes":
          return `Extra time: ${minutes(prev.durationMinutes)} → ${minutes(next.durationMinutes)}`;
        case "name":
          return `Name: “${prev.name}” → “${next.name}”`;
        case "serviceIds":
          return `Offered with: ${serviceNames(before, prev.serviceIds)} → ${serviceNames(after, next.serviceIds)}`;
        case "offerWhen":
        case "offerAt":
          return "When to offer it: reworded.";
        case "description":
          return "Description reworded.";
        default:
          return `${field} updated.`;
      }
    });
  }
  const next = change.after as PackFaq;
  if (change.change === "added") return [next.answer];
  return change.changedFields.map((field) =>
    field === "question"
      ? `Question: “${(change.before as PackFaq).question}” → “${next.question}”`
      : field === "answer"
        ? "Answer reworded."
        : `${field} updated.`,
  );
}
