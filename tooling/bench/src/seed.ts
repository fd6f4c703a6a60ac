// The data behind the figures. Bulk rows go in as the database's owner (a superuser here: set-up, not
// the app's path) in single INSERT … SELECT statements, then ANALYZE, so the planner sees the tables
// as they are; the app itself only ever reads them through its own roles.
import { platformDb } from "@servicepro/db";
import type { TestDatabase } from "@servicepro/db/testing";
import pg from "pg";
import { DEMO_NUMBER, DEMO_TENANT } from "./config.ts";

/** Runs `fn` on one connection as the database's owner. */
export async function asOwner<T>(db: TestDatabase, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The SMS figures' tenants: a few businesses with two numbers each, so routing and batching see several. */
export const SMS_TENANTS = 4;
export const smsNumbers = (): string[] =>
  Array.from({ length: SMS_TENANTS * 2 }, (_, i) => `+1555555${String(200 + i).padStart(4, "0")}`);

/** Active "pro" businesses bench-1 … bench-N owning smsNumbers() (two each). Before the app starts. */
export async function smsTenants(db: TestDatabase): Promise<string[]> {
  const numbers = smsNumbers();
  await asOwner(db, async (client) => {
    for (let t = 0; t < SMS_TENANTS; t++) {
      const id = `bench-${t + 1}`;
      await client.query(
        `INSERT INTO tenants (id, name, slug, plan_tier, status, updated_at) VALUES ($1, $2, $1, 'pro', 'active', now())`,
        [id, `Bench Business ${t + 1}`],
      );
      // The SMS figures measure the intake: their businesses' SMS agent is off (the agent has its own figure).
      await client.query(`INSERT INTO agent_settings (tenant_id, mode, updated_at) VALUES ($1, 'off', now())`, [id]);
      for (const number of numbers.slice(t * 2, t * 2 + 2))
        await client.query(
          `INSERT INTO tenant_phone_configs (phone_number, tenant_id, label, updated_at) VALUES ($1, $2, 'Main', now())`,
          [number, id],
        );
    }
  });
  return numbers;
}

/**
 * Green Lawn Co's calendar for the availability figure: booking settings, a 1-hour service, three
 * crews and 5,000 appointments from six months ago to six months ahead (every other hour, per crew,
 * so open times remain between them). Returns the availability request's input.
 */
export async function busyCalendar(db: TestDatabase) {
  const tenantId = DEMO_TENANT;
  const now = new Date();
  const platform = platformDb(db, { actorUserId: null, purpose: "bench: busy calendar" });
  const hours = Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["08:00", "17:00"]]]),
  );
  const setup = await platform.run(async (tx) => {
    await tx.bookingSettings.upsert({ where: { tenantId }, create: { tenantId, hours }, update: { hours } });
    const service = await tx.service.create({
      data: { tenantId, name: "Bench Mowing", description: "", durationMinutes: 60, priceCents: 5000 },
    });
    const crews: { id: string }[] = [];
    for (let i = 0; i < 3; i++)
      crews.push(await tx.bookable.create({ data: { tenantId, kind: "crew", name: `Bench Crew ${i + 1}` } }));
    const customer = await tx.customer.create({
      data: {
        tenantId,
        phone: "+15125559999",
        name: "Bench Customer",
        sortName: "bench customer",
        searchText: "bench",
      },
    });
    // Days from −183 on, crews in turn, starts at 08:00, 10:00, … 16:00 Chicago standard time: 5,000 rows.
    const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 183, 14);
    const rows = Array.from({ length: 5000 }, (_, n) => {
      const startsAt = new Date(start + Math.floor(n / 15) * 86_400_000 + (n % 5) * 2 * 3_600_000);
      const endsAt = new Date(startsAt.getTime() + 3_600_000);
      return {
        tenantId,
        customerId: customer.id,
        serviceId: service.id,
        bookableId: crews[Math.floor(n / 5) % 3]!.id,
        startsAt,
        endsAt,
        blocksUntil: endsAt,
        durationMinutes: 60,
        priceCents: 5000,
        bookedBy: "staff" as const,
      };
    });
    return { serviceId: service.id, rows };
  });
  // In chunks: one transaction for all 5,000 rows outlasts Prisma's 5 s transaction timeout here.
  for (let i = 0; i < setup.rows.length; i += 500)
    await platform.run((tx) => tx.appointment.createMany({ data: setup.rows.slice(i, i + 500) }));
  return {
    serviceId: setup.serviceId,
    from: now.toISOString(),
    to: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
  };
}

/**
 * `count` more customers for Green Lawn Co, with the search keys customerSearchKeys would store
 * (lower-cased name as sort name; name and phone digits as search text). One surname in twenty, so
 * "miller" matches count/20 of them. Phones are +1999 and seven digits.
 */
export async function manyCustomers(db: TestDatabase, count: number): Promise<void> {
  await asOwner(db, async (client) => {
    await client.query(
      `INSERT INTO customers (tenant_id, id, phone, name, sort_name, search_text, source, updated_at)
       SELECT $1, gen_random_uuid(), '+1999' || lpad(n::text, 7, '0'), c.name, lower(c.name),
              lower(c.name) || ' 1999' || lpad(n::text, 7, '0'), 'import', now()
       FROM generate_series(1, $2::int) AS n,
            LATERAL (SELECT (ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis',
              'Rodriguez','Martinez','Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor',
              'Moore','Jackson','Martin'])[n % 20 + 1] || ' ' || (ARRAY['Ann','Bob','Cal','Dee','Eve','Fay','Gus',
              'Hal','Ivy','Jo'])[(n / 20) % 10 + 1] || ' ' || lpad(n::text, 6, '0') AS name) AS c`,
      [DEMO_TENANT, count],
    );
    await client.query("ANALYZE customers");
  });
}

/**
 * A conversation with one inbound text for each of manyCustomers' customers (so it runs after it), one
 * a minute going back from now, a third of them unread: the inbox of a business with 10^5 threads.
 */
export async function manyConversations(db: TestDatabase): Promise<void> {
  await asOwner(db, async (client) => {
    await client.query(
      `INSERT INTO conversations (tenant_id, id, customer_id, tenant_number, last_message_at, last_message_preview,
                                  last_direction, unread_count)
       SELECT c.tenant_id, gen_random_uuid(), c.id, $2, now() - make_interval(mins => substr(c.phone, 6)::int),
              'Do you have an opening Saturday morning?', 'inbound', substr(c.phone, 6)::int % 3
       FROM customers c WHERE c.tenant_id = $1 AND c.phone LIKE '+1999%'`,
      [DEMO_TENANT, DEMO_NUMBER],
    );
    await client.query(
      `INSERT INTO messages (tenant_id, id, conversation_id, direction, body, from_number, to_number, twilio_sid, kind,
                             status, created_at, updated_at)
       SELECT v.tenant_id, gen_random_uuid(), v.id, 'inbound', v.last_message_preview, c.phone, v.tenant_number,
              'SMseed' || replace(v.id::text, '-', ''), 'inbound', 'received', v.last_message_at, v.last_message_at
       FROM conversations v JOIN customers c ON c.tenant_id = v.tenant_id AND c.id = v.customer_id
       WHERE v.tenant_id = $1 AND c.phone LIKE '+1999%'`,
      [DEMO_TENANT],
    );
    await client.query("ANALYZE conversations");
    await client.query("ANALYZE messages");
  });
}

/** Staged Twilio events not yet applied (failed ones set aside excluded): the intake's backlog. */
export const intakeBacklog = (client: pg.Client) =>
  client
    .query<{ n: number }>("SELECT count(*)::int AS n FROM twilio_events WHERE failed_at IS NULL")
    .then((r) => r.rows[0]!.n);

/** How many of these SIDs are stored as messages (what the inbox shows). */
export const messagesWithSids = (client: pg.Client, sids: readonly string[]) =>
  client
    .query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE twilio_sid = ANY($1::text[])", [sids])
    .then((r) => r.rows[0]!.n);
