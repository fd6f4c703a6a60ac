// `pnpm agent:replay` on the database against the in-memory replay of the same scenarios: the same
// engine, the same rules brain, two worlds (the booking service on a seeded database; the scenario in
// memory). Anything but a newly generated appointment id must come out the same.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenario, type ReplayOutput, replayScenario, type Scenario } from "@servicepro/agent";
import { type Database, tenantDb } from "@servicepro/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openReplayDatabase, replayOnDatabase } from "../src/replay.ts";
import { runReplayCli } from "../src/run.ts";
import { CASES, detailer, malformed } from "./scenarios.ts";

const NEW_ID = /new-appointment-\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/**
 * A known difference, reported to the runtime (issue 13): the booking service's refusal spells out
 * the nearest open times in words ("The nearest open times: Monday, December 7 at 8:00 AM; …") before
 * the tools add them as ISO times; the in-memory world's refusal does not. Only that sentence is removed.
 */
const NEAREST_IN_WORDS = / The nearest open times: [^.]*\./g;
/** Generated ids differ by world (a uuid in the database, "new-appointment-1" in memory). */
const withoutNewIds = (output: ReplayOutput) =>
  JSON.parse(JSON.stringify(output).replace(NEW_ID, "<new id>").replace(NEAREST_IN_WORDS, ""));

/** The scenario after `steps`: each step's reply (from memory) becomes the agent's last text. */
async function flow(raw: Record<string, unknown>, steps: readonly string[]): Promise<Scenario[]> {
  const scenarios = [parseScenario(raw)];
  for (const text of steps) {
    const last = scenarios.at(-1)!;
    const { output } = await replayScenario(last);
    scenarios.push(
      parseScenario({
        ...raw,
        history: [
          ...last.history,
          { from: "customer", text: last.inbound },
          ...(output.reply ? [{ from: "agent", text: output.reply }] : []),
        ],
        inbound: text,
      }),
    );
  }
  return scenarios;
}

let db: Database;
let tenants = 0;
beforeAll(async () => {
  db = await openReplayDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("the database replay equals the in-memory replay", async () => {
  const all = (
    await Promise.all(
      CASES.map(async (c) =>
        (
          await flow(c.scenario, c.then ?? [])
        ).map((scenario, step) => ({
          name: step === 0 ? c.name : `${c.name}, then "${scenario.inbound}"`,
          scenario,
        })),
      ),
    )
  ).flat();

  it("covers at least 20 scenarios", () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
  });

  it.each(all)("$name", async ({ scenario }) => {
    const memory = await replayScenario(scenario);
    const database = await replayOnDatabase(db, scenario, tenants++);
    expect(withoutNewIds(database.output)).toEqual(withoutNewIds(memory.output));
  });
});

describe("what the database replay writes", () => {
  it("books into the database with the scenario's ids in the output", async () => {
    const [, pick] = await flow(CASES[0]!.scenario, ["9 works"]);
    const replay = await replayOnDatabase(db, pick!, tenants++);
    expect(replay.output.action).toBe("book");
    expect(replay.output.service).toBe("full-detail");
    const booked = replay.turn.appointmentId!;
    const row = await tenantDb(db, replay.seeded.tenantId).run((tx) =>
      tx.appointment.findFirst({ where: { id: booked }, select: { startsAt: true, bookedBy: true } }),
    );
    expect(row?.bookedBy).toBe("ai_agent");
    expect(row?.startsAt.toISOString()).toBe("2026-12-05T15:00:00.000Z");
  });

  it("names the tiered price it could not store", async () => {
    const replay = await replayOnDatabase(
      db,
      parseScenario({ tenant: detailer, now: "2026-12-02T10:00:00-06:00", inbound: "hi" }),
      tenants++,
    );
    expect(replay.overrides.map((o) => o.field)).toEqual(
      expect.arrayContaining(["services.interior.price", "services.fleet.price"]),
    );
  });
});

describe("the command line", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "agent-replay-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io = () => {
    const out = { stdout: "", stderr: "" };
    return {
      out,
      io: {
        stdout: (t: string) => void (out.stdout += t),
        stderr: (t: string) => void (out.stderr += t),
        env: {},
      },
    };
  };

  it("runs a directory's scenarios in name order and prints an array", async () => {
    const scenarios = path.join(dir, "set");
    mkdirSync(scenarios);
    writeFileSync(path.join(scenarios, "b-faq.json"), JSON.stringify(CASES.find((c) => c.name === "faq")!.scenario));
    writeFileSync(
      path.join(scenarios, "a-stop.json"),
      JSON.stringify(CASES.find((c) => c.name === "opt-out")!.scenario),
    );
    writeFileSync(path.join(scenarios, "notes.txt"), "not a scenario");
    const { out, io: cli } = io();
    expect(await runReplayCli([scenarios], cli)).toBe(0);
    const printed = JSON.parse(out.stdout) as ReplayOutput[];
    expect(printed.map((o) => o.action)).toEqual(["record_optout", "answer_faq"]);
  });

  it("refuses a malformed file with exit code 2, naming the fields, and runs nothing", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(malformed));
    const { out, io: cli } = io();
    expect(await runReplayCli([file], cli)).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toContain("tenant.services.0.price.amount");
    expect(out.stderr).toContain("tenant.hours.mon");
  });

  it("exits with 2 through the real command too", () => {
    const file = path.join(dir, "bad-cli.json");
    writeFileSync(file, JSON.stringify({ ...malformed, now: "tomorrow" }));
    const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
    const child = spawnSync(process.execPath, [cli, file], { encoding: "utf8" });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/^ {2}now: /m);
    expect(child.stdout).toBe("");
  });
});
