#!/usr/bin/env node
// ServicePro's one entry point for a fresh machine that has only Node and npm.
//
// Plain JavaScript on purpose: it must run on whatever Node the machine ships (Node 20 here),
// fetch Node 22 LTS and pnpm from the npm registry into ./.tools when the local ones are
// missing or too old, and then re-run itself under Node 22. Corepack and Node version
// managers download from hosts this network cannot reach, so neither is used.
//
//   node tooling/bootstrap/sp.mjs start      install, build the apps, start on the embedded DB
//   node tooling/bootstrap/sp.mjs test       install, typecheck, lint, build, run every test
//   node tooling/bootstrap/sp.mjs <script>   install, then `pnpm run <script>` (db:migrate, bench, eval, ...)
//   node tooling/bootstrap/sp.mjs agent:replay <scenario.json | dir>   the SMS agent on a throwaway database
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TOOLS = path.join(ROOT, ".tools");
const NODE_VERSION = "22.23.3";
const MIN_NODE = [22, 18];
const PNPM_VERSION = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).packageManager.split("@")[1];

const log = (msg) => process.stderr.write(`\x1b[36m[servicepro]\x1b[0m ${msg}\n`);

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", cwd: ROOT, ...opts });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function mustRun(cmd, args, opts) {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    log(`failed: ${[cmd, ...args].join(" ")} (exit ${status})`);
    process.exit(status);
  }
}

function npmInstallInto(dir, spec) {
  mkdirSync(dir, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  mustRun(npm, ["install", "--prefix", dir, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", spec]);
}

function nodeIsRecentEnough(version) {
  const [major, minor] = version.split(".").map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/** Re-executes this script under Node >= 22.18, installing it from the npm registry if needed. */
function ensureNode() {
  if (nodeIsRecentEnough(process.versions.node)) return;
  const dir = path.join(TOOLS, `node-${NODE_VERSION}`);
  const bin = path.join(dir, "node_modules", "node", "bin", "node");
  if (!existsSync(bin)) {
    log(
      `Node ${process.versions.node} is older than ${MIN_NODE.join(".")}; fetching Node ${NODE_VERSION} from the npm registry`,
    );
    rmSync(dir, { recursive: true, force: true });
    npmInstallInto(dir, `node@${NODE_VERSION}`);
  }
  const env = { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}` };
  process.exit(run(bin, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { env }));
}

/** Returns the argv prefix that runs pnpm, installing the pinned version into .tools if needed. */
function ensurePnpm() {
  const dir = path.join(TOOLS, `pnpm-${PNPM_VERSION}`);
  const cli = path.join(dir, "node_modules", "pnpm", "bin", "pnpm.cjs");
  if (!existsSync(cli)) {
    log(`fetching pnpm ${PNPM_VERSION} from the npm registry`);
    npmInstallInto(dir, `pnpm@${PNPM_VERSION}`);
  }
  return [process.execPath, cli];
}

function main() {
  ensureNode();
  const [command = "start", ...rest] = process.argv.slice(2);
  if (command === "agent:replay") {
    // No install step: its output would mix with the JSON on stdout. Paths are the caller's
    // (pnpm runs scripts from the root; INIT_CWD is where it was typed), and the exit code is the replay's.
    const cli = path.join(ROOT, "tooling/agent-replay/src/cli.ts");
    if (!existsSync(path.join(ROOT, "tooling/agent-replay/node_modules"))) {
      const [node, pnpmCli] = ensurePnpm();
      log("installing dependencies");
      const status = run(node, [pnpmCli, "install", "--reporter=append-only"], { stdio: [0, 2, 2] });
      if (status !== 0) process.exit(status);
    }
    process.exit(run(process.execPath, [cli, ...rest], { cwd: process.env.INIT_CWD ?? process.cwd() }));
  }
  const [node, pnpmCli] = ensurePnpm();
  const pnpm = (args, opts) => mustRun(node, [pnpmCli, ...args], opts);
  // Child processes (turbo, vitest, the server) must find this Node and pnpm first on PATH.
  const pnpmBin = path.join(path.dirname(pnpmCli), "..", "..", ".bin"); // npm links `pnpm` here; turbo looks it up by name
  process.env.PATH = `${path.dirname(node)}${path.delimiter}${pnpmBin}${path.delimiter}${process.env.PATH}`;
  process.env.TURBO_TELEMETRY_DISABLED = "1";
  process.env.DO_NOT_TRACK = "1";

  log(`Node ${process.versions.node}, pnpm ${PNPM_VERSION}: installing dependencies`);
  pnpm(["install", ...(process.env.CI ? ["--frozen-lockfile"] : []), "--reporter=append-only"]);

  const turbo = (args) => pnpm(["exec", "turbo", "run", ...args, "--output-logs=errors-only"]);
  switch (command) {
    case "start":
      turbo(["build"]);
      log(`starting ServicePro on http://localhost:${process.env.PORT ?? "3000"}`);
      pnpm(["--filter", "@servicepro/server", "run", "start", ...rest]);
      break;
    case "dev":
      pnpm(["exec", "turbo", "run", "dev", ...rest]);
      break;
    case "build":
      turbo(["build"]);
      break;
    case "test":
      // Static checks first: an unformatted file, an inconsistent package.json or a type error
      // should fail fast, before any database is created.
      pnpm(["exec", "biome", "ci", "--colors=off", "."]);
      pnpm(["exec", "sherif"]);
      turbo(["typecheck", "lint"]);
      turbo(["build"]); // the browser tests drive the production bundles
      mustRun(node, [path.join(ROOT, "tooling/testkit/src/run-all.ts"), ...rest]);
      break;
    case "db:migrate":
      pnpm(["--filter", "@servicepro/server", "run", "migrate", ...rest]);
      break;
    case "db:seed":
      pnpm(["--filter", "@servicepro/server", "run", "seed", ...rest]);
      break;
    case "bench":
      pnpm(["--filter", "@servicepro/bench", "run", "bench", ...rest]);
      break;
    case "eval":
      // The SMS agent's labelled evaluation: figures per brain, PASS/FAIL per goal, docs/agent-eval.md.
      pnpm(["--filter", "@servicepro/agent-eval", "run", "eval", ...rest]);
      break;
    default:
      log(`unknown command "${command}": use start, dev, build, test, db:migrate, db:seed, bench or eval`);
      process.exit(2);
  }
}

main();
