// The campaign expansion figure (issue 15): writing a 100,000-recipient campaign into its outbox
// (expandCampaign: the audience condition with its consent checks, the sender chosen per customer)
// against a raw `INSERT … SELECT` of the same rows into the same table (same indexes, foreign keys
// and row-level security; only a constant sender and no audience condition). Both run as the app
// role in the business's transaction, alternately, each round on a fresh campaign; the ratio is
// ours / raw, median of the rounds. Goal ≤ 3×, stretch ≤ 1.5×.
//
// Run alone: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tooling/bench/src/campaign-expansion.ts
import { expandCampaign } from "@servicepro/campaigns";
import { Prisma, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import { asOwner } from "./seed.ts";

export const EXPANSION_GOAL = { goal: 3, stretch: 1.5 } as const;

const TENANT = "bench-campaigns";
const NUMBERS = ["+15125557001", "+15125557002"];

/** A business with `rows` customers who agreed to offers; half have talked to it (a thread on one of its two numbers), 1 % opted out. */
export async function campaignAudience(db: TestDatabase, rows: number): Promise<void> {
  await asOwner(db, async (client) => {
    await client.query(
      `INSERT INTO tenants (id, name, slug, plan_tier, status, updated_at) VALUES ($1, 'Bench Campaigns', $1, 'pro', 'active', now())`,
      [TENANT],
    );
    for (const number of NUMBERS)
      await client.query(
        `INSERT INTO tenant_phone_configs (phone_number, tenant_id, label, updated_at) VALUES ($1, $2, 'Main', now())`,
        [number, TENANT],
      );
    await client.query(
      `INSERT INTO customers (tenant_id, id, phone, name, sort_name, search_text, source, last_visit_at, updated_at)
       SELECT $1, gen_random_uuid(), '+1888' || lpad(n::text, 7, '0'), 'Customer ' || n, 'customer ' || n, '', 'import',
              now() - make_interval(days => n % 400), now()
         FROM generate_series(1, $2::int) AS n`,
      [TENANT, rows],
    );
    await client.query(
      `INSERT INTO marketing_consents (tenant_id, phone, state, source)
       SELECT tenant_id, phone, 'opted_in', 'import' FROM customers WHERE tenant_id = $1`,
      [TENANT],
    );
    await client.query(
      `INSERT INTO sms_consents (tenant_id, phone, state, source, updated_at)
       SELECT tenant_id, phone, 'opted_out', 'keyword', now() FROM customers
        WHERE tenant_id = $1 AND substr(phone, 6)::int % 100 = 0`,
      [TENANT],
    );
    await client.query(
      `INSERT INTO conversations (tenant_id, id, customer_id, tenant_number, last_message_at, last_direction)
       SELECT tenant_id, gen_random_uuid(), id, ($2::text[])[1 + substr(phone, 6)::int % 2], now(), 'inbound'
         FROM customers WHERE tenant_id = $1 AND substr(phone, 6)::int % 2 = 0`,
      [TENANT, NUMBERS],
    );
    await client.query("ANALYZE customers; ANALYZE marketing_consents; ANALYZE sms_consents; ANALYZE conversations");
  });
}

/** Prisma's interactive transactions end after 5 s by default; a 100,000-row write may take longer on a loaded machine. */
const LONG = { timeout: 120_000 };

const newCampaign = (db: TestDatabase) =>
  tenantDb(db, TENANT).run((tx) =>
    tx.campaign.create({ data: { tenantId: TENANT, name: "Bench", body: "Hi {first_name}!", status: "sending" } }),
  );

async function timed(fn: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const rows = await fn();
  return { ms: performance.now() - started, rows };
}

/** Ours: expandCampaign over the whole list (the largest audience), in the business's transaction. */
const expandOurs = (db: TestDatabase, campaignId: string) =>
  timed(() =>
    tenantDb(db, TENANT).run(async (tx) => {
      const { recipients } = await expandCampaign(tx, TENANT, campaignId, {}, { now: new Date(), tiers: [] });
      return recipients;
    }, LONG),
  );

/** Raw: the same rows into the same table, with a constant sender and no audience condition. */
const expandRaw = (db: TestDatabase, campaignId: string) =>
  timed(() =>
    tenantDb(db, TENANT).run(
      (tx) =>
        tx.$executeRaw(Prisma.sql`
        INSERT INTO campaign_sends (tenant_id, campaign_id, customer_id, phone, sender_key, from_number)
        SELECT c.tenant_id, ${campaignId}::uuid, c.id, c.phone, ${NUMBERS[0]}, ${NUMBERS[0]}
          FROM customers c WHERE c.tenant_id = ${TENANT}`),
      LONG,
    ),
  );

/** Deletes a round's rows (untimed) so every round writes into the same table state. */
const clear = (db: TestDatabase, ids: string[]) =>
  asOwner(db, async (client) => {
    await client.query("DELETE FROM campaign_sends WHERE tenant_id = $1 AND campaign_id = ANY($2::uuid[])", [
      TENANT,
      ids,
    ]);
    await client.query("DELETE FROM campaigns WHERE tenant_id = $1 AND id = ANY($2::uuid[])", [TENANT, ids]);
    await client.query("VACUUM ANALYZE campaign_sends");
  });

export type ExpansionResult = {
  rows: number;
  recipients: number;
  oursMs: number[];
  rawMs: number[];
  ratio: number;
  pass: boolean;
  stretchMet: boolean;
  lines: string[];
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Seeds `rows` customers, warms up, then `rounds` alternating pairs; returns the median ratio and the verdict. */
export async function campaignExpansionFigure(
  db: TestDatabase,
  { rows = 100_000, rounds = 5 }: { rows?: number; rounds?: number } = {},
): Promise<ExpansionResult> {
  await campaignAudience(db, rows);
  const oursMs: number[] = [];
  const rawMs: number[] = [];
  const ratios: number[] = [];
  let recipients = 0;
  for (let round = -1; round < rounds; round++) {
    const ours = await newCampaign(db);
    const raw = await newCampaign(db);
    // Alternate which goes first, so drift on the shared machine hits both alike.
    let mine: Awaited<ReturnType<typeof timed>>;
    let theirs: Awaited<ReturnType<typeof timed>>;
    if (round % 2 === 0) {
      mine = await expandOurs(db, ours.id);
      theirs = await expandRaw(db, raw.id);
    } else {
      theirs = await expandRaw(db, raw.id);
      mine = await expandOurs(db, ours.id);
    }
    await clear(db, [ours.id, raw.id]);
    if (round < 0) continue; // warm-up: caches, plans, JIT
    recipients = mine.rows;
    oursMs.push(mine.ms);
    rawMs.push(theirs.ms);
    ratios.push(mine.ms / theirs.ms);
  }
  const ratio = median(ratios);
  const pass = ratio <= EXPANSION_GOAL.goal;
  const stretchMet = ratio <= EXPANSION_GOAL.stretch;
  const verdict = pass ? (stretchMet ? "PASS (stretch met)" : "PASS") : "FAIL";
  const lines = [
    `campaign expansion: ${recipients.toLocaleString("en-US")} recipients of ${rows.toLocaleString("en-US")} customers (1 % opted out), ${rounds} rounds`,
    `  expandCampaign: median ${median(oursMs).toFixed(0)} ms [${oursMs.map((ms) => ms.toFixed(0)).join(", ")}]`,
    `  raw INSERT … SELECT: median ${median(rawMs).toFixed(0)} ms [${rawMs.map((ms) => ms.toFixed(0)).join(", ")}]`,
    `${verdict}: campaign expansion time ${ratio.toFixed(2)}× [${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}] of a raw INSERT … SELECT (goal ≤ ${EXPANSION_GOAL.goal}×, stretch ≤ ${EXPANSION_GOAL.stretch}×)`,
  ];
  return { rows, recipients, oursMs, rawMs, ratio, pass, stretchMet, lines };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
  const db = await createTestDatabase("postgres");
  try {
    const result = await campaignExpansionFigure(db, {
      rows: Number(process.env.BENCH_CAMPAIGN_ROWS ?? 100_000),
      rounds: Number(process.env.BENCH_ROUNDS ?? 5),
    });
    process.stdout.write(`${result.lines.join("\n")}\n`);
  } finally {
    await db.drop();
  }
}
