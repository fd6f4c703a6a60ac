// The bench's settings (from the environment) and the names its figures and goals share.
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export const settings = {
  /** Seconds per load sample. */
  durationS: Number(process.env.BENCH_DURATION_S ?? 5),
  /** Interleaved rounds; every goal is the median of its per-round ratios, so use 3 or more for a report. */
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  /** Connections for the dashboard figures (tRPC, /healthz). The webhook and voice figures set their own. */
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  /** Connections for the SMS webhook figures (issue 12: "at 50 connections"). */
  webhookConnections: Number(process.env.BENCH_WEBHOOK_CONNECTIONS ?? 50),
  /** Figure groups to run (comma-separated ids, see FIGURE_GROUPS); empty: all of them. */
  only: (process.env.BENCH_ONLY ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
  /**
   * Where to write the report: unset writes nothing (the tables go to stdout), "1" or "true" rewrites
   * the generated blocks of docs/benchmarks.md, any other value is a path to write instead.
   */
  report: process.env.BENCH_REPORT ?? "",
  /** "1": run ServicePro with --cpu-prof and print its hottest functions at the end (use with BENCH_ONLY). */
  profile: process.env.BENCH_PROFILE === "1" || process.env.BENCH_PROFILE === "true",
  /** Rows per tenant for the list figures (issue 12: 10^5). */
  listRows: Number(process.env.BENCH_LIST_ROWS ?? 100_000),
  databaseUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  /** The agent figure's fake model: milliseconds from each request to its answer (issue 13: "a fixed time"). */
  agentModelMs: Number(process.env.BENCH_AGENT_MODEL_MS ?? 400),
  /** Texts per agent sample, each from a new customer (issue 13's goal is a p50 over at least 30). */
  agentTexts: Number(process.env.BENCH_AGENT_TEXTS ?? 30),
  /** In-process rules-engine turns per sample of the agent's budget (at least 200). */
  agentRulesTurns: Number(process.env.BENCH_AGENT_RULES_TURNS ?? 300),
};

/**
 * Figure groups, the unit BENCH_ONLY selects. A group brings its yardsticks along (the list figures
 * need the no-op procedure), and the bare route runs with every figure whatever is chosen.
 */
export const FIGURE_GROUPS = [
  "healthz",
  "auth",
  "admin",
  "noop",
  "availability",
  "customers",
  "customers-search",
  "inbox",
  "sms",
  "sms-e2e",
  "voice",
  "agent",
  "campaigns",
  "data",
] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

/** "10^5" at the size, the row count otherwise (BENCH_LIST_ROWS, for trying the bench out). */
const rows = settings.listRows === 100_000 ? "10^5" : settings.listRows.toLocaleString("en-US");

/** Display names: the report's rows and the goal table refer to figures by these. */
export const NAMES = {
  baseline: "bare Hono route",
  healthz: "GET /healthz",
  auth: "auth.context (signed in)",
  admin: "admin.tenants.list (owner)",
  noop: "tenant.plan.summary (staff session, no-op)",
  availability: "tenant.appointments.availability (14 days, 5,000 appointments)",
  customersFirst: `tenant.customers.list (first page of 50, ${rows} customers)`,
  customersDeep: `tenant.customers.list (deepest page, ${rows} customers)`,
  searchFirst: `tenant.customers.list (search, first page of 50, ${rows} customers)`,
  searchDeep: `tenant.customers.list (search, deepest page, ${rows} customers)`,
  inboxFirst: `tenant.inbox.conversations (first page of 50, ${rows} conversations)`,
  inboxDeep: `tenant.inbox.conversations (deepest page, ${rows} conversations)`,
  sms: `POST /twilio/sms/incoming (signed, new SID each, ${settings.webhookConnections} connections)`,
  smsE2e: `SMS end to end (acknowledged → in the inbox, ${settings.webhookConnections} connections)`,
  voice: "POST /twilio/voice/incoming (signed, new CallSid each, 1 connection)",
  agent: `SMS agent reply (webhook 200 → ai_reply in the outbox, fake model ${settings.agentModelMs} ms, 1 text at a time)`,
  agentBudget: `SMS agent budget (fake model ${settings.agentModelMs} ms + the rules engine's p50 per turn)`,
} as const;

/** The list figures' search: one surname in twenty, so 5,000 of the 100,000 customers match. */
export const CUSTOMER_SEARCH = "miller";
/** The demo business the dashboard figures sign in to (its admin is in prisma/seed/demo.json). */
export const DEMO_TENANT = "green-lawn";
/** Its number (forwarding, a menu after hours): the voice entry's called number. */
export const DEMO_NUMBER = "+15555550101";
export const OWNER = { email: "owner@bench.test", password: "bench-owner-password" };
export const DEMO_PASSWORD = "bench-demo-password";
export const DEMO_ADMIN = { email: "admin@greenlawn.example", password: DEMO_PASSWORD };
