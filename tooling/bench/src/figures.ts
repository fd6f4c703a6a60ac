// The figures: what each one requests, how it is measured, and what it waits for afterwards.
import type { TestDatabase } from "@servicepro/db/testing";
import { CUSTOMER_SEARCH, DEMO_NUMBER, type FigureGroup, NAMES, settings } from "./config.ts";
import { load, oneConnection, type Sample, sustained, type Target } from "./measure.ts";
import { asOwner, intakeBacklog, messagesWithSids } from "./seed.ts";
import { inboundTexts, incomingCalls } from "./webhooks.ts";

export type Figure = {
  group: FigureGroup;
  name: string;
  connections: number;
  /** Measured by the 1-connection closed loop (and so is its bare-route sample). */
  oneConnection: boolean;
  /** Said under the figures table. */
  note?: string;
  measure(): Promise<Sample>;
  /** Waits for the background work a sample left (the intake's backlog), so it does not slow the next figure. */
  settle?(): Promise<void>;
};

export type FigureContext = {
  db: TestDatabase;
  appUrl: string;
  publicBaseUrl: string;
  ownerCookie: string;
  staffCookie: string;
  smsNumbers: readonly string[];
  availabilityInput: object | null;
  groups: ReadonlySet<FigureGroup>;
};

const trpcUrl = (appUrl: string, procedure: string, input?: object) =>
  `${appUrl}/trpc/${procedure}${input ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ""}`;

/**
 * The cursor of a list's deepest full page of 50 (the page ending at its last row, or the one before
 * it when the last is short), found by paging through the procedure as a client does: whatever
 * `nextCursor` it returns is sent back as is (it may be opaque). Pages of 100 first (fewer requests),
 * then pages of 50 over the end: the keys a cursor carries do not depend on the page size.
 */
async function deepestCursor(
  appUrl: string,
  procedure: string,
  cookie: string,
  input: object,
): Promise<{ cursor: unknown; pages: number; items: number }> {
  let pages = 0;
  const page = async (cursor: unknown, limit: number) => {
    pages++;
    const res = await fetch(trpcUrl(appUrl, procedure, { ...input, limit, ...(cursor ? { cursor } : {}) }), {
      headers: { cookie },
    });
    if (!res.ok) throw new Error(`${procedure}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { result: { data: { items: unknown[]; nextCursor: unknown } } };
    return { items: body.result.data.items.length, next: body.result.data.nextCursor ?? null };
  };
  /** Every page's cursor (null for the first) and size, to the end. */
  const walk = async (from: unknown, limit: number) => {
    const seen: { cursor: unknown; items: number }[] = [];
    let cursor = from;
    for (;;) {
      const { items, next } = await page(cursor, limit);
      seen.push({ cursor, items });
      if (next === null) return seen;
      cursor = next;
    }
  };
  const coarse = await walk(null, 100);
  // From two pages of 100 before the end: at least two pages of 50, so a full one among the last two.
  const fine = await walk(coarse[Math.max(0, coarse.length - 3)]!.cursor, 50);
  const last = fine.at(-1)!;
  const deepest = last.items === 50 || fine.length === 1 ? last : fine.at(-2)!;
  return { cursor: deepest.cursor, pages, items: deepest.items };
}

export async function buildFigures(ctx: FigureContext): Promise<Figure[]> {
  const { appUrl, groups } = ctx;
  const d = settings.durationS;
  const c = settings.connections;
  const get = (target: Target) => () => load(target, c, d).then((r) => r.sample);
  const staff = { cookie: ctx.staffCookie };
  const figures: Figure[] = [];
  const add = (group: FigureGroup, name: string, target: Target) => {
    if (groups.has(group))
      figures.push({ group, name, connections: c, oneConnection: false, measure: get({ ...target }) });
  };
  // The intake applies staged webhooks after acknowledging them: wait until it has caught up.
  const drained = async () => {
    const started = Date.now();
    await asOwner(ctx.db, async (client) => {
      while ((await intakeBacklog(client)) > 0) {
        if (Date.now() - started > 300_000) throw new Error("the intake did not catch up within 300 s");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
  };

  add("healthz", NAMES.healthz, { url: `${appUrl}/healthz` });
  add("auth", NAMES.auth, { url: trpcUrl(appUrl, "auth.context"), headers: { cookie: ctx.ownerCookie } });
  add("admin", NAMES.admin, { url: trpcUrl(appUrl, "admin.tenants.list"), headers: { cookie: ctx.ownerCookie } });
  add("noop", NAMES.noop, { url: trpcUrl(appUrl, "tenant.plan.summary"), headers: staff });
  if (ctx.availabilityInput)
    add("availability", NAMES.availability, {
      url: trpcUrl(appUrl, "tenant.appointments.availability", ctx.availabilityInput),
      headers: staff,
    });

  const lists: [FigureGroup, string, string, string, object][] = [
    ["customers", "tenant.customers.list", NAMES.customersFirst, NAMES.customersDeep, {}],
    ["customers-search", "tenant.customers.list", NAMES.searchFirst, NAMES.searchDeep, { search: CUSTOMER_SEARCH }],
    ["inbox", "tenant.inbox.conversations", NAMES.inboxFirst, NAMES.inboxDeep, {}],
  ];
  // The walks run side by side (set-up, not measured): at 10^5 rows each is a thousand requests.
  const chosen = lists.filter(([group]) => groups.has(group));
  const walks = await Promise.all(
    chosen.map(async ([, procedure, , , input]) => {
      const started = Date.now();
      const deepest = await deepestCursor(appUrl, procedure, ctx.staffCookie, input);
      process.stderr.write(
        `${procedure} ${JSON.stringify(input)}: ${deepest.pages} pages walked in ${Date.now() - started} ms; the deepest page holds ${deepest.items} rows\n`,
      );
      return deepest;
    }),
  );
  chosen.forEach(([group, procedure, first, deep, input], i) => {
    add(group, first, { url: trpcUrl(appUrl, procedure, { ...input, limit: 50 }), headers: staff });
    add(group, deep, {
      url: trpcUrl(appUrl, procedure, { ...input, limit: 50, cursor: walks[i]!.cursor }),
      headers: staff,
    });
  });

  const webhookConnections = settings.webhookConnections;
  if (groups.has("sms")) {
    const bodies = inboundTexts(ctx.publicBaseUrl, ctx.smsNumbers);
    let expected = 2_000;
    figures.push({
      group: "sms",
      name: NAMES.sms,
      connections: webhookConnections,
      oneConnection: false,
      measure: async () => {
        // Signed ahead (1.5× the last sample's count): signing would otherwise take CPU from the server.
        bodies.prepare(expected);
        const { sample } = await load({ url: `${appUrl}/twilio/sms/incoming`, bodies }, webhookConnections, d);
        expected = Math.ceil(sample.total * 1.5);
        return sample;
      },
      settle: drained,
    });
  }
  if (groups.has("sms-e2e")) {
    const signed = inboundTexts(ctx.publicBaseUrl, ctx.smsNumbers);
    let sent: string[] = [];
    const bodies = {
      prepare: signed.prepare,
      next() {
        const body = signed.next();
        sent.push(body.sid);
        return body;
      },
    };
    // Sized so texts arrive for about one sample's duration at the acknowledgement rate, re-sized
    // after each run; the first (warm-up) run sends 500.
    let count = 500;
    figures.push({
      group: "sms-e2e",
      name: NAMES.smsE2e,
      connections: webhookConnections,
      oneConnection: false,
      note: `SMS end to end: each sample sends as many signed texts as the previous one acknowledged in ${d} s (several tenants and numbers, a new SID each), as fast as they are acknowledged, and ends when the last acknowledged one is a message in the database (the staging table empty, then every SID counted in messages).`,
      measure: async () => {
        sent = [];
        signed.prepare(count);
        // Done when the staging table is empty (an event leaves it in the transaction that applies it;
        // the previous figure's backlog was drained before), confirmed by counting the messages once.
        const sample = await asOwner(ctx.db, (client) =>
          sustained(
            { url: `${appUrl}/twilio/sms/incoming`, bodies },
            webhookConnections,
            count,
            async (acknowledged) =>
              (await intakeBacklog(client)) === 0 && (await messagesWithSids(client, sent)) >= acknowledged,
          ),
        );
        count = Math.min(50_000, Math.max(500, Math.round((sample.ackRps ?? 0) * d)));
        return sample;
      },
      settle: drained,
    });
  }
  if (groups.has("voice")) {
    const bodies = incomingCalls(ctx.publicBaseUrl, DEMO_NUMBER);
    figures.push({
      group: "voice",
      name: NAMES.voice,
      connections: 1,
      oneConnection: true,
      measure: () => oneConnection({ url: `${appUrl}/twilio/voice/incoming`, bodies }, d),
      settle: drained,
    });
  }
  return figures;
}
