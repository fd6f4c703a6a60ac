// The campaign drain's figure (issue 15): against the fake Twilio, with a simulated clock, the drain
// never exceeds any sender's rate in any one-second window and sustains ≥ 0.95× the sum of the
// senders' rates.
//
// ~3,000 recipients over four senders with different rates (a long code at the carrier default
// 1/s, a long code configured to 2/s, a toll-free number at 3/s, a Messaging Service of two long
// codes at 1 + 1 = 2/s), split in proportion so they all finish together. The real drainCampaign
// runs in its usual chain of budgets against PostgreSQL, delivering through the real Twilio SDK to
// the fake Twilio; only time is simulated (each sleep moves the clock instead of waiting), so the
// figure is the drain's pacing, not the machine's speed. The send instants measured are the
// drain's claims (campaign_sends.claimed_at: the moment a text's slot was taken and its delivery
// began). The real time the run took is printed alongside: it bounds how fast the drain could go.
//
// Alone: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tooling/bench/src/campaign-drain.ts
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { type DrainDeps, drainCampaign, maxInWindow, type SenderNumber, senderRate } from "@servicepro/campaigns";
import { type Database, platformDb, tenantDb } from "@servicepro/db";
import { createTestDatabase } from "@servicepro/db/testing";
import { createMessagingEvents, createTwilioSender } from "@servicepro/sms";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startFakeTwilio } from "@servicepro/testkit";

export type CampaignDrainFigure = {
  /** The fullest one-second window of any sender, over its rate (goal ≤ 1). */
  maxPerWindowRatio: number;
  /** The senders' sustained rates added up, over the sum of their rates (goal ≥ 0.95). */
  sustainedRatio: number;
  pass: boolean;
  lines: string[];
};

const RECIPIENTS = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS ?? 3_000);
/** 10:00 on a weekday in Chicago: well inside the sending hours for the whole run. */
const START = Date.parse("2027-12-08T16:00:00Z");
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

export async function campaignDrainFigure(db: Database): Promise<CampaignDrainFigure> {
  const suffix = randomBytes(3).toString("hex");
  const tenantId = `bench-drain-${suffix}`;
  // Numbers unique to this run (a phone number belongs to one business).
  const block = Number.parseInt(suffix, 16) % 2000;
  const number = (i: number, areaCode = "512") => `+1${areaCode}555${String(block * 5 + i).padStart(4, "0")}`;
  const service = `MG${randomBytes(16).toString("hex")}`;
  const numbers: (SenderNumber & { label: string })[] = [
    { label: "long code (default)", phoneNumber: number(0), messagingServiceSid: null, smsRatePerSecond: null },
    { label: "long code (configured)", phoneNumber: number(1), messagingServiceSid: null, smsRatePerSecond: 2 },
    { label: "toll-free", phoneNumber: number(2, "888"), messagingServiceSid: null, smsRatePerSecond: null },
    { label: "service number", phoneNumber: number(3), messagingServiceSid: service, smsRatePerSecond: null },
    { label: "service number", phoneNumber: number(4), messagingServiceSid: service, smsRatePerSecond: null },
  ];
  const senders = [
    { key: numbers[0]!.phoneNumber, label: numbers[0]!.label, from: [numbers[0]!.phoneNumber] },
    { key: numbers[1]!.phoneNumber, label: numbers[1]!.label, from: [numbers[1]!.phoneNumber] },
    { key: numbers[2]!.phoneNumber, label: numbers[2]!.label, from: [numbers[2]!.phoneNumber] },
    {
      key: service,
      label: "Messaging Service (2 long codes)",
      from: [numbers[3]!.phoneNumber, numbers[4]!.phoneNumber],
    },
  ].map((s) => ({ ...s, rate: senderRate(s.key, numbers) }));
  const totalRate = senders.reduce((sum, s) => sum + s.rate, 0);

  const campaignId = await seed(db, tenantId, numbers, senders, totalRate);
  const fake = await startFakeTwilio();
  try {
    let clock = START;
    const retried: unknown[] = [];
    const deps: DrainDeps = {
      db,
      sender: createTwilioSender({
        accountSid: FAKE_ACCOUNT_SID,
        authToken: FAKE_AUTH_TOKEN,
        apiBaseUrl: fake.baseUrl,
      }),
      events: createMessagingEvents(),
      logger: quiet,
      publicBaseUrl: "https://bench.example.test",
      statusCallbackUrl: "https://bench.example.test/twilio/sms/status",
      // Nothing should need the delivery queue's retries against a healthy fake; counted if anything does.
      jobs: {
        send: async (_name: string, data?: object | null) => {
          retried.push(data);
          return null;
        },
      } as DrainDeps["jobs"],
      now: () => new Date(clock),
      sleep: async (ms: number) => void (clock += ms),
    };
    const began = performance.now();
    let runs = 0;
    for (;;) {
      runs++;
      const result = await drainCampaign(deps, { tenantId, campaignId });
      if (result.outcome !== "waiting") break;
      clock = Math.max(clock, result.nextAt.getTime());
    }
    const realSeconds = (performance.now() - began) / 1000;

    const rows = await tenantDb(db, tenantId).run((tx) =>
      tx.campaignSend.findMany({ where: { campaignId }, select: { senderKey: true, status: true, claimedAt: true } }),
    );
    const lines: string[] = [];
    let worstWindow = 0;
    let sustainedSum = 0;
    for (const sender of senders) {
      const times = rows.filter((r) => r.senderKey === sender.key && r.claimedAt).map((r) => r.claimedAt!.getTime());
      const most = maxInWindow(times, 1000);
      const span = (Math.max(...times) - Math.min(...times)) / 1000;
      const sustained = span > 0 ? (times.length - 1) / span : 0;
      worstWindow = Math.max(worstWindow, most / sender.rate);
      sustainedSum += sustained;
      lines.push(
        `  ${sender.label.padEnd(34)} ${String(sender.rate).padStart(2)}/s: ${String(times.length).padStart(5)} texts, at most ${most} in any 1 s (${(most / sender.rate).toFixed(2)}× its rate), sustained ${sustained.toFixed(3)}/s (${(sustained / sender.rate).toFixed(3)}×)`,
      );
    }
    const sustainedRatio = sustainedSum / totalRate;
    const sent = rows.filter((r) => r.status === "sent").length;
    const recipients = new Set(fake.messages.map((m) => m.to));
    const exactlyOnce = fake.messages.length === RECIPIENTS && recipients.size === RECIPIENTS && sent === RECIPIENTS;
    const windowPass = worstWindow <= 1;
    const sustainedPass = sustainedRatio >= 0.95;
    lines.unshift(
      `campaign drain: ${RECIPIENTS} recipients over ${senders.length} senders (${totalRate}/s in all), ${((clock - START) / 1000).toFixed(0)} s simulated in ${runs} runs, ${realSeconds.toFixed(1)} s real (${(RECIPIENTS / realSeconds).toFixed(0)} texts/s possible)`,
    );
    lines.push(
      `  fake Twilio: ${fake.messages.length} messages to ${recipients.size} numbers; ${sent} rows sent; ${retried.length} handed to the retry queue`,
      `${windowPass ? "PASS" : "FAIL"}: campaign drain max sends in any 1-s window / sender rate ${worstWindow.toFixed(2)}× (goal ≤ 1×)`,
      `${sustainedPass ? "PASS" : "FAIL"}: campaign drain sustained throughput / sum of sender rates ${sustainedRatio.toFixed(3)}× (goal ≥ 0.95×)`,
      `${exactlyOnce ? "PASS" : "FAIL"}: campaign drain every recipient texted exactly once (${fake.messages.length}/${RECIPIENTS})`,
    );
    return {
      maxPerWindowRatio: worstWindow,
      sustainedRatio,
      pass: windowPass && sustainedPass && exactlyOnce,
      lines,
    };
  } finally {
    await fake.close();
  }
}

/**
 * The business, its numbers, RECIPIENTS customers with marketing consent and a started campaign
 * whose rows are split over the senders in proportion to their rates. Set-based, as the app expands.
 */
async function seed(
  db: Database,
  tenantId: string,
  numbers: readonly SenderNumber[],
  senders: readonly { key: string; rate: number; from: string[] }[],
  totalRate: number,
): Promise<string> {
  await platformDb(db, { actorUserId: null, purpose: "bench: campaign drain" }).run(async (tx) => {
    await tx.tenant.create({
      data: { id: tenantId, name: "Bench Drain Detailing", slug: tenantId, planTier: "pro", status: "active" },
    });
    await tx.tenantPhoneConfig.createMany({
      data: numbers.map((n) => ({
        tenantId,
        phoneNumber: n.phoneNumber,
        messagingServiceSid: n.messagingServiceSid,
        smsRatePerSecond: n.smsRatePerSecond,
      })),
    });
  });
  // Upper bounds of each sender's share of recipients 1..RECIPIENTS (cumulative, by rate).
  let cumulative = 0;
  const bounds = senders.map((s) => (cumulative += Math.round((RECIPIENTS * s.rate) / totalRate)));
  bounds[bounds.length - 1] = RECIPIENTS;
  const campaignId = randomUUID();
  await tenantDb(db, tenantId).run(
    async (tx) => {
      await tx.$executeRaw`
        INSERT INTO customers (tenant_id, id, phone, name, sort_name, search_text, source, points_balance, updated_at)
        SELECT ${tenantId}, gen_random_uuid(), '+1555' || (4000000 + n)::text, 'Bench Customer ' || n,
               'bench customer ' || n, 'bench customer ' || n, 'import', n % 500, now()
          FROM generate_series(1, ${RECIPIENTS}::int) AS n`;
      await tx.$executeRaw`
        INSERT INTO marketing_consents (tenant_id, phone, state, source)
        SELECT tenant_id, phone, 'opted_in', 'import' FROM customers WHERE tenant_id = ${tenantId}`;
      await tx.$executeRaw`
        INSERT INTO campaigns (tenant_id, id, name, body, status, started_at, recipient_count, updated_at)
        VALUES (${tenantId}, ${campaignId}::uuid, 'Bench offer',
                'Hi {first_name}, you have {points} points. Book your winter detail: {booking_link}', 'sending', now(),
                ${RECIPIENTS}, now())`;
      await tx.$executeRaw`
        INSERT INTO campaign_sends (tenant_id, campaign_id, customer_id, phone, sender_key, from_number)
        SELECT c.tenant_id, ${campaignId}::uuid, c.id, c.phone, s.sender_key,
               s.from_numbers[1 + c.n % cardinality(s.from_numbers)]
          FROM (SELECT tenant_id, id, phone, row_number() OVER (ORDER BY phone) AS n
                  FROM customers WHERE tenant_id = ${tenantId}) AS c
          CROSS JOIN LATERAL (
            SELECT x.sender_key, string_to_array(x.froms, ',') AS from_numbers
              FROM unnest(${bounds}::int[], ${senders.map((s) => s.key)}::text[], ${senders.map((s) => s.from.join(","))}::text[])
                   AS x(upto, sender_key, froms)
             WHERE c.n <= x.upto ORDER BY x.upto LIMIT 1) AS s`;
    },
    { timeout: 60_000 },
  );
  return campaignId;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.env.TEST_DATABASE_URL)
    throw new Error(
      "Set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres): the figure runs on PostgreSQL.",
    );
  const db = await createTestDatabase("postgres");
  try {
    const figure = await campaignDrainFigure(db);
    process.stdout.write(`${figure.lines.join("\n")}\n`);
    process.exitCode = figure.pass ? 0 : 1;
  } finally {
    await db.drop();
  }
}
