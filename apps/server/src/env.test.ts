import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES, InvalidEnvironment, loadEnv } from "./env.ts";

// turbo runs tasks in strict env mode: a variable not listed in turbo.json reaches `pnpm dev`
// empty, so a setting in the shell or .env silently does nothing. Every variable the env schema
// reads must be listed (by name, or by a `PREFIX_*` wildcard).
type TurboConfig = {
  globalEnv?: string[];
  globalPassThroughEnv?: string[];
  tasks: Record<string, { env?: string[]; passThroughEnv?: string[] }>;
};

const turbo = JSON.parse(readFileSync(new URL("../../../turbo.json", import.meta.url), "utf8")) as TurboConfig;

const matches = (pattern: string, name: string) =>
  pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;

function passedTo(task: string): string[] {
  const own = turbo.tasks[task] ?? {};
  return [
    ...(turbo.globalEnv ?? []),
    ...(turbo.globalPassThroughEnv ?? []),
    ...(own.env ?? []),
    ...(own.passThroughEnv ?? []),
  ];
}

describe("turbo.json passes every setting of the env schema", () => {
  it("reads the schema's variables (the check is not vacuous)", () => {
    expect(ENV_VARIABLES).toEqual(expect.arrayContaining(["DATABASE_URL", "SENDGRID_API_KEY", "PHONE_NUMBER_POOL"]));
  });

  it.each(["dev", "test"])("%s: no variable arrives empty", (task) => {
    const listed = passedTo(task);
    const missing = ENV_VARIABLES.filter((name) => !listed.some((pattern) => matches(pattern, name)));
    expect(missing, `add these to turbo.json's globalPassThroughEnv`).toEqual([]);
  });
});

describe("TWILIO_SUBACCOUNT_SIDS", () => {
  const main = { TWILIO_ACCOUNT_SID: `AC${"1".repeat(32)}`, TWILIO_AUTH_TOKEN: "a-long-enough-token" };

  it("should read a comma-separated list of account SIDs, empty by default", () => {
    expect(loadEnv(main).TWILIO_SUBACCOUNT_SIDS).toEqual([]);
    const subs = ` AC${"2".repeat(32)}, AC${"3".repeat(32)} ,`;
    expect(loadEnv({ ...main, TWILIO_SUBACCOUNT_SIDS: subs }).TWILIO_SUBACCOUNT_SIDS).toEqual([
      `AC${"2".repeat(32)}`,
      `AC${"3".repeat(32)}`,
    ]);
  });

  it("should refuse something that is not an account SID, or subaccounts without the main account", () => {
    expect(() => loadEnv({ ...main, TWILIO_SUBACCOUNT_SIDS: "MG123" })).toThrow(/TWILIO_SUBACCOUNT_SIDS/);
    expect(() => loadEnv({ TWILIO_SUBACCOUNT_SIDS: `AC${"2".repeat(32)}` })).toThrow(InvalidEnvironment);
  });
});
