// Nothing acknowledged is lost (issue 12): a text answered 200 is committed in twilio_events, so a
// process killed with SIGKILL after the answer and before (or while) its worker applies the event
// loses nothing; the next process applies every acknowledged text exactly once. Also: Twilio
// redelivering one SID many times at once stages one event and stores one message.
// PostgreSQL only: several processes share the database.
import { randomInt } from "node:crypto";
import { createTestDatabase, type TestDatabase, testEngines, withOwnerConnection } from "@servicepro/db/testing";
import {
  FAKE_ACCOUNT_SID,
  FAKE_AUTH_TOKEN,
  type FakeTwilio,
  signedTwilioRequest,
  startFakeTwilio,
} from "@servicepro/testkit";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../src/env.ts";
import { prepareAccounts } from "../src/startup.ts";
import { OWNER } from "./harness.ts";
import {
  freePort,
  killHard,
  type ServerProcess,
  startServerProcess,
  stopAllServerProcesses,
  untilHealthy,
  WORKER_ENTRY,
} from "./server-process.ts";

const PUBLIC_BASE_URL = "http://localhost:3000";
const ROOT_NUMBER = "+15555550100";

describe.skipIf(!testEngines().includes("postgres"))("the Twilio intake across a hard kill", () => {
  let db: TestDatabase;
  let fake: FakeTwilio;

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    fake = await startFakeTwilio();
    await prepareAccounts({
      db,
      env: loadEnv({
        OWNER_EMAIL: OWNER.email,
        OWNER_PASSWORD: OWNER.password,
        SEED_DEMO_DATA: "true",
        DEMO_TENANT_ADMIN_PASSWORD: "demo-password-for-tests",
      }),
      logger: pino({ level: "silent" }),
    });
  });
  afterAll(async () => {
    stopAllServerProcesses();
    await fake?.close();
    await db?.drop();
  });

  const processEnv = (extra: Record<string, string>) => ({
    DATABASE_URL: db.url!,
    HOST: "127.0.0.1",
    TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
    TWILIO_API_BASE_URL: fake.baseUrl,
    PUBLIC_BASE_URL,
    OWNER_EMAIL: OWNER.email,
    OWNER_PASSWORD: OWNER.password,
    // A worker that died holding events gives them up after 2 s instead of 30.
    INTAKE_LEASE_SECONDS: "2",
    LOG_LEVEL: "warn",
    ...extra,
  });

  async function startWeb(extra: Record<string, string>): Promise<{ server: ServerProcess; port: number }> {
    const port = await freePort();
    const server = startServerProcess(processEnv({ PORT: String(port), ...extra }));
    expect(await untilHealthy(server, port), server.output()).toBe(true);
    return { server, port };
  }

  const textParams = (sid: string, from: string, body: string) => ({
    MessageSid: sid,
    SmsSid: sid,
    AccountSid: FAKE_ACCOUNT_SID,
    From: from,
    To: ROOT_NUMBER,
    Body: body,
    NumMedia: "0",
  });

  /** Posts a signed text; resolves to the HTTP status, or 0 when the connection died first. */
  async function postText(port: number, params: Record<string, string>): Promise<number> {
    const { init } = signedTwilioRequest({
      publicBaseUrl: PUBLIC_BASE_URL,
      path: "/twilio/sms/incoming",
      params,
      authToken: FAKE_AUTH_TOKEN,
    });
    return fetch(`http://127.0.0.1:${port}/twilio/sms/incoming`, init).then(
      async (res) => {
        await res.arrayBuffer();
        return res.status;
      },
      () => 0,
    );
  }

  /**
   * Sends `count` texts from a handful of numbers (several conversations, several texts each, so
   * per-conversation order matters), `concurrency` at a time, until done or `stopWhen` says so.
   * Returns the SIDs answered 200 and every SID sent.
   */
  async function sendTexts(
    port: number,
    prefix: string,
    count: number,
    opts: { concurrency: number; stopWhen?: (acked: number) => boolean },
  ) {
    const acked: string[] = [];
    const sent: string[] = [];
    let next = 0;
    let stop = false;
    const lane = async () => {
      while (!stop && next < count) {
        const i = next++;
        const sid = `SM${prefix}${String(i).padStart(32 - prefix.length, "0")}`;
        sent.push(sid);
        const from = `+1555555${String(2000 + (i % 7)).padStart(4, "0")}`;
        const status = await postText(port, textParams(sid, from, `crash test ${prefix} ${i}`));
        if (status === 200) acked.push(sid);
        if (opts.stopWhen?.(acked.length)) stop = true;
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, lane));
    return { acked, sent };
  }

  type Counts = { staged: number; stored: number; duplicated: number };
  /** As the owner: staged events and stored messages (and SIDs stored more than once) among `sids`. */
  const counts = (sids: string[]): Promise<Counts> =>
    withOwnerConnection(db.url!, async (sql) => {
      const [row] = await sql.query<{ staged: number; stored: number; duplicated: number }>(
        `SELECT (SELECT count(*)::int FROM twilio_events WHERE kind = 'sms_incoming' AND dedupe_key = ANY($1)) AS staged,
                (SELECT count(DISTINCT twilio_sid)::int FROM messages WHERE twilio_sid = ANY($1)) AS stored,
                (SELECT count(*)::int FROM (SELECT twilio_sid FROM messages WHERE twilio_sid = ANY($1)
                                             GROUP BY twilio_sid HAVING count(*) > 1) d) AS duplicated`,
        [sids],
      );
      return row!;
    });

  async function until(check: () => Promise<boolean>, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }

  it("should apply every acknowledged text exactly once after SIGKILLs before and during processing", async () => {
    // 1. A web process without an intake worker acknowledges texts, then dies: every one of them is
    //    staged and none is applied yet (killed between acknowledgement and processing).
    const web = await startWeb({ SMS_WORKER: "false" });
    const first = await sendTexts(web.port, "A", 120, { concurrency: 8 });
    expect(first.acked.length, web.server.output()).toBe(120);
    await killHard(web.server);
    expect(await counts(first.acked)).toEqual({ staged: 120, stored: 0, duplicated: 0 });

    // 2. A process with its worker takes the staged texts and more traffic, and is killed while its
    //    worker is applying: some texts applied, some staged, a batch possibly leased by the dying
    //    worker (its lease runs out), and requests in flight cut off before their answer.
    const busy = await startWeb({ SMS_WORKER: "true" });
    const killAt = 40 + randomInt(60);
    const storedB = async () =>
      (
        await withOwnerConnection(db.url!, (sql) =>
          sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE twilio_sid LIKE 'SMB%'`),
        )
      )[0]?.n ?? 0;
    const sending = sendTexts(busy.port, "B", 600, { concurrency: 8 });
    await until(async () => (await storedB()) >= killAt, 60_000);
    await killHard(busy.server);
    const second = await sending;
    expect(second.acked.length, busy.server.output()).toBeGreaterThanOrEqual(killAt);
    const ackedBeforeRestart = [...first.acked, ...second.acked];
    // Committed before the answer and deleted in the transaction that applies it: every acknowledged
    // text is exactly one of staged or stored, whatever the kill interrupted.
    const atKill = await counts(ackedBeforeRestart);
    expect(atKill.staged + atKill.stored).toBe(ackedBeforeRestart.length);
    expect(atKill.duplicated).toBe(0);

    // 3. A delivery-only worker process starts: it takes over what the dead processes left
    //    (leases run out after 2 s) and applies every acknowledged text once.
    const worker = startServerProcess(processEnv({}), { entry: WORKER_ENTRY });
    await until(async () => (await counts(ackedBeforeRestart)).stored === ackedBeforeRestart.length, 60_000);
    const final = await counts(ackedBeforeRestart);
    expect(final, worker.output()).toEqual({ staged: 0, stored: ackedBeforeRestart.length, duplicated: 0 });
    // A text whose answer was cut off may have been staged too (Twilio would retry it): never twice.
    expect((await counts(second.sent)).duplicated).toBe(0);
    await killHard(worker);
  }, 180_000);
});
