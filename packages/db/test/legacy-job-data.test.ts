// Jobs queued by the release before ADR 0013 carried the onboarding link, the owner's name, email
// and phone, and the business's number. The onboarding_notices migration rewrites them in place:
// a waiting onboarding job becomes a notice row and a reference, a finished one (which kept the
// link) is deleted, a waiting number set-up drops the number. PostgreSQL only: the migration's block
// is run again here as the owner, on a database whose queue already holds such jobs.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_QUEUE_SCHEMA, JOB_QUEUES, platformDb } from "../src/index.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing.ts";

const MIGRATION = new URL(
  "../../../prisma/migrations/20261202160300_onboarding_notices/migration.sql",
  import.meta.url,
);

describe.skipIf(!process.env.TEST_DATABASE_URL)("job data queued before ADR 0013", () => {
  let db: TestDatabase;
  let owner: pg.Client;
  let boss: PgBoss;
  const userId = randomUUID();
  const legacy = (channel: string) => ({
    tenantId: "legacy-co",
    businessName: "Legacy Lawns",
    ownerName: "Rosa Legacy",
    email: "Rosa@Legacy.example",
    phone: "+15125550190",
    link: "https://app.example.test/app/welcome?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    expiresAt: "2026-12-05T00:00:00.000Z",
    channel,
  });

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    owner = new pg.Client({ connectionString: db.url });
    await owner.connect();
    await platformDb(db, { actorUserId: null, purpose: "test" }).run(async (tx) => {
      await tx.tenant.create({ data: { id: "legacy-co", name: "Legacy Lawns", slug: "legacy-co" } });
      await tx.user.create({
        data: { id: userId, email: "rosa@legacy.example", name: "Rosa Legacy", passwordHash: "!" },
      });
    });
    boss = new PgBoss({ db: db.jobQueue, schema: JOB_QUEUE_SCHEMA, migrate: false, supervise: false, schedule: false });
    boss.on("error", () => undefined);
    await boss.start();
    await boss.send(JOB_QUEUES.onboardingNotice.name, legacy("sms"));
    await boss.send(JOB_QUEUES.onboardingNotice.name, legacy("email"));
    const done = await boss.send(JOB_QUEUES.onboardingNotice.name, legacy("email"));
    await owner.query(`UPDATE pgboss.job SET state = 'completed', completed_on = now() WHERE id = $1`, [done]);
    await boss.send(JOB_QUEUES.numberSetup.name, { tenantId: "legacy-co", phoneNumber: "+15125550191" });

    const sql = await readFile(MIGRATION, "utf8");
    await owner.query(sql.slice(sql.indexOf("DO $$")));
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: false });
    await owner?.end();
    await db?.drop();
  });

  it("should leave no link, name, email or number in the queue, and waiting notices pointing at new rows", async () => {
    const { rows } = await owner.query<{ name: string; state: string; data: Record<string, string> }>(
      `SELECT name, state::text AS state, data FROM pgboss.job ORDER BY name, data->>'channel'`,
    );
    expect(JSON.stringify(rows)).not.toMatch(/token=|Rosa|Legacy Lawns|legacy\.example|\+151255501/i);
    const notices = rows.filter((r) => r.name === JOB_QUEUES.onboardingNotice.name);
    expect(notices.map((r) => [r.state, r.data.channel])).toEqual([
      ["created", "email"],
      ["created", "sms"],
    ]);
    for (const job of notices) JOB_QUEUES.onboardingNotice.data.parse(job.data);
    const { rows: stored } = await owner.query(
      `SELECT id::text, user_id::text, target_tenant_id, channel, sent_at FROM onboarding_notices ORDER BY channel`,
    );
    expect(stored).toEqual(
      notices.map((job) => ({
        id: job.data.noticeId,
        user_id: userId,
        target_tenant_id: "legacy-co",
        channel: job.data.channel,
        sent_at: null,
      })),
    );
    expect(rows.filter((r) => r.name === JOB_QUEUES.numberSetup.name).map((r) => r.data)).toEqual([
      { tenantId: "legacy-co" },
    ]);
  });
});
