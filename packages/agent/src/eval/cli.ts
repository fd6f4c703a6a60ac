/* eslint-disable no-restricted-globals, no-console -- the command line: arguments in, a summary out, an exit code */
/**
 * `pnpm eval`: runs the evaluation for every registered brain (brains.ts), prints the figures with
 * PASS/FAIL per goal and writes docs/agent-eval.md. Exits 1 when a goal fails. `--filter <text>`
 * runs only the cases and flows whose id contains the text (and leaves the report alone).
 */
import { REPORT_PATH, writeReport } from "./files.ts";
import { allGoals, consoleSummary } from "./report.ts";
import { runEval } from "./run.ts";

const args = process.argv.slice(2);
const filterAt = args.indexOf("--filter");
const filter = filterAt >= 0 ? args[filterAt + 1] : undefined;

const run = await runEval({ filter });
console.log(consoleSummary(run));
if (!filter) {
  writeReport(run);
  console.log(`\nWrote ${REPORT_PATH}`);
}
process.exitCode = allGoals(run).every((g) => g.passed) ? 0 : 1;
