import { base, readsEnv } from "@servicepro/eslint-config";

// Tooling runs around the app (tests, benchmarks, dev servers) and takes its settings from the environment.
export default [...base, readsEnv(["**/*.ts", "**/*.js", "**/*.mjs"])];
