// The keyset helper without a database: cursors round-trip and refuse anything not made by encode(),
// and the seek is one row-value comparison with typed values (the plans are checked on PostgreSQL in
// packages/api/test/list-plans.test.ts).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { INVALID_CURSOR_MESSAGE, keyset } from "./keyset.ts";

const newestFirst = keyset(
  [
    ["c.last_message_at", "timestamptz"],
    ["c.id", "uuid"],
  ],
  "desc",
);
const byName = keyset(
  [
    ["c.sort_name", "text"],
    ["c.id", "uuid"],
  ],
  "asc",
);
const at = new Date("2026-12-01T10:20:30.456Z");
const id = "8ed02b1d-48f2-4521-895f-f60a37183465";

describe("keyset", () => {
  it("should round-trip a cursor's keys, a Date as a Date", () => {
    const cursor = newestFirst.encode([at, id]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(newestFirst.decode(cursor)).toEqual([at, id]);
    expect(newestFirst.cursor.parse(cursor)).toEqual([at, id]);
    expect(byName.decode(byName.encode(["o'brien, ann", id]))).toEqual(["o'brien, ann", id]);
  });

  it("should refuse a cursor not made by encode() with the list's message", () => {
    const forged = [
      "yesterday",
      "",
      "%%%",
      Buffer.from("not json").toString("base64url"),
      Buffer.from(JSON.stringify([at.toISOString()])).toString("base64url"),
      Buffer.from(JSON.stringify([at.toISOString(), "not-a-uuid"])).toString("base64url"),
      Buffer.from(JSON.stringify(["tuesday", id])).toString("base64url"),
      Buffer.from(JSON.stringify([at.toISOString(), id, "extra"])).toString("base64url"),
      byName.encode(["ann", id]),
      "A".repeat(2_000),
    ];
    for (const cursor of forged) {
      expect(newestFirst.decode(cursor), cursor).toBeNull();
      const parsed = z.strictObject({ cursor: newestFirst.cursor.optional() }).safeParse({ cursor });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message)).toEqual([INVALID_CURSOR_MESSAGE]);
    }
  });

  it("should seek with one row comparison in the order's direction, values as typed parameters", () => {
    const seek = newestFirst.after([at, id]);
    expect(seek.text).toBe("(c.last_message_at, c.id) < ($1::timestamptz, $2::uuid)");
    expect(seek.values).toEqual([at, id]);
    expect(byName.after(["ann", id]).text).toBe("(c.sort_name, c.id) > ($1::text, $2::uuid)");
    expect(newestFirst.after(null).text).toBe("TRUE");
    expect(newestFirst.orderBy.text).toBe("c.last_message_at DESC, c.id DESC");
    expect(byName.orderBy.text).toBe("c.sort_name ASC, c.id ASC");
  });

  it("should write the LIMIT into the statement, refusing anything but a page size", () => {
    expect(newestFirst.limit(51).text).toBe("LIMIT 51");
    for (const bad of [0, -1, 1.5, Number.NaN, 5_000]) expect(() => newestFirst.limit(bad)).toThrow(RangeError);
  });

  it("should split the rows read into the page and the next page's cursor", () => {
    const rows = [1, 2, 3].map((n) => ({ at: new Date(at.getTime() - n), id }));
    const more = newestFirst.page(rows, 2, (row) => [row.at, row.id]);
    expect(more.items).toEqual(rows.slice(0, 2));
    expect(newestFirst.decode(more.nextCursor!)).toEqual([rows[1]!.at, id]);
    const last = newestFirst.page(rows.slice(0, 2), 2, (row) => [row.at, row.id]);
    expect(last).toEqual({ items: rows.slice(0, 2), nextCursor: null });
  });
});
