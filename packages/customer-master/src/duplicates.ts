// The duplicate finder: pairs of one business's customers that look like one person, in SQL over the
// whole table (set-based joins on the keys, never loading every customer), a page at a time.
//
// Candidates come from three joins: a phone of one is the other's primary phone (alt_phones against
// the unique (tenant, phone) index), the same case-folded email (index customers_email_lower_idx), or
// the same name key (customers.name_key, a generated column of customer_name_key(name), the SQL twin
// of matching.ts nameKey; index customers_name_key_idx). Each
// candidate is then judged by matchCustomers: same phone or email is certain; same name counts only
// with the same street or an email one typo away (likely, for review); same name alone is dropped.
// Pairs staff dismissed ("not the same person") are left out.
import { Prisma, type TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { type Match, matchCustomers } from "./matching.ts";

export type DuplicateCustomer = {
  id: string;
  name: string | null;
  phone: string;
  altPhones: string[];
  email: string | null;
  address: string | null;
  visitCount: number;
  lastVisitAt: Date | null;
  createdAt: Date;
};

export type DuplicatePair = Match & { a: DuplicateCustomer; b: DuplicateCustomer };

export type DuplicatePage = { items: DuplicatePair[]; nextCursor: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor: the last pair examined, "a_id.b_id" in base64url. */
export const encodePairCursor = (a: string, b: string) => Buffer.from(`${a}.${b}`).toString("base64url");

export function decodePairCursor(cursor: string): [string, string] {
  const [a, b] = Buffer.from(cursor, "base64url").toString().split(".");
  if (!a || !b || !UUID.test(a) || !UUID.test(b))
    throw new AppError("BAD_REQUEST", "That page cursor is not valid; reload the list.");
  return [a, b];
}

type Row = { a_id: string; b_id: string };

/**
 * One page of possible duplicates, in (a, b) id order. A page can hold fewer than `limit` pairs (a
 * same-name candidate that is not a match is skipped); `nextCursor` is null only at the end.
 */
export async function findDuplicates(
  tx: TenantTx,
  tenantId: string,
  options: { cursor?: string | null; limit: number },
): Promise<DuplicatePage> {
  const after = options.cursor ? decodePairCursor(options.cursor) : null;
  const afterSql = after ? Prisma.sql`AND (p.a_id, p.b_id) > (${after[0]}::uuid, ${after[1]}::uuid)` : Prisma.empty;
  // The email join's row estimate is far too high on a big table (equal emails are rare), which
  // makes PostgreSQL JIT-compile the statement: a second of compiling for a few hundred ms of work.
  await tx.$executeRaw`SELECT set_config('jit', 'off', true)`;
  const rows = await tx.$queryRaw<Row[]>`
    WITH pairs AS (
      SELECT LEAST(a.id, b.id) AS a_id, GREATEST(a.id, b.id) AS b_id
      FROM customers a
      CROSS JOIN LATERAL unnest(a.alt_phones) AS alt(phone)
      JOIN customers b ON b.tenant_id = a.tenant_id AND b.phone = alt.phone AND b.id <> a.id
      WHERE a.tenant_id = ${tenantId} AND a.alt_phones <> '{}'
      UNION
      SELECT a.id, b.id
      FROM customers a
      JOIN customers b ON b.tenant_id = a.tenant_id AND lower(b.email) = lower(a.email) AND b.id > a.id
      WHERE a.tenant_id = ${tenantId} AND a.email IS NOT NULL AND b.email IS NOT NULL
      UNION
      SELECT a.id, b.id
      FROM customers a
      JOIN customers b ON b.tenant_id = a.tenant_id AND b.name_key = a.name_key AND b.id > a.id
      WHERE a.tenant_id = ${tenantId} AND a.name_key IS NOT NULL AND b.name_key IS NOT NULL
    )
    SELECT p.a_id::text AS a_id, p.b_id::text AS b_id
    FROM pairs p
    WHERE NOT EXISTS (SELECT 1 FROM customer_duplicate_dismissals d
                      WHERE d.tenant_id = ${tenantId} AND d.customer_a_id = p.a_id AND d.customer_b_id = p.b_id)
      ${afterSql}
    ORDER BY p.a_id, p.b_id
    LIMIT ${options.limit + 1}`;
  const more = rows.length > options.limit;
  const page = more ? rows.slice(0, options.limit) : rows;
  const ids = [...new Set(page.flatMap((r) => [r.a_id, r.b_id]))];
  const customers = ids.length
    ? await tx.customer.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          name: true,
          phone: true,
          altPhones: true,
          email: true,
          address: true,
          visitCount: true,
          lastVisitAt: true,
          createdAt: true,
        },
      })
    : [];
  const byId = new Map(customers.map((c) => [c.id, c]));
  const items: DuplicatePair[] = [];
  for (const row of page) {
    const a = byId.get(row.a_id);
    const b = byId.get(row.b_id);
    if (!a || !b) continue;
    const match = matchCustomers(a, b);
    if (match) items.push({ ...match, a, b });
  }
  const last = page.at(-1);
  return { items, nextCursor: more && last ? encodePairCursor(last.a_id, last.b_id) : null };
}

/** The pair as stored in customer_duplicate_dismissals: lower id first. */
export const orderedPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/** Staff say two customers are not the same person: the finder stops offering the pair. */
export async function dismissDuplicate(
  tx: TenantTx,
  tenantId: string,
  args: { customerId: string; otherId: string; userId: string | null },
): Promise<void> {
  if (args.customerId === args.otherId) throw new AppError("BAD_REQUEST", "Choose two different customers.");
  const found = await tx.customer.count({ where: { id: { in: [args.customerId, args.otherId] } } });
  if (found !== 2)
    throw new AppError(
      "NOT_FOUND",
      "One of these customers doesn't exist (or belongs to another business). Reload the page.",
    );
  const [a, b] = orderedPair(args.customerId, args.otherId);
  await tx.$executeRaw`
    INSERT INTO customer_duplicate_dismissals (tenant_id, customer_a_id, customer_b_id, dismissed_by_user_id)
    VALUES (${tenantId}, ${a}::uuid, ${b}::uuid, ${args.userId}::uuid)
    ON CONFLICT DO NOTHING`;
}
