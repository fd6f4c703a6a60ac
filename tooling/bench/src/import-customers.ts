// The import figure (issue 16): importing 1,000,000 customer rows with deduplication, against a raw
// `COPY` of the same file into an unindexed scratch table. The file is written to disk first
// (streamed, never held in memory): a Jobber-like layout where about 20 % of the rows repeat an
// earlier customer by phone (in another format) or by email (in another case). The import is the
// real one (packages/imports runImport: csv-parse stream, normalisation, set-based batches with
// dedup, idempotency keys and the checkpoint), run in this process, whose peak RSS is compared with
// its RSS just before the import. Goals: rows/s ≥ 0.2× COPY's (stretch 0.5×); peak RSS < 2× idle.
//
// Run alone: BENCH_IMPORT_ROWS=100000 TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tooling/bench/src/import-customers.ts
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import { createImport, filePathOf, queueImport, runImport } from "@servicepro/imports";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { asOwner } from "./seed.ts";

export const IMPORT_GOAL = { goal: 0.2, stretch: 0.5 } as const;
export const IMPORT_RSS_GOAL = 2;
const TENANT = "bench-import";
const HEADER = "Client ID,Display Name,Mobile Phone,E-mail,Billing Street 1,Tags";

/** Writes `rows` customer rows to `file`; every fifth row repeats an earlier customer (by phone or by email). */
async function writeCustomers(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  async function* lines() {
    yield `${HEADER}\n`;
    let chunk = "";
    for (let i = 1; i <= rows; i++) {
      const dup = i % 5 === 0 && i > 10;
      const n = dup ? Math.floor(i / 2) : i;
      const phone = String(2_000_000 + n).padStart(7, "0");
      const shown = dup && i % 10 === 0 ? `(512) ${phone.slice(0, 3)}-${phone.slice(3)}` : `+1512${phone}`;
      const email = dup && i % 10 === 5 ? `Customer${n}@Example.com` : `customer${n}@example.com`;
      // A duplicate by email has another phone; one by phone has no email.
      const row = dup
        ? i % 10 === 0
          ? `X${i},Customer ${n},${shown},,${n} Main St,returning`
          : `X${i},Customer ${n},+1737${String(3_000_000 + i).slice(-7)},${email},,`
        : `X${i},Customer ${n},${shown},${email},${n} Main St,${i % 3 === 0 ? "vip" : ""}`;
      chunk += `${row}\n`;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(lines, out);
}

/** COPY of the file into an unindexed scratch table (text columns), as the app's database owner. */
async function rawCopy(db: TestDatabase, file: string): Promise<number> {
  return asOwner(db, async (client: pg.Client) => {
    await client.query(
      "DROP TABLE IF EXISTS bench_import_scratch; CREATE UNLOGGED TABLE bench_import_scratch (id text, name text, phone text, email text, street text, tags text)",
    );
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(copyFrom("COPY bench_import_scratch FROM STDIN WITH (FORMAT csv, HEADER true)")),
    );
    const ms = performance.now() - started;
    await client.query("DROP TABLE bench_import_scratch");
    return ms;
  });
}

export async function importCustomersFigure(
  db: TestDatabase,
  options: { rows?: number } = {},
): Promise<{ lines: string[] }> {
  const rows = options.rows ?? Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const filesDir = await mkdtemp(path.join(tmpdir(), "bench-import-"));
  try {
    await asOwner(db, (client) =>
      client.query(
        `INSERT INTO tenants (id, name, slug, plan_tier, status, updated_at) VALUES ($1, 'Bench Import', $1, 'pro', 'active', now())
         ON CONFLICT DO NOTHING`,
        [TENANT],
      ),
    );
    const tenant = tenantDb(db, TENANT);
    const record = await tenant.run((tx) =>
      createImport(tx, TENANT, { kind: "customers", preset: "jobber", fileName: "clients.csv" }, null),
    );
    const relative = filePathOf(TENANT, record.id);
    const file = path.join(filesDir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeCustomers(file, rows);
    const size = (await stat(file)).size;
    await tenant.run((tx) =>
      tx.dataImport.update({
        where: { tenantId_id: { tenantId: TENANT, id: record.id } },
        data: { filePath: relative, fileSize: size, status: "uploaded" },
      }),
    );

    const copyMs = await rawCopy(db, file);

    await tenant.run((tx) => queueImport(tx, record.id));
    globalThis.gc?.();
    const idle = process.memoryUsage().rss;
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    const result = await runImport({ db, filesDir }, TENANT, record.id, {});
    const importMs = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (result.outcome !== "completed") throw new Error(`the import failed: ${result.error}`);

    const copyRate = rows / (copyMs / 1000);
    const importRate = rows / (importMs / 1000);
    const ratio = importRate / copyRate;
    const rss = peak / idle;
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
    return {
      lines: [
        `Import of ${rows.toLocaleString("en-US")} customer rows (${mb(size)}, ~20% duplicates by phone or email): ` +
          `${Math.round(importRate).toLocaleString("en-US")} rows/s (${(importMs / 1000).toFixed(1)} s; created ${result.totals.created.toLocaleString("en-US")}, merged ${result.totals.merged.toLocaleString("en-US")}); ` +
          `raw COPY ${Math.round(copyRate).toLocaleString("en-US")} rows/s (${(copyMs / 1000).toFixed(1)} s)`,
        `${verdict(ratio >= IMPORT_GOAL.goal)}${ratio >= IMPORT_GOAL.stretch ? " (stretch met)" : ""}: import rows/s ${ratio.toFixed(3)}× raw COPY's (goal ≥ ${IMPORT_GOAL.goal}×, stretch ≥ ${IMPORT_GOAL.stretch}×)`,
        `${verdict(rss < IMPORT_RSS_GOAL)}: import peak RSS ${mb(peak)} = ${rss.toFixed(2)}× idle ${mb(idle)} (goal < ${IMPORT_RSS_GOAL}×)`,
      ],
    };
  } finally {
    await rm(filesDir, { recursive: true, force: true });
  }
}

// Run alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await createTestDatabase("postgres");
  try {
    process.stdout.write(`${(await importCustomersFigure(db)).lines.join("\n")}\n`);
  } finally {
    await db.drop();
  }
}
