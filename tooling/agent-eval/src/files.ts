/**
 * Reads the evaluation data from disk (tooling/agent-eval/data: tenants.json, dev/*.json,
 * hostile/*.json) and writes the markdown report.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type EvalData, type EvalSet, type Json, parseSet } from "./load.ts";
import { markdownReport } from "./report.ts";
import type { EvalRun } from "./run.ts";

export const EVAL_DIR = fileURLToPath(new URL("../data/", import.meta.url));
export const REPORT_PATH = fileURLToPath(new URL("../../../docs/agent-eval.md", import.meta.url));

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

export function loadTenants(dir = EVAL_DIR): Json {
  return readJson(path.join(dir, "tenants.json")) as Json;
}

export function loadSet(set: EvalSet, dir = EVAL_DIR): EvalData {
  const files = readdirSync(path.join(dir, set))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: `${set}/${f}`, json: readJson(path.join(dir, set, f)) }));
  return parseSet(set, loadTenants(dir), files);
}

export function writeReport(run: EvalRun, file = REPORT_PATH): void {
  writeFileSync(file, markdownReport(run));
}
