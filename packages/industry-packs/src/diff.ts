import type {
  IndustryPack,
  PackAddOn,
  PackCadence,
  PackCampaignTemplate,
  PackFaq,
  PackSectionId,
  PackService,
  PricingFactor,
} from "./schema.ts";

// Upgrading a tenant from one pack version to the next: what was added, changed and removed, item by
// item, and which of those can be applied without overwriting something the tenant edited.

export const PACK_ITEM_KINDS = [
  "pricingFactor",
  "service",
  "addOn",
  "faq",
  "cadence",
  "campaignTemplate",
  "section",
] as const;
export type PackItemKind = (typeof PACK_ITEM_KINDS)[number];

export type PackItem =
  | PricingFactor
  | PackService
  | PackAddOn
  | PackFaq
  | PackCadence
  | PackCampaignTemplate
  | IndustryPack[keyof Pick<IndustryPack, "tone" | "ivr" | "businessHours" | "reminders" | "website">];

export type PackChangeType = "added" | "changed" | "removed";

export interface PackItemChange {
  kind: PackItemKind;
  /** The item's id, or the section's id ("tone", "ivr", "business-hours", "reminders", "website"). */
  id: string;
  change: PackChangeType;
  /** The tenant edited (or deleted) this item since it was set up from the pack. */
  editedByTenant: boolean;
  /** Applying this change overwrites nothing of the tenant's: true exactly when not edited by the tenant. */
  safeToApply: boolean;
  /** For "changed": the top-level fields that differ, e.g. ["priceCents", "description"]. */
  changedFields: string[];
  /** The item in the old pack (absent for "added"). */
  before?: PackItem;
  /** The item in the new pack (absent for "removed"). */
  after?: PackItem;
}

export interface PackDiff {
  packId: string;
  fromVersion: string;
  toVersion: string;
  /** The new version is higher than the old one. */
  isUpgrade: boolean;
  /** Every difference, in pack order: sections, then pricing factors, services, add-ons, FAQs, cadences, campaign templates. */
  changes: PackItemChange[];
  /** The changes safe to apply. */
  applicable: PackItemChange[];
  /** The changes held back because the tenant edited the item; the tenant keeps its version. */
  heldBack: PackItemChange[];
}

const SECTION_KEYS: Record<PackSectionId, "tone" | "ivr" | "businessHours" | "reminders" | "website"> = {
  tone: "tone",
  ivr: "ivr",
  "business-hours": "businessHours",
  reminders: "reminders",
  website: "website",
};

const LIST_KEYS = [
  ["pricingFactor", "pricingFactors"],
  ["service", "services"],
  ["addOn", "addOns"],
  ["faq", "faqs"],
  ["cadence", "cadences"],
  ["campaignTemplate", "campaignTemplates"],
] as const;

/** Compares two "major.minor.patch" versions: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Deep equality for plain JSON-like data (objects, arrays, strings, numbers, booleans, null, undefined). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameData(ra[key], rb[key])) return false;
  return true;
}

function changedFields(before: PackItem, after: PackItem): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((key) => !sameData(b[key], a[key]));
}

/**
 * The item-by-item difference between two versions of the same pack. `editedItemIds` are the ids
 * (item ids or section ids) the tenant has edited since it was set up: changes to those are held
 * back, everything else is safe to apply. Throws when the packs are not the same pack.
 */
export function diffPackVersions(
  oldPack: IndustryPack,
  newPack: IndustryPack,
  editedItemIds: Iterable<string> = [],
): PackDiff {
  if (oldPack.id !== newPack.id)
    throw new RangeError(`Cannot diff different packs ("${oldPack.id}" and "${newPack.id}").`);
  const edited = new Set(editedItemIds);
  const changes: PackItemChange[] = [];

  const record = (kind: PackItemKind, id: string, before: PackItem | undefined, after: PackItem | undefined) => {
    let change: PackChangeType;
    let fields: string[] = [];
    if (before === undefined && after === undefined) return;
    if (before === undefined) change = "added";
    else if (after === undefined) change = "removed";
    else {
      fields = changedFields(before, after);
      if (fields.length === 0) return;
      change = "changed";
    }
    const editedByTenant = edited.has(id);
    changes.push({
      kind,
      id,
      change,
      editedByTenant,
      safeToApply: !editedByTenant,
      changedFields: fields,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    });
  };

  for (const [id, key] of Object.entries(SECTION_KEYS)) record("section", id, oldPack[key], newPack[key]);

  for (const [kind, key] of LIST_KEYS) {
    // Campaign templates came later: a version without them has none (every one is "added").
    const oldItems: readonly { id: string }[] = oldPack[key] ?? [];
    const newItems: readonly { id: string }[] = newPack[key] ?? [];
    const oldById = new Map(oldItems.map((item) => [item.id, item]));
    const newIds = new Set(newItems.map((item) => item.id));
    // New order first (additions and changes where they now sit), then removals in old order.
    for (const item of newItems) record(kind, item.id, oldById.get(item.id) as PackItem | undefined, item as PackItem);
    for (const item of oldItems) if (!newIds.has(item.id)) record(kind, item.id, item as PackItem, undefined);
  }

  return {
    packId: newPack.id,
    fromVersion: oldPack.version,
    toVersion: newPack.version,
    isUpgrade: compareVersions(newPack.version, oldPack.version) > 0,
    changes,
    applicable: changes.filter((c) => c.safeToApply),
    heldBack: changes.filter((c) => !c.safeToApply),
  };
}
