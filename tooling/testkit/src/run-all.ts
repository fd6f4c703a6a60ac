// Runs every vitest project once and ends with the plain "N passed, N failed" line CI reads.
// Usage (from the repo root, under Node 22): node tooling/testkit/src/run-all.ts [vitest args]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { summarize, type VitestJsonReport } from "./summary.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const report = path.join(root, ".cache", "vitest-report.json");
mkdirSync(path.dirname(report), { recursive: true });
rmSync(report, { force: true });

const engines = process.env.TEST_DATABASE_URL
  ? "PGlite and PostgreSQL"
  : "PGlite only (set TEST_DATABASE_URL to add PostgreSQL)";
process.stderr.write(`[servicepro] running every test; databases: ${engines}\n`);

const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const result = spawnSync(
  process.execPath,
  [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
  },
);

if (!existsSync(report)) {
  console.error("vitest wrote no report");
  process.exit(result.status || 1);
}
const summary = summarize(JSON.parse(readFileSync(report, "utf8")) as VitestJsonReport);
process.stdout.write(`\n${summary.line}\n`);
process.exit(result.status !== 0 || summary.failed > 0 || summary.passed === 0 ? result.status || 1 : 0);
