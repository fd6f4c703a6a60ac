// Exactly-once delivery across a crash (R3, M5): 40 texts are queued, a delivery worker process
// is SIGKILLed mid-batch (one of its sends also loses Twilio's answer), a new worker process is
// started, and every text must reach the fake Twilio exactly once. PostgreSQL only: two
// processes share the database.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { JOB_QUEUES, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { type Messaging, startMessaging } from "@servicepro/messaging";
import { createDevSender } from "@servicepro/sms";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, type FakeTwilio, settledJobs, startFakeTwilio } from "@servicepro/testkit";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../src/env.ts";
import { prepareAccounts } from "../src/startup.ts";
import { OWNER } from "./harness.ts";

const WORKER = fileURLToPath(new URL("../src/worker.ts", import.meta.url));
const COUNT = 40;

describe.skipIf(!testEngines().includes("postgres"))("SMS delivery across a worker crash", () => {
  let db: TestDatabase;
  let fake: FakeTwilio;
  let producer: Messaging;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    fake = await startFakeTwilio();
    const logger = pino({ level: "silent" });
    await prepareAccounts({
      db,
      env: loadEnv({
        OWNER_EMAIL: OWNER.email,
        OWNER_PASSWORD: OWNER.password,
        SEED_DEMO_DATA: "true",
        DEMO_TENANT_ADMIN_PASSWORD: "demo-password-for-tests",
      }),
      logger,
    });
    // This process only queues; delivery happens in the worker processes.
    producer = await startMessaging({
      db,
      sender: createDevSender(logger),
      logger,
      publicBaseUrl: "http://localhost:3000",
      unroutedPolicy: "fallback-to-root",
      runWorker: false,
    });
    // Jobs held by a dead worker are retried after 3 s instead of a minute, to keep the test short.
    await producer.boss.updateQueue(JOB_QUEUES.smsSend.name, { expireInSeconds: 3 });
  });
  afterAll(async () => {
    for (const w of workers) w.kill("SIGKILL");
    await producer?.stop();
    await fake?.close();
    await db?.drop();
  });

  const startWorker = () => {
    const child = spawn(process.execPath, [WORKER], {
      env: {
        ...process.env,
        DATABASE_URL: db.url!,
        TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
        TWILIO_API_BASE_URL: fake.baseUrl,
        PUBLIC_BASE_URL: "http://localhost:3000",
        JOB_SUPERVISE_INTERVAL_SECONDS: "1",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    workers.push(child);
    return { child, output: () => output };
  };

  it("should send every queued text exactly once", async () => {
    const bodies = Array.from({ length: COUNT }, (_, i) => `Crash test message ${i + 1}`);
    await tenantDb(db, "root").run(async (tx) => {
      await tx.customer.create({ data: { tenantId: "root", phone: "+15555550400" } });
      const customer = await tx.customer.findFirstOrThrow({ where: { phone: "+15555550400" } });
      const conversation = await tx.conversation.create({
        data: { tenantId: "root", customerId: customer.id, tenantNumber: "+15555550100" },
      });
      for (const [i, body] of bodies.entries()) {
        const r = await producer.outbox.queueSms(tx, {
          conversationId: conversation.id,
          body,
          kind: "staff_reply",
          purposeKey: `crash-test:${i}`,
        });
        expect(r.status).toBe("queued");
      }
    });
    // Slow sends so the kill lands mid-batch, and one send whose answer is lost after Twilio created it.
    fake.failNext(
      ...Array.from({ length: 8 }, () => ({ kind: "delay" as const, ms: 60 })),
      { kind: "drop_after_create" },
      ...Array.from({ length: 40 }, () => ({ kind: "delay" as const, ms: 60 })),
    );

    const first = startWorker();
    for (let i = 0; i < 300 && fake.messages.length < 12; i++) await new Promise((r) => setTimeout(r, 50));
    expect(fake.messages.length, first.output()).toBeGreaterThanOrEqual(12);
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    const sentBeforeCrash = fake.messages.length;
    expect(sentBeforeCrash).toBeLessThan(COUNT);

    const second = startWorker();
    const done = async () => {
      const rows = await tenantDb(db, "root").run((tx) =>
        tx.message.findMany({
          where: { purposeKey: { startsWith: "crash-test:" } },
          select: { status: true, twilioSid: true },
        }),
      );
      return rows.every((r) => r.twilioSid && !["pending", "submitting", "unknown"].includes(r.status));
    };
    for (let i = 0; i < 600 && !(await done()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await done(), second.output()).toBe(true);
    // Nothing more may trickle in: every job has finished, including those the dead worker held
    // (expired after 3 s and retried, which must reconcile with Twilio instead of sending again).
    const jobs = await settledJobs(db.jobQueue, { queue: JOB_QUEUES.smsSend.name, atLeast: COUNT, timeoutMs: 60_000 });
    expect(
      jobs.filter((j) => j.state !== "completed"),
      second.output(),
    ).toEqual([]);

    const perBody = new Map<string, number>();
    for (const m of fake.messages) perBody.set(m.body, (perBody.get(m.body) ?? 0) + 1);
    expect([...perBody.keys()].sort()).toEqual([...bodies].sort());
    expect([...perBody.values()].every((n) => n === 1)).toBe(true);
    // Every row carries the SID Twilio gave its one message.
    const rows = await tenantDb(db, "root").run((tx) =>
      tx.message.findMany({ where: { purposeKey: { startsWith: "crash-test:" } } }),
    );
    const sidByBody = new Map(fake.messages.map((m) => [m.body, m.sid]));
    for (const row of rows) expect(row.twilioSid).toBe(sidByBody.get(row.body));
    second.child.kill("SIGTERM");
  }, 120_000);
});
