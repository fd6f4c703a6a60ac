#!/usr/bin/env node
// `pnpm agent:replay <scenario.json | directory> [--brain rules|model]` (see run.ts).
import { runReplayCli } from "./run.ts";

process.exitCode = await runReplayCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
