/**
 * The replay scenario: one business, one customer, a conversation so far and the text to answer
 * (docs/agent-replay.md). `pnpm agent:replay` runs it through the real agent on a throwaway
 * database; `pnpm eval` runs hundreds of them. Money in a scenario is in dollars (what people write);
 * the agent works in cents. Field names that people commonly write instead (amount/price, min/max,
 * label/name) are accepted; a wrong type or a missing field is an error naming the field.
 */
import { WEEKDAYS, weeklyHoursSchema } from "@servicepro/scheduling";
import { z } from "zod";
import { ACTIONS, INTENTS } from "./types.ts";

const dollars = z.number().min(0).max(100_000);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const isoWithOffset = z.iso.datetime({ offset: true, message: "an ISO-8601 date and time with an offset" });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a 24-hour HH:MM time");

/** The price shapes of the issue, with the common spellings of their amounts folded in. */
const pick = (raw: Record<string, unknown>, ...keys: string[]) => keys.map((k) => raw[k]).find((v) => v !== undefined);
export const scenarioPriceSchema = z.preprocess(
  (raw) => {
    if (typeof raw === "number") return { type: "fixed", amount: raw };
    if (!raw || typeof raw !== "object") return raw;
    const r = raw as Record<string, unknown>;
    switch (r.type) {
      case "fixed":
        return { type: "fixed", amount: pick(r, "amount", "price", "value", "dollars") };
      case "range":
        return {
          type: "range",
          min: pick(r, "min", "from", "low"),
          max: pick(r, "max", "to", "high"),
          dependsOn: r.dependsOn ?? null,
        };
      case "tiered":
        return {
          type: "tiered",
          tiers: Array.isArray(r.tiers)
            ? r.tiers.map((t) =>
                t && typeof t === "object"
                  ? {
                      label: pick(t as Record<string, unknown>, "label", "name", "size", "tier"),
                      amount: pick(t as Record<string, unknown>, "amount", "price", "value"),
                    }
                  : t,
              )
            : r.tiers,
        };
      case "hourly":
        return {
          type: "hourly",
          rate: pick(r, "rate", "perHour", "amount", "price", "hourly"),
          minimumHours: pick(r, "minimumHours", "minHours", "minimum") ?? null,
        };
      default:
        return r;
    }
  },
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("fixed"), amount: dollars }),
    z.object({ type: z.literal("range"), min: dollars, max: dollars, dependsOn: z.string().nullable() }),
    z.object({
      type: z.literal("tiered"),
      tiers: z.array(z.object({ label: z.string().min(1), amount: dollars })).min(1),
    }),
    z.object({ type: z.literal("hourly"), rate: dollars, minimumHours: z.number().min(0).nullable() }),
    z.object({ type: z.literal("quote") }),
  ]),
);

/** Lenient on day names ("monday", "Mon"): the issue writes `mon`. */
const hoursSchema = z.preprocess((raw) => {
  if (!raw || typeof raw !== "object") return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const day = WEEKDAYS.find((d) => key.toLowerCase().startsWith(d));
    out[day ?? key] = value;
  }
  return out;
}, weeklyHoursSchema);

export const scenarioServiceSchema = z.object({
  id: z.string().min(1).max(80),
  name: z.string().min(1).max(120),
  durationMinutes: z.int().min(5).max(1440),
  price: scenarioPriceSchema,
  notes: z.string().max(1000).nullish(),
});

export const scenarioServiceRuleSchema = z.object({
  serviceId: z.string().min(1),
  days: z.array(z.enum(WEEKDAYS)).nullish(),
  startWindows: z.array(z.tuple([clock, clock])).nullish(),
  dateRange: z.object({ from: localDate.optional(), to: localDate.optional() }).nullish(),
});

export const scenarioTenantSchema = z.object({
  name: z.string().min(1).max(120),
  industry: z.string().max(80).nullish(),
  timezone: z.string().refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: "an IANA time zone, e.g. America/Chicago" },
  ),
  hours: hoursSchema,
  closedDates: z.array(localDate).max(400).default([]),
  services: z.array(scenarioServiceSchema).min(1).max(100),
  addOns: z
    .array(
      z.object({
        id: z.string().min(1).max(80),
        name: z.string().min(1).max(120),
        price: dollars,
        durationMinutes: z.int().min(0).max(720).default(0),
        appliesTo: z.array(z.string()).default([]),
        offerWhen: z.string().max(300).nullish(),
      }),
    )
    .max(100)
    .default([]),
  faqs: z
    .array(z.object({ id: z.string().min(1).max(80), question: z.string().min(1), answer: z.string().min(1) }))
    .max(200)
    .default([]),
  bookingPolicy: z
    .object({
      leadTimeHours: z
        .number()
        .min(0)
        .max(24 * 365)
        .default(2),
      maxDaysAhead: z.int().min(0).max(731).default(60),
      slotIntervalMinutes: z.int().min(5).max(1440).default(30),
      concurrentJobs: z.int().min(1).max(100).default(1),
      cancellation: z
        .object({
          windowHours: z
            .number()
            .min(0)
            .max(24 * 60)
            .default(24),
          fee: dollars.default(0),
        })
        .default({ windowHours: 24, fee: 0 }),
      deposit: dollars.default(0),
      quoteRequired: z.array(z.string()).default([]),
      serviceRules: z.array(scenarioServiceRuleSchema).default([]),
      handoffNumbers: z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, "an E.164 number, e.g. +15125550100")).default([]),
      bufferMinutes: z.int().min(0).max(1440).default(0),
      bookingUrl: z.url().nullish(),
      links: z.array(z.url()).default([]),
      quietHours: z.object({ start: clock, end: clock }).default({ start: "21:00", end: "08:00" }),
    })
    .default({
      leadTimeHours: 2,
      maxDaysAhead: 60,
      slotIntervalMinutes: 30,
      concurrentJobs: 1,
      cancellation: { windowHours: 24, fee: 0 },
      deposit: 0,
      quoteRequired: [],
      serviceRules: [],
      handoffNumbers: [],
      bufferMinutes: 0,
      links: [],
      quietHours: { start: "21:00", end: "08:00" },
    }),
  /** Optional: the pack's tone (the replay uses the industry's pack tone when absent). */
  tone: z
    .object({
      description: z.string(),
      preferredWords: z.array(z.string()).default([]),
      avoidWords: z.array(z.string()).default([]),
    })
    .nullish(),
});

const appointmentStatus = z.enum(["booked", "confirmed", "completed", "cancelled", "no_show"]);

export const scenarioSchema = z.object({
  tenant: scenarioTenantSchema,
  now: isoWithOffset,
  customer: z
    .object({
      known: z.boolean().default(false),
      name: z.string().max(120).nullish(),
      phone: z.string().regex(/^\+[1-9]\d{6,14}$/, "an E.164 number, e.g. +15125550123"),
      profile: z.record(z.string(), z.unknown()).default({}),
      upcomingAppointments: z
        .array(
          z.object({
            id: z.string().min(1).max(80),
            serviceId: z.string().min(1),
            start: isoWithOffset,
            end: isoWithOffset,
            status: appointmentStatus.default("booked"),
            addOnIds: z.array(z.string()).default([]),
          }),
        )
        .max(50)
        .default([]),
    })
    .default({ known: false, phone: "+15555550123", profile: {}, upcomingAppointments: [] }),
  busy: z
    .array(z.object({ start: isoWithOffset, end: isoWithOffset }))
    .max(5000)
    .default([]),
  history: z
    .array(
      z.object({
        from: z.enum(["customer", "agent", "staff"]),
        text: z.string().max(5000),
        /** Optional: when it was sent (the loop guard counts the agent's texts in the last hour). */
        at: isoWithOffset.optional(),
      }),
    )
    .max(200)
    .default([]),
  /** An empty text is allowed (an MMS with only a photo): the agent must still answer safely. */
  inbound: z.string().max(5000),
});
export type Scenario = z.output<typeof scenarioSchema>;

/** What a replay prints: the turn, in the issue's field names. */
export const replayOutputSchema = z.object({
  intent: z.enum(INTENTS),
  secondaryIntents: z.array(z.enum(INTENTS)),
  action: z.enum(ACTIONS),
  reply: z.string().nullable(),
  toolCalls: z.array(z.object({ name: z.string(), args: z.unknown(), result: z.unknown() })),
  writes: z.array(z.object({ kind: z.string() }).loose()),
  proposedStarts: z.array(z.string()),
  appointmentId: z.string().nullable(),
  service: z.string().nullable(),
  brain: z.enum(["rules", "model"]),
});
export type ReplayOutput = z.output<typeof replayOutputSchema>;

/** A scenario that does not parse: one line per problem, each naming its field ("tenant.services.0.price.amount: …"). */
export class ScenarioError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(`The scenario does not match the format:\n${issues.map((i) => `- ${i.path}: ${i.message}`).join("\n")}`);
    this.name = "ScenarioError";
    this.issues = issues;
  }
}

export function parseScenario(raw: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ScenarioError(
    parsed.error.issues.map((issue) => ({ path: issue.path.join(".") || "(root)", message: issue.message })),
  );
}
