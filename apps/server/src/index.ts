// For tests and the benchmark harness: build the app without starting a process.
export { createApp, type AppConfig, type AppDeps, type HonoEnv } from "./app.ts";
export { loadEnv, type Env } from "./env.ts";
export { createLogger, type AppLogger } from "./logger.ts";
export { prepareAccounts, DEFAULT_OWNER_EMAIL } from "./startup.ts";
