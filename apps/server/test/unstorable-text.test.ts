// Issue 9, item 3: one rule for every string that enters the system. A NUL or a lone UTF-16
// surrogate in any string field of any procedure is a 400 naming the field (PostgreSQL would
// answer 500: NUL in text, a lone surrogate in jsonb); the same in any field of any Twilio webhook
// is accepted (Twilio retries anything but a 2xx forever), with U+FFFD in its place. On PGlite and,
// with TEST_DATABASE_URL, PostgreSQL.
import { appRouter } from "@servicepro/api";
import { tenantDb } from "@servicepro/db";
import { testEngines } from "@servicepro/db/testing";
import type { AccessClass } from "@servicepro/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GREEN_LAWN_ADMIN, OWNER, startTestApp, type TestApp } from "./harness.ts";
import { SAMPLE_INPUTS } from "./procedure-samples.ts";

type ProcedureDef = { _def: { meta?: { access?: AccessClass }; type: "query" | "mutation" | "subscription" } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

const UNSTORABLE = { NUL: "\u0000", "lone surrogate": "\uD83D" } as const;

type Path = (string | number)[];

/** The path of every string in `value` ("owner.name", "price.type" …). */
function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, index]));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

/** A copy of `value` with `suffix` appended to the string at `path`. */
function poisoned(value: unknown, path: Path, suffix: string): unknown {
  if (path.length === 0) return `${value as string}${suffix}`;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = poisoned(copy[head!], rest, suffix);
  return copy;
}

// Every string field of every procedure's sample input, with each unstorable character.
const trpcCells = procedures
  .filter(([path, p]) => p._def.type !== "subscription" && SAMPLE_INPUTS[path] !== undefined)
  .flatMap(([path, p]) =>
    stringPaths(SAMPLE_INPUTS[path]).flatMap((field) =>
      Object.entries(UNSTORABLE).map(
        ([name, character]) => [path, field.join("."), name, character, field, p] as const,
      ),
    ),
  );

// Every field Twilio sends to any of our webhooks (what packages/messaging reads, and more).
const TWILIO_FIELDS = {
  AccountSid: "AC00000000000000000000000000000000",
  From: "+15555550170",
  To: "+15555550100",
  Body: "Hello there",
  NumMedia: "0",
  MessageStatus: "delivered",
  SmsStatus: "received",
  ErrorCode: "30003",
  ErrorMessage: "Unreachable destination handset",
  MessagingServiceSid: "MG00000000000000000000000000000000",
  CallStatus: "completed",
  Called: "+15555550100",
  Digits: "1",
  SpeechResult: "I would like a quote",
  DialCallStatus: "no-answer",
  DialCallDuration: "0",
  CallDuration: "12",
  RecordingUrl: "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1",
  RecordingSid: "RE00000000000000000000000000000000",
  RecordingDuration: "7",
  TranscriptionText: "Please call me back",
  TranscriptionStatus: "completed",
};
const TWILIO_ROUTES = [
  "/twilio/sms/incoming",
  "/twilio/sms/status",
  "/twilio/voice/incoming",
  "/twilio/voice/menu?mode=menu&attempt=1",
  "/twilio/voice/dial-result",
  "/twilio/voice/voicemail",
  "/twilio/voice/voicemail?event=transcription",
  "/twilio/voice/status",
];
const webhookCells = TWILIO_ROUTES.flatMap((route) =>
  Object.keys(TWILIO_FIELDS).flatMap((field) =>
    Object.entries(UNSTORABLE).map(([name, character]) => [route, field, name, character] as const),
  ),
);

describe.each(testEngines())("unstorable text on %s", (engine) => {
  let t: TestApp;
  let owner: string;
  let tenantAdmin: string;
  let sid = 0;
  const nextSid = (prefix: string) => `${prefix}${String(++sid).padStart(32, "0")}`;

  beforeAll(async () => {
    t = await startTestApp(engine);
    owner = await t.signIn(OWNER);
    tenantAdmin = await t.signIn(GREEN_LAWN_ADMIN);
  });
  afterAll(() => t?.close());

  it("should cover the procedures that take text", () => {
    const covered = new Set(trpcCells.map(([path]) => path));
    for (const path of ["tenant.catalog.createService", "tenant.inbox.reply", "admin.impersonate.start"])
      expect(covered, path).toContain(path);
    expect(covered.size).toBeGreaterThan(20);
  });

  it.each(trpcCells)(
    "%s: %s with a %s answers 400 naming the field",
    async (path, name, _kind, character, field, p) => {
      const access = p._def.meta!.access!;
      const cookie = access === "owner" ? owner : access === "public" ? undefined : tenantAdmin;
      const res = await t.trpc(
        p._def.type === "mutation" ? "mutation" : "query",
        path,
        poisoned(SAMPLE_INPUTS[path], field, character),
        cookie,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.error?.data.issues).toEqual([{ path: field, message: expect.stringContaining(`“${name}”`) }]);
    },
  );

  it.each(webhookCells)("%s: %s with a %s answers 2xx or 4xx", async (route, field, _kind, character) => {
    const params: Record<string, string> = {
      ...TWILIO_FIELDS,
      MessageSid: nextSid("SM"),
      SmsSid: nextSid("SM"),
      CallSid: nextSid("CA"),
    };
    params[field] = `${params[field]}${character}`;
    const res = await t.twilioWebhook(route, params);
    expect(res.status, res.text).toBeLessThan(500);
  });

  it("should store a text whose body holds a NUL, with U+FFFD in its place, and answer 200", async () => {
    const from = "+15555550171";
    const res = await t.twilioWebhook("/twilio/sms/incoming", {
      ...TWILIO_FIELDS,
      MessageSid: nextSid("SM"),
      From: from,
      Body: "Need a quote\u0000 for Tuesday",
    });
    expect(res.status, res.text).toBe(200);
    const stored = await tenantDb(t.db, "root").run((tx) =>
      tx.message.findFirstOrThrow({ where: { fromNumber: from, direction: "inbound" } }),
    );
    expect(stored.body).toBe("Need a quote\uFFFD for Tuesday");
  });
});
