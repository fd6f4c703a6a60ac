// The list pattern for every paged procedure (issue 12 §3): keyset pages that seek in an index.
//
// - The order is a list of columns read in one direction, ending with a unique one (the id), and a
//   composite index (tenant_id, …those columns) exists in the same order.
// - The page after a cursor is a row-value comparison, `(c.last_message_at, c.id) < ($1, $2)`:
//   PostgreSQL turns it into an index condition and starts reading at the cursor. The OR form Prisma
//   writes for `cursor`/keyset filters (`a < $1 OR (a = $1 AND id < $2)`) is a filter instead: every
//   row before the cursor is read and thrown away, so the deepest page is the slowest.
// - The statement reads `limit + 1` rows; the extra one only says whether there is a next page. The
//   LIMIT is written into the statement (limit()), so a prepared statement's generic plan seeks too.
// - Related rows (the customer of a conversation, its opt-out, …) come in the same statement, joined
//   by key after the LIMIT, or by `id = ANY($ids)`; never a Prisma `include`, whose
//   `tenant_id IN (<a copy per row>) AND id IN (…)` PostgreSQL plans as a full scan.
// - The cursor is opaque to clients (base64url of the last row's keys as JSON) and checked when
//   decoded: a cursor that was not made here is a 400 with INVALID_CURSOR_MESSAGE, never a SQL error.
// Run the statement with tenantDb(…).query(): one transaction with app.tenant_id set, no Prisma.

import { z } from "zod";
import { Prisma } from "./generated/prisma/client.ts";

export const INVALID_CURSOR_MESSAGE = "That page cursor is not valid; reload the list.";

/** The SQL types a sort key may have; each cursor value is cast to its column's type. */
export type KeysetKeyType = "timestamptz" | "uuid" | "text" | "integer";

type KeyValue<T extends KeysetKeyType> = T extends "timestamptz" ? Date : T extends "integer" ? number : string;

/** A sort column: the SQL expression as written in the statement (a trusted constant, never input) and its type. */
export type KeysetColumn = readonly [sql: string, type: KeysetKeyType];

/** The keys of one row, in the order's column order. */
export type KeysetKeys<C extends readonly KeysetColumn[]> = { -readonly [I in keyof C]: KeyValue<C[I][1]> };

export type Keyset<K extends readonly unknown[]> = {
  /** A procedure input's cursor: the opaque string in, the keys out; anything else fails with INVALID_CURSOR_MESSAGE. */
  readonly cursor: z.ZodType<K, string>;
  encode(keys: K): string;
  /** The keys of a cursor made by encode(), or null for anything else. */
  decode(cursor: string): K | null;
  /** The seek condition: `(a, b) < ($1::…, $2::…)` (descending) or `>` (ascending); TRUE without keys. */
  after(keys: K | null | undefined): Prisma.Sql;
  /** `a DESC, b DESC` (or ASC): the index's order, so nothing is sorted. */
  readonly orderBy: Prisma.Sql;
  /**
   * `LIMIT n` with n written into the statement, not a parameter: a prepared statement's generic plan
   * (tenantDb().query prepares) is made without parameter values, and with an unknown LIMIT PostgreSQL
   * expects to read a tenth of the table and may choose a scan and a sort over the seek.
   */
  limit(take: number): Prisma.Sql;
  /** Splits the `limit + 1` rows read into the page and the next page's cursor (null on the last page). */
  page<R>(rows: readonly R[], limit: number, keysOf: (row: R) => K): { items: R[]; nextCursor: string | null };
};

const MAX_CURSOR_LENGTH = 1_000;
/** The most rows one page statement reads (a page of at most 1,000 and the row that says there is more). */
const MAX_LIMIT = 1_001;

const keySchemas: Record<KeysetKeyType, z.ZodType> = {
  timestamptz: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  uuid: z.uuid(),
  text: z.string().max(MAX_CURSOR_LENGTH),
  integer: z.number().int(),
};

/**
 * A keyset order: `keyset([["c.last_message_at", "timestamptz"], ["c.id", "uuid"]], "desc")`.
 * All columns go the same way (a row comparison has one direction); the last must be unique.
 */
export function keyset<const C extends readonly [KeysetColumn, ...KeysetColumn[]]>(
  columns: C,
  direction: "asc" | "desc",
): Keyset<KeysetKeys<C>> {
  type K = KeysetKeys<C>;
  const keysSchema = z.tuple(columns.map(([, type]) => keySchemas[type]) as [z.ZodType, ...z.ZodType[]]);
  const names = Prisma.raw(columns.map(([sql]) => sql).join(", "));
  const decode = (cursor: string): K | null => {
    if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    } catch {
      return null;
    }
    const keys = keysSchema.safeParse(parsed);
    return keys.success ? (keys.data as K) : null;
  };
  const encode = (keys: K) => Buffer.from(JSON.stringify(keys), "utf8").toString("base64url");
  return {
    cursor: z.string().transform((value, ctx) => {
      const keys = decode(value);
      if (keys === null) {
        ctx.issues.push({ code: "custom", message: INVALID_CURSOR_MESSAGE, input: value });
        return z.NEVER;
      }
      return keys;
    }),
    encode,
    decode,
    after(keys) {
      if (!keys) return Prisma.sql`TRUE`;
      const values = Prisma.join(
        columns.map(([, type], i) => Prisma.sql`${keys[i]}::${Prisma.raw(type)}`),
        ", ",
      );
      return Prisma.sql`(${names}) ${Prisma.raw(direction === "desc" ? "<" : ">")} (${values})`;
    },
    limit(take) {
      if (!Number.isSafeInteger(take) || take < 1 || take > MAX_LIMIT)
        throw new RangeError(`A page reads 1–${MAX_LIMIT} rows.`);
      return Prisma.raw(`LIMIT ${take}`);
    },
    orderBy: Prisma.raw(columns.map(([sql]) => `${sql} ${direction === "desc" ? "DESC" : "ASC"}`).join(", ")),
    page(rows, limit, keysOf) {
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encode(keysOf(last)) : null };
    },
  };
}
