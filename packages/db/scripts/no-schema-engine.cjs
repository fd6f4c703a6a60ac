#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded here.
// `prisma generate | validate | format` only check that this file exists. Anything that really
// needs the engine (`prisma migrate *`, `prisma db *`) gets an explicit error, so no command can
// "succeed" silently. Use `pnpm db:migrate` and the migrate:* scripts of @servicepro/db instead.
const message =
  "The native Prisma schema engine is not installed. Use `pnpm db:migrate` and the migrate:* scripts of @servicepro/db instead of `prisma migrate` / `prisma db`.";
const argv = process.argv.slice(2);
if (argv.includes("--version")) {
  console.log("schema-engine-cli not-installed");
} else if (argv.includes("cli")) {
  process.stderr.write(
    "\n" + JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message } }) + "\n",
  );
  process.exitCode = 1;
} else {
  require("node:readline")
    .createInterface({ input: process.stdin })
    .on("line", (line) => {
      let id = null;
      try {
        id = JSON.parse(line).id ?? null;
      } catch {}
      process.stdout.write(
        JSON.stringify({
          jsonrpc: "2.0",
          id,
          error: { code: 4466, message, data: { is_panic: false, message, meta: {} } },
        }) + "\n",
      );
    });
}
