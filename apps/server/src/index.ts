// For tests and the benchmark harness: build the app without starting a process.
export { type AppConfig, type AppDeps, createApp, type HonoEnv } from "./app.ts";
export { type Env, loadEnv } from "./env.ts";
export { type AppLogger, createLogger } from "./logger.ts";
export { DEFAULT_OWNER_EMAIL, prepareAccounts } from "./startup.ts";
