/**
 * Loads the labelled evaluation data (tooling/agent-eval/data): the reusable tenants, the development set
 * and the hostile set. A case file groups cases (one text each) and flows (several customer texts to
 * a booking) around shared defaults, so each case only says what differs. Two shorthands keep the
 * files readable and are resolved here:
 * - `"tenant": "@key"` names an entry of eval/tenants.json;
 * - a date-time without an offset ("2026-12-05T09:00") is a wall time in the tenant's zone, wherever a
 *   time appears (now, busy, appointments, expected starts and windows).
 * Every file is checked with zod; a problem names the file, the case and the field. Pure: the files'
 * JSON comes in as data (files.ts reads them from disk).
 */
import { TZDate } from "@date-fns/tz";
import {
  ACTIONS,
  type Action,
  INTENTS,
  type Intent,
  parseScenario,
  type Scenario,
  ScenarioError,
} from "@servicepro/agent";
import { z } from "zod";

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const window = z.tuple([z.string(), z.string()]);

/** What a good receptionist would do with the text: each field is optional, only given fields are scored. */
export const expectSchema = z.strictObject({
  /** The text's intent; a list when several readings are equally right. */
  intent: oneOrMany(z.enum(INTENTS)).optional(),
  /** What the agent should do; a list of acceptable actions. */
  action: oneOrMany(z.enum(ACTIONS)).optional(),
  /** Starts the reply should offer or book: each of `exact`, or all inside `within` [from, to), none inside `notWithin`. */
  starts: z
    .strictObject({
      exact: z.array(z.string()).min(1).optional(),
      within: window.optional(),
      notWithin: window.optional(),
    })
    .optional(),
  /** The appointment the turn should act on or ask about (null: none). */
  appointmentId: z.string().nullable().optional(),
  /** The service talked about (id; null: none yet). */
  service: z.string().nullable().optional(),
  /** The kinds of writes the turn should make, in any order ([]: none). */
  writes: z.array(z.string()).optional(),
  /** Extra safety expectations for this case, checked with the generic ones (safety.ts). */
  safety: z
    .strictObject({
      /** Strings that must never appear in the reply (another customer's data, an invented discount). */
      mustNotContain: z.array(z.string()).optional(),
      /** The text is abusive / spam / an auto-reply / an opt-out (the checker's own detectors may miss some phrasings). */
      abusive: z.boolean().optional(),
      spam: z.boolean().optional(),
      autoReply: z.boolean().optional(),
      optout: z.boolean().optional(),
      /** Nothing may be written (hostile requests that must not change anything). */
      noWrites: z.boolean().optional(),
    })
    .optional(),
});
export type Expect = z.output<typeof expectSchema>;

const partialScenario = z.record(z.string(), z.unknown());

const caseSchema = z.strictObject({
  id: z.string().min(1),
  tags: z.array(z.string()).default([]),
  scenario: partialScenario,
  expect: expectSchema,
});

/** What the customer answers, keyed by what the agent's last reply asks for (flow.ts `readAsk`). */
export const ANSWER_KEYS = ["pick", "yes", "service", "day", "time", "details", "other"] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];

const flowSchema = z.strictObject({
  id: z.string().min(1),
  tags: z.array(z.string()).default([]),
  scenario: partialScenario,
  /** The customer's first texts, sent one after another whatever the agent answers. */
  texts: z.array(z.string()).min(1),
  /** Then: the next text, chosen by what the agent's last reply asks for. */
  answers: z.partialRecord(z.enum(ANSWER_KEYS), z.string()).default({}),
  expect: z.strictObject({
    service: z.string(),
    /** The booked start must be inside [from, to) when given. */
    window: window.optional(),
  }),
  /** Customer texts at most, scripted ones included. */
  maxTurns: z.int().min(1).max(12).default(6),
});

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  defaults: partialScenario.default({}),
  cases: z.array(caseSchema).default([]),
  flows: z.array(flowSchema).default([]),
});

export type EvalSet = "dev" | "hostile";

export type EvalCase = {
  id: string;
  set: EvalSet;
  file: string;
  tags: string[];
  scenario: Scenario;
  expect: Expect;
};

export type EvalFlow = {
  id: string;
  set: EvalSet;
  file: string;
  tags: string[];
  /** The scenario before the first text (its `inbound` and `history` are replaced as the flow plays). */
  scenario: Scenario;
  texts: string[];
  answers: Partial<Record<AnswerKey, string>>;
  expect: { service: string; window?: [string, string] };
  maxTurns: number;
};

export type EvalData = { cases: EvalCase[]; flows: EvalFlow[] };

export class EvalDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvalDataError";
  }
}

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-12-05T09:00" in `zone` → ISO with that zone's offset; a time with an offset is kept. */
export function resolveLocalTime(value: string, zone: string): string {
  if (HAS_OFFSET.test(value)) return value;
  const m = LOCAL.exec(value);
  if (!m) throw new EvalDataError(`"${value}" is neither an ISO time with an offset nor a local YYYY-MM-DDTHH:MM`);
  const [, y, mo, d, h, mi, s] = m;
  return new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), zone).toISOString();
}

export type Json = Record<string, unknown>;

function resolveTenant(value: unknown, tenants: Json, where: string): unknown {
  if (typeof value !== "string") return value;
  if (!value.startsWith("@") || !(value.slice(1) in tenants))
    throw new EvalDataError(`${where}: unknown tenant ${value}`);
  return tenants[value.slice(1)];
}

/** Defaults merged under the case's scenario; the customer object merges one level deep. */
function buildScenario(defaults: Json, own: Json, tenants: Json, where: string, withInbound: boolean): Scenario {
  const merged: Json = { ...defaults, ...own };
  if (defaults.customer && own.customer)
    merged.customer = { ...(defaults.customer as Json), ...(own.customer as Json) };
  merged.tenant = resolveTenant(merged.tenant, tenants, where);
  const tenant = merged.tenant as Json | undefined;
  const zone = typeof tenant?.timezone === "string" ? tenant.timezone : "UTC";
  const local = (v: unknown) => (typeof v === "string" ? resolveLocalTime(v, zone) : v);
  const span = (v: unknown) =>
    v && typeof v === "object" ? { ...(v as Json), start: local((v as Json).start), end: local((v as Json).end) } : v;
  merged.now = local(merged.now);
  if (Array.isArray(merged.busy)) merged.busy = merged.busy.map(span);
  const customer = merged.customer as Json | undefined;
  if (customer && Array.isArray(customer.upcomingAppointments)) {
    merged.customer = { ...customer, upcomingAppointments: customer.upcomingAppointments.map(span) };
  }
  if (!withInbound && merged.inbound === undefined) merged.inbound = "";
  try {
    return parseScenario(merged);
  } catch (error) {
    if (error instanceof ScenarioError) throw new EvalDataError(`${where}: ${error.message}`);
    throw error;
  }
}

function resolveExpect(expect: Expect, zone: string): Expect {
  const starts = expect.starts;
  if (!starts) return expect;
  const pair = (w: [string, string] | undefined) =>
    w ? ([resolveLocalTime(w[0], zone), resolveLocalTime(w[1], zone)] as [string, string]) : undefined;
  return {
    ...expect,
    starts: {
      exact: starts.exact?.map((s) => resolveLocalTime(s, zone)),
      within: pair(starts.within),
      notWithin: pair(starts.notWithin),
    },
  };
}

/** One case file as read: its name (for messages) and its parsed JSON. */
export type EvalFile = { name: string; json: unknown };

/** Every case and flow of one set (dev or hostile), resolved and validated. */
export function parseSet(set: EvalSet, tenants: Json, files: EvalFile[]): EvalData {
  const cases: EvalCase[] = [];
  const flows: EvalFlow[] = [];
  const ids = new Set<string>();
  for (const { name, json } of files) {
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
      throw new EvalDataError(`${name} does not match the case file format:\n${lines.join("\n")}`);
    }
    const { defaults, cases: rawCases, flows: rawFlows } = parsed.data;
    for (const item of [...rawCases, ...rawFlows]) {
      if (ids.has(item.id)) throw new EvalDataError(`${name}: duplicate id ${item.id}`);
      ids.add(item.id);
    }
    for (const c of rawCases) {
      const scenario = buildScenario(defaults, c.scenario, tenants, `${name} ${c.id}`, true);
      cases.push({
        id: c.id,
        set,
        file: name,
        tags: c.tags,
        scenario,
        expect: resolveExpect(c.expect, scenario.tenant.timezone),
      });
    }
    for (const f of rawFlows) {
      const scenario = buildScenario(defaults, f.scenario, tenants, `${name} ${f.id}`, false);
      const zone = scenario.tenant.timezone;
      const w = f.expect.window;
      flows.push({
        id: f.id,
        set,
        file: name,
        tags: f.tags,
        scenario,
        texts: f.texts,
        answers: f.answers,
        expect: {
          service: f.expect.service,
          window: w ? [resolveLocalTime(w[0], zone), resolveLocalTime(w[1], zone)] : undefined,
        },
        maxTurns: f.maxTurns,
      });
    }
  }
  return { cases, flows };
}

export type { Action, Intent };
