// The concierge's side effects, carried out by workers after the set-up transaction commits:
// numbers searched and bought through the real Twilio SDK (against the fake Twilio on 127.0.0.1),
// a retried purchase that finds the number already bought, onboarding links minted at send time and
// sent by email and text (the jobs carry ids only), and the pool of numbers used when Twilio is not
// configured.
import { createHash, randomUUID } from "node:crypto";
import { JOB_QUEUES, platformDb } from "@servicepro/db";
import { createTestDatabase, defaultEngine, type TestDatabase } from "@servicepro/db/testing";
import { type Messaging, startMessaging } from "@servicepro/messaging";
import { createDevEmailSender } from "@servicepro/notifications";
import { sendOnboardingNotice, setUpTwilioNumber } from "@servicepro/provisioning";
import { createTwilioClient, createTwilioSender } from "@servicepro/sms";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, type FakeTwilio, settledJobs, startFakeTwilio } from "@servicepro/testkit";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const logger = pino({ level: "silent" });
const PUBLIC = "https://app.servicepro.test";
const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
/** The token of the one welcome link in a message. */
const linkIn = (message: string) => {
  const found = [...message.matchAll(/\/app\/welcome\?token=([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
  expect(found).toHaveLength(1);
  return found[0]!;
};

async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe("with Twilio configured", () => {
  let db: TestDatabase;
  let fake: FakeTwilio;
  let messaging: Messaging;
  const email = createDevEmailSender(logger);
  const platform = () => platformDb(db, { actorUserId: null, purpose: "test" });

  beforeAll(async () => {
    db = await createTestDatabase(defaultEngine());
    fake = await startFakeTwilio();
    const options = { accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, apiBaseUrl: fake.baseUrl };
    messaging = await startMessaging({
      db,
      sender: createTwilioSender(options),
      twilio: createTwilioClient(options),
      email,
      platformSmsFrom: "+15555550199",
      logger,
      publicBaseUrl: PUBLIC,
      unroutedPolicy: "fallback-to-root",
    });
  });
  afterAll(async () => {
    await messaging?.stop();
    await fake?.close();
    await db?.drop();
  });

  it("should search Twilio's inventory by area code", async () => {
    expect(messaging.numbers.kind).toBe("twilio");
    const found = await messaging.numbers.search({ areaCode: "512" });
    expect(found).toEqual([
      { phoneNumber: "+15125550111", locality: "Austin", region: "TX" },
      { phoneNumber: "+15125550112", locality: "Austin", region: "TX" },
    ]);
  });

  it("should buy a queued number after commit, point its webhooks at us, and queue nothing on rollback", async () => {
    await expect(
      platform().run(async (tx) => {
        await tx.tenant.create({ data: { id: "t0", name: "Rolled Back Co", slug: "t0" } });
        await tx.tenantPhoneConfig.create({ data: { tenantId: "t0", phoneNumber: "+15125550112" } });
        await messaging.provisioning.queueNumberSetup(tx, { tenantId: "t0" });
        throw new Error("set-up failed after queueing");
      }),
    ).rejects.toThrow(/set-up failed/);
    await platform().run(async (tx) => {
      await tx.tenant.create({ data: { id: "t1", name: "Bluebonnet Lawns", slug: "t1" } });
      await tx.tenantPhoneConfig.create({ data: { tenantId: "t1", phoneNumber: "+15125550111" } });
      await messaging.provisioning.queueNumberSetup(tx, { tenantId: "t1" });
    });
    const bought = await eventually(() => {
      expect(fake.incoming).toHaveLength(1);
      return fake.incoming[0]!;
    });
    expect(bought).toMatchObject({
      phoneNumber: "+15125550111",
      voiceUrl: `${PUBLIC}/twilio/voice/incoming`,
      smsUrl: `${PUBLIC}/twilio/sms/incoming`,
      statusCallback: `${PUBLIC}/twilio/voice/status`,
    });
    // Every set-up job has finished: the rolled-back one was never queued, so never bought. The job
    // names the business only; the worker read the number from the business's phone settings.
    const jobs = await settledJobs(db.jobQueue, { queue: JOB_QUEUES.numberSetup.name });
    expect(jobs.map((j) => [j.data, j.state])).toEqual([[{ tenantId: "t1" }, "completed"]]);
    expect(fake.incoming.map((n) => n.phoneNumber)).toEqual(["+15125550111"]);
  });

  it("should find an already bought number on retry instead of buying it twice", async () => {
    const client = createTwilioClient({
      accountSid: FAKE_ACCOUNT_SID,
      authToken: FAKE_AUTH_TOKEN,
      apiBaseUrl: fake.baseUrl,
    });
    expect(await setUpTwilioNumber(client, PUBLIC, "+12145550113")).toBe("bought");
    expect(await setUpTwilioNumber(client, PUBLIC, "+12145550113")).toBe("configured");
    expect(fake.incoming.filter((n) => n.phoneNumber === "+12145550113")).toHaveLength(1);
  });

  it("should send a fresh one-time link by email and by text, with only ids in the queue", async () => {
    const ownerId = randomUUID();
    await platform().run(async (tx) => {
      await tx.tenant.create({
        data: {
          id: "t2",
          name: "Bluebonnet Gardens",
          slug: "t2",
          contactName: "Rosa Diaz",
          contactPhone: "+15125550177",
        },
      });
      await tx.user.create({
        data: { id: ownerId, email: "rosa@bluebonnet.example", name: "Rosa Diaz", passwordHash: "!onboarding-pending" },
      });
      await messaging.provisioning.queueOnboardingNotice(tx, {
        tenantId: "t2",
        userId: ownerId,
        phone: "+15125550177",
      });
    });
    await eventually(() => expect(email.sent).toHaveLength(1));
    expect(email.sent[0]).toMatchObject({
      to: "rosa@bluebonnet.example",
      subject: "Finish setting up Bluebonnet Gardens on ServicePro",
    });
    const emailed = linkIn(email.sent[0]!.text);
    const text = await eventually(() => {
      const m = fake.messages.find((m) => m.to === "+15125550177");
      expect(m).toBeDefined();
      return m!;
    });
    expect(text).toMatchObject({ from: "+15555550199", statusCallback: null });
    expect(text.body).toContain("Hi Rosa, Bluebonnet Gardens is set up");
    const texted = linkIn(text.body);
    // One link per channel, each stored only as its hash, valid 72 hours from when it was sent.
    expect(texted).not.toBe(emailed);
    const jobs = await settledJobs(db.jobQueue, { queue: JOB_QUEUES.onboardingNotice.name, atLeast: 2 });
    expect(jobs.map((j) => j.state)).toEqual(["completed", "completed"]);
    for (const job of jobs) {
      expect(Object.keys(job.data).sort()).toEqual(["channel", "noticeId", "tenantId"]);
      expect(JSON.stringify(job.data)).not.toMatch(/rosa|Rosa|Bluebonnet|5125550177|token/);
    }
    const tokens = await platform().run((tx) => tx.onboardingToken.findMany({ where: { userId: ownerId } }));
    expect(tokens.map((t) => t.id).sort()).toEqual([sha256(emailed), sha256(texted)].sort());
    for (const token of tokens) {
      const hours = (token.expiresAt.getTime() - token.createdAt.getTime()) / 3_600_000;
      expect(hours).toBeCloseTo(72, 1);
    }
    const notices = await platform().run((tx) => tx.onboardingNotice.findMany({ where: { userId: ownerId } }));
    expect(notices.every((n) => n.sentAt !== null)).toBe(true);
  });
});

describe("sending one onboarding notice", () => {
  let db: TestDatabase;
  const platform = () => platformDb(db, { actorUserId: null, purpose: "test" });
  const ownerId = randomUUID();
  const noticeId = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase(defaultEngine());
    await platform().run(async (tx) => {
      await tx.tenant.create({ data: { id: "t3", name: "Retry Lawns", slug: "t3" } });
      await tx.user.create({ data: { id: ownerId, email: "lee@retry.example", name: "Lee Park", passwordHash: "!" } });
      await tx.onboardingNotice.create({ data: { id: noticeId, userId: ownerId, tenantId: "t3", channel: "email" } });
    });
  });
  afterAll(() => db?.drop());

  it("should withdraw the link of a failed send, and send exactly once however often the job is retried", async () => {
    const sent: string[] = [];
    let failNext = true;
    const deps = {
      db,
      twilio: null,
      publicBaseUrl: PUBLIC,
      sms: createTwilioSender({
        accountSid: FAKE_ACCOUNT_SID,
        authToken: FAKE_AUTH_TOKEN,
        apiBaseUrl: "http://127.0.0.1:9",
      }),
      email: {
        kind: "dev" as const,
        async send(message: { text: string }) {
          if (failNext) {
            failNext = false;
            throw new Error("SendGrid answered 503");
          }
          sent.push(message.text);
        },
      },
      platformSmsFrom: null,
      logger,
    };
    const job = { tenantId: "t3", noticeId, channel: "email" as const };
    const tokens = () => platform().run((tx) => tx.onboardingToken.findMany({ where: { userId: ownerId } }));

    await expect(sendOnboardingNotice(deps, job)).rejects.toThrow(/503/);
    expect(await tokens()).toEqual([]);
    expect(await sendOnboardingNotice(deps, job)).toBe("sent");
    expect(await sendOnboardingNotice(deps, job)).toBe("already_sent");
    expect(sent).toHaveLength(1);
    expect((await tokens()).map((t) => t.id)).toEqual([sha256(linkIn(sent[0]!))]);
    // A job naming a notice of another business finds nothing to send.
    expect(await sendOnboardingNotice(deps, { ...job, tenantId: "t9" })).toBe("gone");
  });
});

describe("without Twilio: the number pool", () => {
  let db: TestDatabase;
  let messaging: Messaging;

  beforeAll(async () => {
    db = await createTestDatabase(defaultEngine());
    messaging = await startMessaging({
      db,
      sender: createTwilioSender({
        accountSid: FAKE_ACCOUNT_SID,
        authToken: FAKE_AUTH_TOKEN,
        apiBaseUrl: "http://127.0.0.1:9",
      }),
      numberPool: ["+15555550150", "+15555550151", "+17375550152"],
      logger,
      publicBaseUrl: PUBLIC,
      unroutedPolicy: "fallback-to-root",
      runWorker: false,
    });
  });
  afterAll(async () => {
    await messaging?.stop();
    await db?.drop();
  });

  it("should offer pool numbers nobody has, filtered by area code", async () => {
    expect(messaging.numbers.kind).toBe("pool");
    await platformDb(db, { actorUserId: null, purpose: "test" }).run(async (tx) => {
      await tx.tenant.create({ data: { id: "taken", name: "Taken Co", slug: "taken" } });
      await tx.tenantPhoneConfig.create({
        data: { tenantId: "taken", phoneNumber: "+15555550150" },
      });
    });
    expect((await messaging.numbers.search({})).map((n) => n.phoneNumber)).toEqual(["+15555550151", "+17375550152"]);
    expect((await messaging.numbers.search({ areaCode: "737" })).map((n) => n.phoneNumber)).toEqual(["+17375550152"]);
    expect(JOB_QUEUES.numberSetup.name).toBe("phone-number.setup");
  });
});
