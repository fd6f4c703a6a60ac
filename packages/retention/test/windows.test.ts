// Retention windows on a fake clock (issue 16, part 4; research note D7): texts and call recordings
// older than a business's window are deleted, exactly: a row at the cut-off stays, one a millisecond
// older goes, with random instants around the boundary (fast-check); nothing is deleted under a
// legal hold or without a window; every run that deletes writes a log row and an audit row with
// counts. Recordings are deleted at Twilio through the real SDK against the fake Twilio server.
// PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { createTwilioClient } from "@servicepro/sms";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, type FakeTwilio, startFakeTwilio } from "@servicepro/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cutoffFor, runMessageRetention, runRecordingRetention } from "../src/index.ts";
import {
  addCall,
  addMessage,
  auditRows,
  createCustomer,
  createTenant,
  deps,
  setLegalHold,
  setWindows,
} from "./support.ts";

const NOW = new Date("2026-12-03T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
const MESSAGE_CUTOFF = cutoffFor(NOW, 12) as Date;
const RECORDING_CUTOFF = cutoffFor(NOW, 6) as Date;

/** Offsets from the cut-off: the boundary itself, a millisecond either side, and random ones within 30 days. */
const offsets = (seed: number) => [
  0,
  -1,
  1,
  -DAY,
  DAY,
  ...fc.sample(fc.integer({ min: -30 * DAY, max: 30 * DAY }), { numRuns: 15, seed }),
];

const recordingSid = () => `RE${randomBytes(16).toString("hex")}`;

describe.each(testEngines())("retention windows on %s", (engine) => {
  let db: TestDatabase;
  let fake: FakeTwilio;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    fake = await startFakeTwilio();
  });
  afterAll(async () => {
    await fake?.close();
    await db?.drop();
  });

  const remainingMessages = (tenantId: string) =>
    tenantDb(db, tenantId).run((tx) => tx.message.findMany({ select: { id: true, createdAt: true } }));

  it("should delete exactly the texts older than the window, in batches, and log the counts", async () => {
    await createTenant(db, "msg-a");
    await setWindows(db, "msg-a", { messageMonths: 12 });
    const { conversationId } = await createCustomer(db, "msg-a", "+15125550101");
    const emptied = await createCustomer(db, "msg-a", "+15125550102");
    const seeded = offsets(1).map((offset) => new Date(MESSAGE_CUTOFF.getTime() + offset));
    for (const at of seeded) await addMessage(db, "msg-a", conversationId, at);
    await addMessage(db, "msg-a", emptied.conversationId, new Date(MESSAGE_CUTOFF.getTime() - 5 * DAY));

    const result = await runMessageRetention(deps(db, NOW), "msg-a");

    const kept = seeded.filter((at) => at.getTime() >= MESSAGE_CUTOFF.getTime());
    const remaining = await remainingMessages("msg-a");
    expect(remaining.map((m) => m.createdAt.getTime()).sort()).toEqual(kept.map((at) => at.getTime()).sort());
    expect(remaining.some((m) => m.createdAt.getTime() === MESSAGE_CUTOFF.getTime())).toBe(true);
    const deleted = seeded.length - kept.length + 1;
    expect(result).toMatchObject({
      outcome: "completed",
      cutoff: MESSAGE_CUTOFF,
      counts: { messages: deleted, conversationsEmptied: 1 },
    });
    // The thread left without texts stays, without the preview of a deleted text.
    const thread = await tenantDb(db, "msg-a").run((tx) =>
      tx.conversation.findUniqueOrThrow({ where: { tenantId_id: { tenantId: "msg-a", id: emptied.conversationId } } }),
    );
    expect(thread.lastMessagePreview).toBe("");
    // One log row and one audit row, with the same counts.
    const log = await tenantDb(db, "msg-a").run((tx) => tx.dataDeletion.findMany());
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: "messages", trigger: "nightly", cutoff: MESSAGE_CUTOFF });
    expect(log[0]?.counts).toMatchObject({ messages: deleted });
    const audits = await auditRows(db, "msg-a", "retention.messages");
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ counts: { messages: deleted }, deletionId: log[0]?.id });

    // Run again: nothing more is past the window, so nothing is deleted and nothing is logged.
    expect(await runMessageRetention(deps(db, NOW), "msg-a")).toMatchObject({ counts: { messages: 0 } });
    expect(await tenantDb(db, "msg-a").run((tx) => tx.dataDeletion.count())).toBe(1);
  });

  it("should keep every text without a window (the default) and under a legal hold", async () => {
    await createTenant(db, "msg-forever");
    const forever = await createCustomer(db, "msg-forever", "+15125550103");
    await addMessage(db, "msg-forever", forever.conversationId, new Date("2001-01-01T00:00:00Z"));
    expect(await runMessageRetention(deps(db, NOW), "msg-forever")).toEqual({
      outcome: "skipped",
      reason: "keep_forever",
    });
    expect(await remainingMessages("msg-forever")).toHaveLength(1);

    await createTenant(db, "msg-held");
    await setWindows(db, "msg-held", { messageMonths: 1 });
    const held = await createCustomer(db, "msg-held", "+15125550104");
    for (const offset of offsets(2))
      await addMessage(db, "msg-held", held.conversationId, new Date(MESSAGE_CUTOFF.getTime() + offset));
    await setLegalHold(db, "msg-held", true);
    expect(await runMessageRetention(deps(db, NOW), "msg-held")).toEqual({ outcome: "skipped", reason: "legal_hold" });
    expect(await remainingMessages("msg-held")).toHaveLength(offsets(2).length);
    expect(await tenantDb(db, "msg-held").run((tx) => tx.dataDeletion.count())).toBe(0);

    // The hold lifted, the next run deletes (every seeded text is over a month old).
    await setLegalHold(db, "msg-held", false);
    expect(await runMessageRetention(deps(db, NOW), "msg-held")).toMatchObject({
      outcome: "completed",
      counts: { messages: offsets(2).length },
    });
  });

  it("should drop recordings older than the window at Twilio and on the call, keeping the calls", async () => {
    await createTenant(db, "rec-a");
    await setWindows(db, "rec-a", { recordingMonths: 6 });
    const seeded = offsets(3).map((offset) => ({
      at: new Date(RECORDING_CUTOFF.getTime() + offset),
      sid: recordingSid(),
    }));
    for (const { at, sid } of seeded) {
      fake.recordings.add(sid);
      await addCall(db, "rec-a", at, sid);
    }
    // A recording Twilio no longer has (deleted there by hand): its link is cleared all the same.
    const gone = recordingSid();
    await addCall(db, "rec-a", new Date(RECORDING_CUTOFF.getTime() - 2 * DAY), gone);
    await addCall(db, "rec-a", new Date(RECORDING_CUTOFF.getTime() - 3 * DAY), null);
    const twilio = createTwilioClient({
      accountSid: FAKE_ACCOUNT_SID,
      authToken: FAKE_AUTH_TOKEN,
      apiBaseUrl: fake.baseUrl,
    });

    const result = await runRecordingRetention(deps(db, NOW, { twilio }), "rec-a");

    const old = seeded.filter(({ at }) => at.getTime() < RECORDING_CUTOFF.getTime());
    expect([...fake.deletedRecordings].sort()).toEqual(old.map(({ sid }) => sid).sort());
    expect(result).toMatchObject({
      outcome: "completed",
      counts: { recordings: old.length + 1, twilioDeleted: old.length, twilioFailed: 0 },
    });
    const calls = await tenantDb(db, "rec-a").run((tx) =>
      tx.call.findMany({ select: { startedAt: true, recordingSid: true, recordingUrl: true, transcription: true } }),
    );
    expect(calls).toHaveLength(seeded.length + 2);
    for (const call of calls) {
      const past = call.startedAt.getTime() < RECORDING_CUTOFF.getTime();
      expect(call.recordingSid === null).toBe(past || seeded.every((s) => s.at.getTime() !== call.startedAt.getTime()));
      if (past) expect([call.recordingUrl, call.transcription]).toEqual([null, null]);
    }
    expect(await auditRows(db, "rec-a", "retention.recordings")).toHaveLength(1);
  });

  it("should not touch a recording under a legal hold, at Twilio or here", async () => {
    await createTenant(db, "rec-held");
    await setWindows(db, "rec-held", { recordingMonths: 1 });
    const sid = recordingSid();
    fake.recordings.add(sid);
    await addCall(db, "rec-held", new Date("2020-01-01T00:00:00Z"), sid);
    await setLegalHold(db, "rec-held", true);
    const twilio = createTwilioClient({
      accountSid: FAKE_ACCOUNT_SID,
      authToken: FAKE_AUTH_TOKEN,
      apiBaseUrl: fake.baseUrl,
    });
    expect(await runRecordingRetention(deps(db, NOW, { twilio }), "rec-held")).toEqual({
      outcome: "skipped",
      reason: "legal_hold",
    });
    expect(fake.recordings.has(sid)).toBe(true);
    const [call] = await tenantDb(db, "rec-held").run((tx) => tx.call.findMany());
    expect(call?.recordingSid).toBe(sid);
  });
});
