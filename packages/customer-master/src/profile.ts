// The survivor's record after a merge, and after an undo. Pure: rows are plain JSON objects with
// the database's column names (the snapshots a merge stores are `to_jsonb(customers)`).
import { customerSearchKeys } from "@servicepro/validators";

export type CustomerJson = Record<string, unknown> & {
  id: string;
  phone: string;
  alt_phones: string[];
  name: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  tags: string[];
  last_seen_at: string | null;
  last_visit_at: string | null;
  visit_count: number;
  lifetime_spend_cents: number;
  points_balance: number;
  points_earned: number;
  sort_name: string;
  search_text: string;
  updated_at: string;
};

/** Figures that add up across the two records (and are taken back off by an undo). */
export const COUNTERS = ["visit_count", "lifetime_spend_cents", "points_balance", "points_earned"] as const;

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
const later = (a: string | null, b: string | null) => {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
};

/**
 * The survivor after absorbing `merged`: its own fields kept and blanks filled from the merged
 * record; tags and phones united (the merged primary phone becomes another phone); the figures
 * added (the points ledger, visits and spend of both now belong to it); the latest visit and
 * contact; a different email of the merged record kept in the notes so it is not lost.
 */
export function mergedProfile(survivor: CustomerJson, merged: CustomerJson, now: Date): CustomerJson {
  const altPhones = union(survivor.alt_phones, [merged.phone, ...merged.alt_phones]).filter(
    (p) => p !== survivor.phone,
  );
  const email = survivor.email ?? merged.email;
  const notes = [survivor.notes, merged.notes].filter((n): n is string => !!n?.trim());
  if (survivor.email && merged.email && survivor.email.toLowerCase() !== merged.email.toLowerCase())
    notes.push(`Other email (from the merged record): ${merged.email}`);
  const name = survivor.name ?? merged.name;
  const keys = customerSearchKeys({ name, email, phone: survivor.phone, altPhones });
  return {
    ...survivor,
    name,
    email,
    address: survivor.address ?? merged.address,
    notes: notes.length ? notes.join("\n\n") : null,
    tags: union(survivor.tags, merged.tags),
    alt_phones: altPhones,
    last_seen_at: later(survivor.last_seen_at, merged.last_seen_at),
    last_visit_at: later(survivor.last_visit_at, merged.last_visit_at),
    visit_count: survivor.visit_count + merged.visit_count,
    lifetime_spend_cents: survivor.lifetime_spend_cents + merged.lifetime_spend_cents,
    points_balance: survivor.points_balance + merged.points_balance,
    points_earned: survivor.points_earned + merged.points_earned,
    sort_name: keys.sortName,
    search_text: keys.searchText,
    updated_at: now.toISOString(),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A row as an undo leaves it, field by field (a three-way merge): a field still as the merge left it
 * (`after`) goes back to its value before the merge; a field someone changed since keeps the change.
 * Counters changed since keep the change but give back what the merge added (`after - before`).
 * With nothing changed since the merge, the result is exactly `before`.
 */
export function restoreRow<T extends Record<string, unknown>>(
  before: T,
  after: T,
  current: T,
  counters: readonly string[] = [],
  sets: readonly string[] = [],
): { row: T; changedSince: string[] } {
  const row: Record<string, unknown> = { ...current };
  const changedSince: string[] = [];
  for (const key of Object.keys(before)) {
    if (same(current[key], after[key])) {
      row[key] = before[key];
      continue;
    }
    changedSince.push(key);
    if (counters.includes(key))
      row[key] = (current[key] as number) - ((after[key] as number) - (before[key] as number));
    else if (sets.includes(key)) {
      const added = new Set((after[key] as string[]).filter((v) => !(before[key] as string[]).includes(v)));
      row[key] = (current[key] as string[]).filter((v) => !added.has(v));
    }
  }
  return { row: row as T, changedSince };
}

/** The survivor after an undo (restoreRow with its counters and lists), search keys kept consistent. */
export function restoredSurvivor(
  before: CustomerJson,
  after: CustomerJson,
  current: CustomerJson,
  now: Date,
): { row: CustomerJson; changedSince: string[] } {
  const { row, changedSince } = restoreRow(before, after, current, COUNTERS, ["tags", "alt_phones"]);
  const edited = changedSince.filter((k) => k !== "updated_at");
  if (edited.length === 0) return { row: { ...row, updated_at: before.updated_at }, changedSince };
  const keys = customerSearchKeys({ name: row.name, email: row.email, phone: row.phone, altPhones: row.alt_phones });
  return {
    row: { ...row, sort_name: keys.sortName, search_text: keys.searchText, updated_at: now.toISOString() },
    changedSince,
  };
}
