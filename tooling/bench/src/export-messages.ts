// The data export's figure (issue 16): a business with 1,000,000 texts exported to its ZIP while
// this process's resident memory is sampled. The archive streams page by page (packages/data-export),
// so memory must stay flat: PASS when the peak RSS during the export is under 2× the idle RSS
// measured just before it. Rows per second (every row of every file) are printed alongside.
//
// Alone: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tooling/bench/src/export-messages.ts
// (BENCH_EXPORT_MESSAGES=100000 for a quick try).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeExportArchive } from "@servicepro/data-export";
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import { asOwner } from "./seed.ts";

const MESSAGES = Number(process.env.BENCH_EXPORT_MESSAGES ?? 1_000_000);
const SAMPLE_MS = 50;

export type ExportMessagesFigure = { pass: boolean; lines: string[] };

/** A business with one customer whose thread holds `count` texts of about 100 characters each. */
async function seed(db: TestDatabase, tenantId: string, count: number): Promise<void> {
  await asOwner(db, async (client) => {
    await client.query(
      `INSERT INTO tenants (id, name, slug, plan_tier, status, updated_at) VALUES ($1, 'Bench Export', $1, 'starter', 'active', now())`,
      [tenantId],
    );
    const [customer] = (
      await client.query<{ id: string }>(
        `INSERT INTO customers (tenant_id, id, phone, name, source, updated_at)
         VALUES ($1, gen_random_uuid(), '+15125550111', 'Export Bench', 'staff', now()) RETURNING id`,
        [tenantId],
      )
    ).rows;
    const [conversation] = (
      await client.query<{ id: string }>(
        `INSERT INTO conversations (tenant_id, id, customer_id, tenant_number)
         VALUES ($1, gen_random_uuid(), $2, '+15125550199') RETURNING id`,
        [tenantId, customer!.id],
      )
    ).rows;
    // In slices, so one statement's WAL and memory stay modest.
    const slice = 200_000;
    for (let from = 0; from < count; from += slice) {
      await client.query(
        `INSERT INTO messages (tenant_id, id, conversation_id, direction, body, from_number, to_number, kind, status, created_at, updated_at)
         SELECT $1, gen_random_uuid(), $2, CASE WHEN n % 2 = 0 THEN 'inbound' ELSE 'outbound' END::message_direction,
                'Text ' || n || ': is Saturday morning still open for a full detail, "inside and out", please? ' || md5(n::text),
                '+15125550111', '+15125550199', 'inbound', 'received'::message_status,
                now() - (n || ' seconds')::interval, now()
           FROM generate_series($3::int, $4::int) AS n`,
        [tenantId, conversation!.id, from + 1, Math.min(count, from + slice)],
      );
    }
    await client.query("ANALYZE messages");
  });
}

export async function exportMessagesFigure(db: TestDatabase): Promise<ExportMessagesFigure> {
  const suffix = randomBytes(3).toString("hex");
  const tenantId = `bench-export-${suffix}`;
  const warmUpId = `bench-export-warm-${suffix}`;
  await seed(db, tenantId, MESSAGES);
  await seed(db, warmUpId, 5_000);
  const dir = await mkdtemp(path.join(tmpdir(), "bench-export-"));
  try {
    // A small export first: the process has loaded and compiled what an export runs (as a worker
    // that has exported before has), so "idle" is the worker at rest, not a cold process.
    await writeExportArchive(db, warmUpId, path.join(dir, "warm-up.zip"), {
      exportId: "00000000-0000-4000-8000-00000000e0e1",
      now: new Date(),
    });
    // Idle: after a collection when exposed (node --expose-gc), the highest of a second's samples.
    (globalThis as { gc?: () => void }).gc?.();
    let idle = 0;
    for (let i = 0; i < 20; i++) {
      idle = Math.max(idle, process.memoryUsage.rss());
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
    const idleHeap = process.memoryUsage().heapTotal;
    let peak = idle;
    const parts = { heapTotal: 0, external: 0, arrayBuffers: 0 };
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      if (usage.rss > peak) {
        peak = usage.rss;
        Object.assign(parts, {
          heapTotal: usage.heapTotal,
          external: usage.external,
          arrayBuffers: usage.arrayBuffers,
        });
      }
    }, SAMPLE_MS);
    const started = performance.now();
    let result: Awaited<ReturnType<typeof writeExportArchive>>;
    try {
      result = await writeExportArchive(db, tenantId, path.join(dir, "export.zip"), {
        exportId: "00000000-0000-4000-8000-00000000e0e0",
        now: new Date(),
      });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage.rss());
    const seconds = (performance.now() - started) / 1000;
    const messages = result.manifest.files.find((f) => f.path === "messages.csv")?.rows ?? 0;
    const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
    const ratio = peak / idle;
    const pass = messages === MESSAGES && ratio < 2;
    return {
      pass,
      lines: [
        `Data export: ${messages.toLocaleString("en-US")} messages (CSV + JSON Lines) in ${seconds.toFixed(1)} s, ` +
          `${Math.round(result.rows / seconds).toLocaleString("en-US")} rows/s, archive ${mb(result.bytes)}`,
        `Data export memory: idle RSS ${mb(idle)}, peak ${mb(peak)} (${ratio.toFixed(2)}× idle; goal < 2×) ${pass ? "PASS" : "FAIL"}` +
          ` [V8 heap ${mb(idleHeap)} idle, ${mb(parts.heapTotal)} at the peak; external ${mb(parts.external)}]`,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const db = await createTestDatabase("postgres");
  try {
    const figure = await exportMessagesFigure(db);
    process.stdout.write(`${figure.lines.join("\n")}\n`);
    process.exitCode = figure.pass ? 0 : 1;
  } finally {
    await db.drop();
  }
}
