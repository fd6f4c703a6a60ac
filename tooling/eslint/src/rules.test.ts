// The boundary rules are only worth something while they fire: lint one line per forbidden thing
// with the real configs and expect an error, and lint the allowed imports and expect none.
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import serverConfig from "../../../apps/server/eslint.config.js";
import { app, base, domain, PURE_PACKAGES } from "../index.js";

const linter = new Linter({ configType: "flat" });

/** The rule ids of the problems ESLint reports for `code` as the file `filename` of a package. */
function problems(config: Linter.Config[], code: string, filename = "src/example.ts"): string[] {
  const messages = linter.verify(code, config, { filename });
  const fatal = messages.filter((m) => m.fatal);
  expect(fatal, "the snippet must parse").toEqual([]);
  return messages.map((m) => m.ruleId ?? "");
}

const RESTRICTED = expect.arrayContaining([expect.stringMatching(/^no-restricted-/)]);

describe("the pure packages are derived from their lint configs", () => {
  it("lists the domain packages and none of the I/O ones", () => {
    expect(PURE_PACKAGES).toEqual(
      expect.arrayContaining(["@servicepro/telephony", "@servicepro/tenancy", "@servicepro/validators"]),
    );
    for (const io of ["@servicepro/db", "@servicepro/api", "@servicepro/messaging", "@servicepro/ui"])
      expect(PURE_PACKAGES).not.toContain(io);
  });
});

describe("domain: pure code", () => {
  it.each([
    'import fs from "node:fs";',
    'import { readFile } from "fs/promises";',
    'import fs from "fs";',
    'import net from "node:net";',
    'import http from "http";',
    'import { spawn } from "node:child_process";',
    'import { Worker } from "node:worker_threads";',
    'import pino from "pino";',
    'import twilio from "twilio";',
    'import { PgBoss } from "pg-boss";',
    'import { openDatabase } from "@servicepro/db";',
    'import { appRouter } from "@servicepro/api";',
    'import { startMessaging } from "@servicepro/messaging";',
    'import { intake } from "@servicepro/sms-intake";',
    'import { Hono } from "hono";',
    'import leftPad from "left-pad";',
    'export const page = await fetch("https://example.com");',
    'export const page = await globalThis.fetch("https://example.com");',
    "export const url = process.env.DATABASE_URL;",
    'export const fs = await import("node:fs");',
  ])("refuses %s", (code) => {
    expect(problems(domain, code)).toEqual(RESTRICTED);
  });

  it("allows zod, libphonenumber-js, date-fns, pure workspace packages and relative imports", () => {
    const code = [
      'import { z } from "zod";',
      'import { parsePhoneNumber } from "libphonenumber-js/min";',
      'import { TZDate } from "@date-fns/tz";',
      'import { addDays } from "date-fns";',
      'import { availableStarts } from "@servicepro/scheduling";',
      'import { isOpen } from "@servicepro/telephony";',
      'import { PLAN_TIERS } from "@servicepro/tenancy/constants";',
      'import { local } from "./local.ts";',
      "export const all = [z, parsePhoneNumber, TZDate, addDays, availableStarts, isOpen, PLAN_TIERS, local];",
    ].join("\n");
    expect(problems(domain, code)).toEqual([]);
  });

  it("tests may use Node built-ins and test tools, but still not the database", () => {
    const code = 'import { readFileSync } from "node:fs";\nimport fc from "fast-check";\nexport { readFileSync, fc };';
    expect(problems(domain, code, "src/example.test.ts")).toEqual([]);
    expect(problems(domain, 'import { openDatabase } from "@servicepro/db";', "src/example.test.ts")).toEqual(
      RESTRICTED,
    );
  });
});

describe("app: browser code", () => {
  it.each([
    'import { openDatabase } from "@servicepro/db";',
    'import { appRouter } from "@servicepro/api";',
    'import { startMessaging } from "@servicepro/messaging";',
    'import { intake } from "@servicepro/sms-intake";',
    'import { PrismaClient } from "@prisma/client";',
    'import pino from "pino";',
    'import twilio from "twilio";',
    'import pg from "pg";',
    'import { hash } from "@node-rs/argon2";',
    'import { randomUUID } from "node:crypto";',
    'import { readFileSync } from "fs";',
    'import { tenantSchema } from "@servicepro/tenancy";',
  ])("refuses %s", (code) => {
    expect(problems(app, code, "src/App.tsx")).toEqual(RESTRICTED);
  });

  it("allows React, the UI kits, pure packages and types from the API", () => {
    const code = [
      'import { useState } from "react";',
      'import { Button } from "@servicepro/ui";',
      'import { trpc } from "@servicepro/web";',
      'import { formatPhone } from "@servicepro/telephony/phone";',
      'import type { AppRouter } from "@servicepro/api";',
      "export type Router = AppRouter;",
      "export const all = [useState, Button, trpc, formatPhone];",
    ].join("\n");
    expect(problems(app, code, "src/App.tsx")).toEqual([]);
  });
});

describe("only apps/server/src/env.ts reads process.env", () => {
  it("refuses process.env anywhere else, including the server's other modules", () => {
    expect(problems(base, "export const url = process.env.DATABASE_URL;")).toEqual(RESTRICTED);
    expect(problems(serverConfig, "export const url = process.env.DATABASE_URL;", "src/main.ts")).toEqual(RESTRICTED);
    expect(problems(serverConfig, "export const { env } = process;", "src/main.ts")).toEqual(RESTRICTED);
  });

  it("allows it in env.ts and in tests", () => {
    expect(problems(serverConfig, "export const url = process.env.DATABASE_URL;", "src/env.ts")).toEqual([]);
    expect(problems(base, "export const url = process.env.TEST_DATABASE_URL;", "test/db.test.ts")).toEqual([]);
  });
});
