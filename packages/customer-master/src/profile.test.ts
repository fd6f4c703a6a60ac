import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CustomerJson, mergedProfile, restoredSurvivor } from "./profile.ts";

const NOW = new Date("2026-12-03T20:00:00.000Z");

const customer = (over: Partial<CustomerJson>): CustomerJson => ({
  id: "s",
  phone: "+15125550001",
  alt_phones: [],
  name: "Dana Reyes",
  email: "dana@example.com",
  address: null,
  notes: null,
  tags: ["vip"],
  last_seen_at: "2026-11-01T00:00:00+00:00",
  last_visit_at: null,
  visit_count: 2,
  lifetime_spend_cents: 5000,
  points_balance: 10,
  points_earned: 20,
  sort_name: "dana reyes",
  search_text: "dana reyes dana@example.com 15125550001",
  updated_at: "2026-11-01T00:00:00+00:00",
  created_at: "2026-10-01T00:00:00+00:00",
  ...over,
});

describe("the survivor's record", () => {
  it("adds the figures, unites tags and phones, keeps the survivor's fields and fills blanks", () => {
    const s = customer({ address: null });
    const m = customer({
      id: "m",
      phone: "+15125550002",
      alt_phones: ["+15125550001", "+15125550003"],
      name: "D. Reyes",
      email: "dana.r@example.com",
      address: "4 Elm St",
      tags: ["fleet", "vip"],
      last_visit_at: "2026-11-20T00:00:00+00:00",
      visit_count: 3,
    });
    const out = mergedProfile(s, m, NOW);
    expect(out.alt_phones).toEqual(["+15125550002", "+15125550003"]);
    expect(out.tags).toEqual(["vip", "fleet"]);
    expect(out.name).toBe("Dana Reyes");
    expect(out.address).toBe("4 Elm St");
    expect(out.visit_count).toBe(5);
    expect(out.points_balance).toBe(20);
    expect(out.last_visit_at).toBe("2026-11-20T00:00:00+00:00");
    expect(out.notes).toContain("dana.r@example.com");
  });

  it("an undo with nothing changed since gives back exactly the row before", () => {
    const counter = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(
        counter,
        counter,
        counter,
        counter,
        fc.array(fc.constantFrom("a", "b", "c")),
        (v1, v2, p1, p2, tags) => {
          const s = customer({ visit_count: v1, points_balance: p1, tags });
          const m = customer({ id: "m", phone: "+15125550009", visit_count: v2, points_balance: p2, tags: ["b", "z"] });
          const after = mergedProfile(s, m, NOW);
          expect(restoredSurvivor(s, after, after, NOW)).toEqual({ row: s, changedSince: [] });
        },
      ),
    );
  });

  it("keeps changes made since the merge, giving back only what the merge added", () => {
    const s = customer({});
    const m = customer({ id: "m", phone: "+15125550009", visit_count: 3, tags: ["fleet"] });
    const after = mergedProfile(s, m, NOW);
    const current = { ...after, visit_count: after.visit_count + 1, tags: [...after.tags, "new"], name: "Dana R." };
    const { row, changedSince } = restoredSurvivor(s, after, current, NOW);
    expect(row.visit_count).toBe(s.visit_count + 1);
    expect(row.tags).toEqual(["vip", "new"]);
    expect(row.name).toBe("Dana R.");
    expect(row.alt_phones).toEqual([]);
    expect(changedSince).toEqual(expect.arrayContaining(["visit_count", "tags", "name"]));
  });
});
