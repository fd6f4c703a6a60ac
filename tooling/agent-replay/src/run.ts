// `pnpm agent:replay <scenario.json | directory> [--brain rules|model]`: every scenario through the
// real agent on one throwaway embedded database (a tenant per scenario), deleted at the end. Prints
// the replay output as JSON: one object for a file, an array (files sorted by name) for a directory.
// Exit codes: 0 done; 2 usage, or a scenario that does not match the format (then nothing runs);
// 1 a failure while running.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  type Brain,
  parseScenario,
  type ReplayOutput,
  rulesBrain,
  type Scenario,
  ScenarioError,
} from "@servicepro/agent";
import { createModelBrainFromEnv } from "@servicepro/agent-openai";
import { openReplayDatabase, replayOnDatabase } from "./replay.ts";

export type CliIo = {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
};

const USAGE = `usage: pnpm agent:replay <scenario.json | directory> [--brain rules|model]

Runs each scenario (docs/agent-replay.md) through the real SMS agent on a throwaway embedded
database and prints the outcome as JSON (a directory: every *.json in it, sorted, as an array).
--brain model uses the OpenAI model (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL); default: rules.
`;

type Args = { target: string; brain: "rules" | "model" };

function parseArgs(argv: readonly string[]): Args | string {
  let target: string | undefined;
  let brain: Args["brain"] = "rules";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    if (arg === "--brain" || arg.startsWith("--brain=")) {
      const value = arg.includes("=") ? arg.slice("--brain=".length) : argv[++i];
      if (value !== "rules" && value !== "model")
        return `--brain takes "rules" or "model", not ${JSON.stringify(value)}`;
      brain = value;
    } else if (arg.startsWith("-")) return `unknown option ${arg}`;
    else if (target) return "give one scenario file or one directory";
    else target = arg;
  }
  return target ? { target, brain } : "no scenario given";
}

/** The files to run: the file itself, or a directory's *.json sorted by name. */
function scenarioFiles(target: string): { files: string[]; many: boolean } {
  const stat = statSync(target);
  if (!stat.isDirectory()) return { files: [target], many: false };
  const files = readdirSync(target)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.join(target, name));
  return { files, many: true };
}

/** Reads and checks every file first: one bad file and nothing runs. */
function loadScenarios(files: readonly string[], io: CliIo): Scenario[] | null {
  const scenarios: Scenario[] = [];
  let bad = 0;
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      io.stderr(`${file}: not JSON: ${(error as Error).message}\n`);
      bad++;
      continue;
    }
    try {
      scenarios.push(parseScenario(raw));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      io.stderr(`${file}: does not match the scenario format (docs/agent-replay.md):\n`);
      for (const issue of error.issues) io.stderr(`  ${issue.path}: ${issue.message}\n`);
      bad++;
    }
  }
  return bad > 0 ? null : scenarios;
}

/** The OpenAI brain (falling back to the rules, as the runtime's does), when a key is set. */
function modelBrain(io: CliIo): Brain | string {
  try {
    return (
      createModelBrainFromEnv(io.env, rulesBrain) ??
      "--brain model needs OPENAI_API_KEY (and OPENAI_BASE_URL for an OpenAI-compatible server)"
    );
  } catch (error) {
    return `--brain model: ${(error as Error).message}`;
  }
}

export async function runReplayCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.stderr(`${args}\n\n${USAGE}`);
    return 2;
  }
  let found: { files: string[]; many: boolean };
  try {
    found = scenarioFiles(args.target);
  } catch {
    io.stderr(`${args.target}: no such file or directory\n`);
    return 2;
  }
  if (found.files.length === 0) {
    io.stderr(`${args.target}: no *.json scenarios in this directory\n`);
    return 2;
  }
  const scenarios = loadScenarios(found.files, io);
  if (!scenarios) return 2;

  let brain: Brain | undefined;
  if (args.brain === "model") {
    const made = modelBrain(io);
    if (typeof made === "string") {
      io.stderr(`${made}\n`);
      return 2;
    }
    brain = made;
  }

  const db = await openReplayDatabase();
  const outputs: ReplayOutput[] = [];
  try {
    for (const [index, scenario] of scenarios.entries()) {
      try {
        outputs.push((await replayOnDatabase(db, scenario, index, brain ? { brain } : {})).output);
      } catch (error) {
        io.stderr(`${found.files[index]}: the replay failed: ${(error as Error).stack ?? String(error)}\n`);
        return 1;
      }
    }
  } finally {
    await db.close();
  }
  io.stdout(`${JSON.stringify(found.many ? outputs : outputs[0], null, 2)}\n`);
  return 0;
}
