// The list pattern's promise (issue 12 §3), checked in the plans PostgreSQL makes: at 50,000
// conversations and customers in one business, the inbox and the customer list read a page by
// seeking in their keyset index, first page and deep page alike, and look up each page row's
// related rows by key. No Seq Scan, no Sort, and the index hands over only the page's rows.
//
// PostgreSQL only: PGlite is a single embedded backend whose planner sees other statistics, and
// these plans are what production runs (set TEST_DATABASE_URL to run it).
import { type Prisma, TENANT_SETTING } from "@servicepro/db";
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import { customersListInput } from "@servicepro/validators";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerListQuery, encodeCustomerCursor } from "../src/routers/tenant/customers.ts";
import { conversationOrder, conversationPageQuery } from "../src/routers/tenant/inbox.ts";
import { callerFor, createTenant, signedInUser } from "./telephony-fixtures.ts";

const ROWS = 50_000;
const TENANT = "plans-big";
const PAGE = 50;

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  `list plans at ${ROWS.toLocaleString("en-US")} rows (PostgreSQL only: PGlite's planner is not production's)`,
  () => {
    let db: TestDatabase;
    let owner: pg.Client;

    beforeAll(async () => {
      db = await createTestDatabase("postgres");
      await createTenant(db, TENANT);
      await createTenant(db, "plans-other");
      // As the database's owner: one INSERT … SELECT per table (RLS does not apply to the owner here,
      // and the app role may not ANALYZE).
      owner = new pg.Client({ connectionString: db.url });
      await owner.connect();
      for (const [tenant, rows] of [
        [TENANT, ROWS],
        ["plans-other", 500],
      ] as const) {
        await owner.query(
          `INSERT INTO customers (tenant_id, id, phone, name, sort_name, search_text, updated_at)
           SELECT $1, gen_random_uuid(), '+1512' || lpad(g::text, 7, '0'), 'Customer ' || (g % 5000),
                  'customer ' || (g % 5000), 'customer ' || (g % 5000) || ' 1512' || lpad(g::text, 7, '0'), now()
           FROM generate_series(1, $2::int) AS g`,
          [tenant, rows],
        );
        // Three conversations share each minute, so the id breaks ties on every page.
        await owner.query(
          `INSERT INTO conversations (tenant_id, id, customer_id, tenant_number, last_message_at, last_message_preview,
                                      last_direction, unread_count)
           SELECT c.tenant_id, gen_random_uuid(), c.id, '+15555550100',
                  now() - make_interval(mins => (row_number() OVER (ORDER BY c.phone))::int / 3), 'Hi there', 'inbound', 0
           FROM customers c WHERE c.tenant_id = $1`,
          [tenant],
        );
      }
      // Every conversation has its text; one number in ten opted out; one conversation in 500 has a
      // text waiting for an opt-out review.
      await owner.query(
        `INSERT INTO messages (tenant_id, id, conversation_id, direction, body, from_number, to_number, kind, status,
                               created_at, updated_at)
         SELECT tenant_id, gen_random_uuid(), id, 'inbound', 'Hi there', '+15120000000', tenant_number, 'inbound',
                'received', last_message_at, now()
         FROM conversations WHERE tenant_id = $1`,
        [TENANT],
      );
      await owner.query(
        `INSERT INTO sms_consents (tenant_id, phone, state, source)
         SELECT $1, '+1512' || lpad(g::text, 7, '0'), 'opted_out', 'keyword' FROM generate_series(1, $2::int, 10) AS g`,
        [TENANT, ROWS],
      );
      await owner.query(
        `INSERT INTO messages (tenant_id, id, conversation_id, direction, body, from_number, to_number, kind, status,
                               consent_review, updated_at)
         SELECT v.tenant_id, gen_random_uuid(), v.id, 'inbound', 'enough', '+15120000000', v.tenant_number, 'inbound',
                'received', 'pending', now()
         FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM conversations WHERE tenant_id = $1) v
         WHERE v.n % 500 = 0`,
        [TENANT],
      );
      await owner.query("ANALYZE customers; ANALYZE conversations; ANALYZE sms_consents; ANALYZE messages");
    }, 180_000);

    afterAll(async () => {
      await owner?.end();
      await db?.drop();
    });

    /**
     * The plan of `query` as the app role under the tenant's RLS, executed (ANALYZE) so row counts are
     * real. tenantDb().query keeps its statements prepared, so PostgreSQL may settle on a generic plan
     * (made without the parameters' values): both kinds must seek. PostgreSQL 15 has no
     * EXPLAIN (GENERIC_PLAN), so the generic one is a PREPAREd statement EXECUTEd with plan_cache_mode
     * forcing it (its arguments as literals: EXECUTE takes no parameters).
     */
    const planOf = async (query: Prisma.Sql, kind: "custom" | "generic") => {
      const explain = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)";
      const rows = await db.sql.transaction(
        async (sql) => {
          if (kind === "custom") return sql.query<{ "QUERY PLAN": string }>(`${explain} ${query.text}`, query.values);
          await sql.query(`PREPARE list_page AS ${query.text}`);
          const args = query.values.map(literal).join(", ");
          const plan = await sql.query<{ "QUERY PLAN": string }>(`${explain} EXECUTE list_page(${args})`);
          await sql.query("DEALLOCATE list_page");
          return plan;
        },
        { [TENANT_SETTING]: TENANT, plan_cache_mode: `force_${kind}_plan` },
      );
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    };
    const literal = (value: unknown) =>
      typeof value === "number"
        ? String(value)
        : `'${(value instanceof Date ? value.toISOString() : String(value)).replaceAll("'", "''")}'`;
    const PLAN_KINDS = ["custom", "generic"] as const;

    /** The actual rows of the scan on `index`: what the seek handed over. */
    const rowsFrom = (plan: string, index: string) => {
      const match = new RegExp(`Index (?:Only )?Scan using ${index} on \\w+[^\\n]*actual rows=(\\d+)`).exec(plan);
      expect(match, `${index} is scanned:\n${plan}`).not.toBeNull();
      return Number(match![1]);
    };

    it("should seek the inbox's keyset index for the first and a deep page, with related rows by key", async () => {
      const deep = await owner.query<{ last_message_at: Date; id: string }>(
        `SELECT last_message_at, id FROM conversations WHERE tenant_id = $1
         ORDER BY last_message_at DESC, id DESC OFFSET $2 LIMIT 1`,
        [TENANT, ROWS - PAGE - 10],
      );
      const deepKeys: [Date, string] = [deep.rows[0]!.last_message_at, deep.rows[0]!.id];
      for (const [after, mode] of [null, deepKeys].flatMap((keys) => PLAN_KINDS.map((m) => [keys, m] as const))) {
        const plan = await planOf(conversationPageQuery(TENANT, after, PAGE + 1), mode);
        expect(plan).not.toMatch(/Seq Scan/);
        expect(plan, "rows come in index order: nothing to sort").not.toMatch(/\bSort\b/);
        expect(plan).not.toMatch(/Rows Removed by Filter/);
        expect(rowsFrom(plan, "conversations_tenant_id_last_message_at_id_idx")).toBeLessThanOrEqual(PAGE + 1);
        expect(rowsFrom(plan, "customers_pkey")).toBe(1);
        expect(plan).toMatch(/Index Scan using sms_consents_pkey on sms_consents/);
        expect(plan).toMatch(/Index (Only )?Scan using messages_pending_review_conversation_idx on messages/);
        if (after) expect(plan, plan).toMatch(/Index Cond: .*ROW\(last_message_at, id\) < ROW\(/);
      }
      // The deep page is the 60 rows' first 50 after that cursor, through the procedure.
      const api = callerFor(db, (await signedInUser(db, { tenantId: TENANT })).token);
      const page = await api.tenant.inbox.conversations({ limit: PAGE, cursor: conversationOrder.encode(deepKeys) });
      expect(page.items).toHaveLength(PAGE);
      expect(page.nextCursor).not.toBeNull();
      const last = await api.tenant.inbox.conversations({ limit: PAGE, cursor: page.nextCursor! });
      expect(last.items).toHaveLength(9);
      expect(last.nextCursor).toBeNull();
      expect(page.items.filter((c) => c.optedOutAt !== null).length).toBeGreaterThan(0);
    });

    it("should seek the customer list's keyset index for the first and a deep page", async () => {
      const deep = await owner.query<{ sort_name: string; id: string }>(
        `SELECT sort_name, id FROM customers WHERE tenant_id = $1 ORDER BY sort_name DESC, id DESC OFFSET 60 LIMIT 1`,
        [TENANT],
      );
      const deepInput = customersListInput.parse({
        cursor: encodeCustomerCursor(deep.rows[0]!.sort_name, deep.rows[0]!.id),
      });
      const inputs = [customersListInput.parse({}), deepInput];
      for (const [input, mode] of inputs.flatMap((i) => PLAN_KINDS.map((m) => [i, m] as const))) {
        const plan = await planOf(customerListQuery(TENANT, input, new Date()), mode);
        expect(plan).not.toMatch(/Seq Scan/);
        expect(plan, "rows come in index order: nothing to sort").not.toMatch(/\bSort\b/);
        expect(plan).not.toMatch(/Rows Removed by Filter/);
        expect(rowsFrom(plan, "customers_tenant_id_sort_name_id_idx")).toBeLessThanOrEqual(PAGE + 1);
        expect(plan).toMatch(/Index Scan using sms_consents_pkey on sms_consents/);
        if (input.cursor) expect(plan).toMatch(/Index Cond: .*ROW\(sort_name, id\) > ROW\(/);
      }
    });
  },
);
