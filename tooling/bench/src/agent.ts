// The SMS agent's latency (issue 13): from the inbound webhook's 200 to the agent's reply entering
// the outbox (a messages row of kind ai_reply), with the model brain pointed at a fake OpenAI server
// that answers in a fixed time, one text at a time, each from a new customer. Its yardstick is that
// fixed time plus the rules engine's own p50 per turn, measured in this process in the same run.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import {
  createScenarioWorld,
  customerFromScenario,
  DEFAULT_LIMITS,
  factsFromScenario,
  isoInZone,
  NEW_STATE,
  parseScenario,
  runTurn,
} from "@servicepro/agent";
import { competentModelHandler, type FakeOpenAI, startFakeOpenAI } from "@servicepro/agent-openai/testing";
import type { TestDatabase } from "@servicepro/db/testing";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, signedTwilioRequest } from "@servicepro/testkit";
import type pg from "pg";
import { NAMES, settings } from "./config.ts";
import type { Figure } from "./figures.ts";
import type { Sample } from "./measure.ts";
import { asOwner } from "./seed.ts";
import { quantile } from "./stats.ts";

export const AGENT_TENANT = "bench-agent";
export const AGENT_NUMBER = "+15555550300";
const TIME_ZONE = "America/Chicago";
const TEXT = "Do you have an opening Saturday morning for a full detail?";
const HOURS = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["07:00", "19:00"]]]),
);
const SERVICE = { name: "Full Detail", durationMinutes: 120, priceCents: 19_900 };
const CREWS = 3;

/** What the fake model saw: when each request arrived and when its answer left (this process's clock). */
export type ModelLog = { arrived: number; answered: number; arrivedWall: number }[];

/** The fake OpenAI server: the competent model, answering `delayMs` after each request. */
export async function startAgentModel(delayMs: number): Promise<{ server: FakeOpenAI; log: ModelLog }> {
  const log: ModelLog = [];
  const server = await startFakeOpenAI({
    delayMs,
    handler: async (request) => {
      const entry = { arrived: performance.now(), answered: 0, arrivedWall: Date.now() };
      log.push(entry);
      const answer = await competentModelHandler(request);
      // The server waits delayMs after the handler: the answer leaves then.
      setTimeout(() => (entry.answered = performance.now()), delayMs);
      return answer;
    },
  });
  return { server, log };
}

/**
 * A detailer on auto-pilot with a plan that includes the agent: opening hours every day, one
 * service, three crews. Before the app starts (its routing snapshot is loaded then).
 */
export async function agentTenant(db: TestDatabase): Promise<void> {
  await asOwner(db, async (client) => {
    await client.query(
      `INSERT INTO tenants (id, name, slug, plan_tier, status, timezone, updated_at)
       VALUES ($1, 'Bench Detailing', $1, 'elite', 'active', $2, now())`,
      [AGENT_TENANT, TIME_ZONE],
    );
    await client.query(
      `INSERT INTO tenant_phone_configs (phone_number, tenant_id, label, forward_to, updated_at)
       VALUES ($1, $2, 'Main', '+15555550399', now())`,
      [AGENT_NUMBER, AGENT_TENANT],
    );
    await client.query(
      `INSERT INTO booking_settings (tenant_id, hours, slot_interval_minutes, lead_time_minutes, booking_window_days,
         max_concurrent, updated_at) VALUES ($1, $2, 30, 60, 30, $3, now())`,
      [AGENT_TENANT, JSON.stringify(HOURS), CREWS],
    );
    await client.query(
      `INSERT INTO services (tenant_id, id, name, description, duration_minutes, price_cents, updated_at)
       VALUES ($1, gen_random_uuid(), $2, '', $3, $4, now())`,
      [AGENT_TENANT, SERVICE.name, SERVICE.durationMinutes, SERVICE.priceCents],
    );
    for (let i = 0; i < CREWS; i++)
      await client.query(
        `INSERT INTO bookables (tenant_id, id, kind, name, position, updated_at)
         VALUES ($1, gen_random_uuid(), 'crew', $2, $3, now())`,
        [AGENT_TENANT, `Crew ${i + 1}`, i],
      );
    await client.query(`INSERT INTO agent_settings (tenant_id, mode, updated_at) VALUES ($1, 'autopilot', now())`, [
      AGENT_TENANT,
    ]);
  });
}

/** The rules engine's own time per turn on the same business and text, in memory (milliseconds each). */
export async function rulesTurnTimes(count: number): Promise<number[]> {
  const scenario = parseScenario({
    tenant: {
      name: "Bench Detailing",
      timezone: TIME_ZONE,
      hours: HOURS,
      services: [
        {
          id: "full-detail",
          name: SERVICE.name,
          durationMinutes: SERVICE.durationMinutes,
          price: SERVICE.priceCents / 100,
        },
      ],
      bookingPolicy: { leadTimeHours: 1, maxDaysAhead: 30, slotIntervalMinutes: 30, concurrentJobs: CREWS },
    },
    now: isoInZone(new Date(), TIME_ZONE),
    customer: { known: false, phone: "+17376000000" },
    inbound: TEXT,
  });
  const facts = factsFromScenario(scenario);
  const customer = customerFromScenario(scenario, facts);
  const now = new Date(scenario.now);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const world = createScenarioWorld(facts, customer, [], now);
    const started = performance.now();
    await runTurn(
      { facts, customer, state: NEW_STATE, history: [], inbound: TEXT, now, limits: DEFAULT_LIMITS },
      { world },
    );
    times.push(performance.now() - started);
  }
  return times;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One text's timeline in milliseconds. `phases` are wall-clock steps (the database's timestamps and
 * this process's Date.now(): one machine, one clock): 200 → the agent job queued (the intake applies
 * the staged webhook), → the job fetched by the worker, → the turn started (agent_runs.created_at),
 * → the first model request, → the last model answer, → the turn's end (created_at + duration_ms),
 * → the reply row seen.
 */
type Timeline = {
  total: number;
  toModel: number | null;
  afterModel: number | null;
  calls: number;
  phases: Record<string, number | null>;
};

const PHASES = [
  "ack→queued",
  "queued→fetched",
  "fetched→turn",
  "turn→model",
  "model",
  "model→turn end",
  "turn end→seen",
];

function describe(timelines: readonly Timeline[]): string {
  const p50 = (xs: (number | null)[]) => {
    const known = xs.filter((x): x is number => x !== null && Number.isFinite(x));
    return known.length > 0 ? quantile(known, 0.5).toFixed(0) : "–";
  };
  return [
    `total p50 ${p50(timelines.map((t) => t.total))} ms; model calls per text p50 ${p50(timelines.map((t) => t.calls))}; phase p50s (ms)`,
    ...PHASES.map((phase) => `${phase} ${p50(timelines.map((t) => t.phases[phase] ?? null))}`),
  ].join(", ");
}

export function agentFigures(ctx: {
  db: TestDatabase;
  appUrl: string;
  publicBaseUrl: string;
  model: ModelLog;
}): Figure[] {
  const delayMs = settings.agentModelMs;
  const texts = settings.agentTexts;
  const tag = randomBytes(2).toString("hex");
  let sender = 0;

  /** Sends one text from a new customer and waits for the agent's reply row; its timeline. */
  const oneText = async (client: pg.Client): Promise<Timeline> => {
    sender++;
    const from = `+1737${String(Number.parseInt(tag, 16) % 1000).padStart(3, "0")}${String(sender).padStart(4, "0")}`;
    const sid = `SM${tag}${randomBytes(15).toString("hex")}`;
    const { init } = signedTwilioRequest({
      publicBaseUrl: ctx.publicBaseUrl,
      path: "/twilio/sms/incoming",
      params: {
        MessageSid: sid,
        SmsSid: sid,
        AccountSid: FAKE_ACCOUNT_SID,
        From: from,
        To: AGENT_NUMBER,
        Body: TEXT,
        NumMedia: "0",
        NumSegments: "1",
        SmsStatus: "received",
        ApiVersion: "2010-04-01",
      },
      authToken: FAKE_AUTH_TOKEN,
    });
    const calls = ctx.model.length;
    const res = await fetch(`${ctx.appUrl}/twilio/sms/incoming`, init);
    await res.arrayBuffer();
    const acked = performance.now();
    const ackedWall = Date.now();
    if (!res.ok) throw new Error(`agent text: the webhook answered ${res.status}`);
    for (;;) {
      const { rows } = await client.query(
        `SELECT 1 FROM messages m WHERE m.tenant_id = $1 AND m.kind = 'ai_reply' AND m.to_number = $2 LIMIT 1`,
        [AGENT_TENANT, from],
      );
      const seen = performance.now();
      if (rows.length > 0) {
        const seenWall = ackedWall + (seen - acked);
        const mine = ctx.model.slice(calls);
        const [at] = (
          await client.query<{ queued: number; fetched: number; turn: number; turn_end: number }>(
            `SELECT extract(epoch FROM j.created_on) * 1000 AS queued, extract(epoch FROM j.started_on) * 1000 AS fetched,
                    extract(epoch FROM r.created_at) * 1000 AS turn,
                    extract(epoch FROM r.created_at) * 1000 + r.duration_ms AS turn_end
               FROM messages m
               JOIN agent_runs r ON r.tenant_id = m.tenant_id AND r.inbound_message_id = m.id
               LEFT JOIN pgboss.job j ON j.name = 'agent.reply' AND j.data->>'messageId' = m.id::text
              WHERE m.tenant_id = $1 AND m.twilio_sid = $2`,
            [AGENT_TENANT, sid],
          )
        ).rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Number(v)])));
        const firstModel = mine[0]?.arrivedWall ?? null;
        const span = (a: number | null | undefined, b: number | null | undefined) =>
          a === null || a === undefined || b === null || b === undefined ? null : b - a;
        const lastAnswerWall = mine.at(-1)?.answered ? ackedWall + (mine.at(-1)!.answered - acked) : null;
        return {
          total: seen - acked,
          toModel: mine[0] ? mine[0].arrived - acked : null,
          afterModel: mine.at(-1)?.answered ? seen - mine.at(-1)!.answered : null,
          calls: mine.length,
          phases: {
            "ack→queued": span(ackedWall, at?.queued),
            "queued→fetched": span(at?.queued, at?.fetched),
            "fetched→turn": span(at?.fetched, at?.turn),
            "turn→model": span(at?.turn, firstModel),
            model: span(firstModel, lastAnswerWall),
            "model→turn end": span(lastAnswerWall, at?.turn_end),
            "turn end→seen": span(at?.turn_end, seenWall),
          },
        };
      }
      if (seen - acked > 60_000) throw new Error(`agent text from ${from}: no reply in the outbox after 60 s`);
      await sleep(2);
    }
  };

  return [
    {
      group: "agent",
      name: NAMES.agent,
      connections: 1,
      oneConnection: true,
      note: `SMS agent: ${texts} texts per sample, one at a time, each from a new customer to a business on auto-pilot ("${TEXT}"); the model brain talks to a fake OpenAI server (the competent model) that answers ${delayMs} ms after each request; timed from the webhook's 200 to the reply's messages row (kind ai_reply) being visible, polled every 2 ms.`,
      async measure(): Promise<Sample> {
        const sample = await asOwner(ctx.db, async (client) => {
          const run: Timeline[] = [];
          const started = performance.now();
          for (let i = 0; i < texts; i++) run.push(await oneText(client));
          const totals = run.map((t) => t.total);
          process.stderr.write(`  agent: ${describe(run)}\n`);
          return {
            rps: (texts / (performance.now() - started)) * 1000,
            p50: quantile(totals, 0.5),
            p99: quantile(totals, 0.99),
            non2xx: 0,
            total: texts,
            wholeMs: false,
          };
        });
        return sample;
      },
    },
    {
      group: "agent",
      name: NAMES.agentBudget,
      connections: 1,
      oneConnection: true,
      note: `The agent's budget: the fake model's ${delayMs} ms plus the rules engine's own time per turn (runTurn in this process, ${settings.agentRulesTurns} turns on the same business and text, in memory).`,
      async measure(): Promise<Sample> {
        const started = performance.now();
        const times = await rulesTurnTimes(settings.agentRulesTurns);
        const rulesP50 = quantile(times, 0.5);
        process.stderr.write(
          `  rules engine: p50 ${rulesP50.toFixed(2)} ms, p99 ${quantile(times, 0.99).toFixed(2)} ms per turn (${times.length} turns)\n`,
        );
        return {
          rps: (times.length / (performance.now() - started)) * 1000,
          p50: delayMs + rulesP50,
          p99: delayMs + quantile(times, 0.99),
          non2xx: 0,
          total: times.length,
          wholeMs: false,
        };
      },
    },
  ];
}
