// The tenant isolation suite (docs/tenancy.md), run on every engine available: embedded PGlite
// always, PostgreSQL when TEST_DATABASE_URL is set. For every tenant table it shows that the
// scoped client sees one tenant, that raw SQL as the app role sees nothing without a tenant and
// nothing of another tenant with one, that cross-tenant writes fail, and that RLS is on and forced.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_ROLE,
  Prisma,
  platformDb,
  type TENANT_OWNED_MODELS,
  TenantScopeViolation,
  tenantDb,
} from "../src/index.ts";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing.ts";

const A = "tenant-a";
const B = "tenant-b";

/** Table name of each tenant-owned model, and of the tenants table itself (scoped by its id). */
const TABLES: Record<(typeof TENANT_OWNED_MODELS)[number], string> = {
  Membership: "memberships",
  TenantPhoneConfig: "tenant_phone_configs",
  Customer: "customers",
  Conversation: "conversations",
  Message: "messages",
  Call: "calls",
  SmsConsent: "sms_consents",
  SmsConsentEvent: "sms_consent_events",
  MarketingConsent: "marketing_consents",
  Faq: "faqs",
  Service: "services",
  AddOn: "add_ons",
  PackInstall: "pack_installs",
  WebsiteDraft: "website_drafts",
  BookingSettings: "booking_settings",
  Asset: "assets",
  Bookable: "bookables",
  TimeOff: "time_off",
  Appointment: "appointments",
  AppointmentEvent: "appointment_events",
  AppointmentSeries: "appointment_series",
  AppointmentReminder: "appointment_reminders",
  TwilioEvent: "twilio_events",
  AgentSettings: "agent_settings",
  AgentThread: "agent_threads",
  AgentRun: "agent_runs",
  CustomerSession: "customer_sessions",
  PortalChallenge: "portal_challenges",
  LoyaltySettings: "loyalty_settings",
  LoyaltyReward: "loyalty_rewards",
  LoyaltyEntry: "loyalty_entries",
  LoyaltyRedemption: "loyalty_redemptions",
  AutomationSettings: "automation_settings",
  ReviewRequest: "review_requests",
  Campaign: "campaigns",
  CampaignSend: "campaign_sends",
  CampaignSenderPace: "campaign_sender_paces",
  RebookReminder: "rebook_reminders",
  CustomerMerge: "customer_merges",
  CustomerDuplicateDismissal: "customer_duplicate_dismissals",
  RetentionSettings: "retention_settings",
  DataDeletion: "data_deletions",
  DataExport: "data_exports",
  DataImport: "imports",
  ImportKey: "import_keys",
};
/**
 * Directory tables: tenant rows keyed by a platform-wide identifier (a phone number belongs to one
 * business). Their primary key is that identifier; every other unique key still starts with tenant_id.
 */
const DIRECTORY_PRIMARY_KEYS: Record<string, string> = { tenant_phone_configs: "tenant_phone_configs_pkey" };
const TENANT_TABLES = [...Object.values(TABLES), "tenants"];
const tenantColumn = (table: string) => (table === "tenants" ? "id" : "tenant_id");

describe.each(testEngines())("tenant isolation on %s", (engine) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(engine, { poolSize: 3 });
    await platformDb(db, { actorUserId: null, purpose: "test.seed" }).run(async (tx) => {
      for (const id of [A, B]) {
        await tx.tenant.create({ data: { id, name: `Tenant ${id}`, slug: id, planTier: "pro", status: "active" } });
        for (const n of [1, 2, 3]) {
          const user = await tx.user.create({
            data: { email: `${n}@${id}.test`, name: `User ${n} of ${id}`, passwordHash: "x" },
          });
          await tx.membership.create({
            data: { tenantId: id, userId: user.id, role: n === 1 ? "tenant_admin" : "tenant_staff" },
          });
        }
      }
    });
    // One row of every telephony table per tenant, written through each tenant's scoped client.
    for (const [i, id] of [A, B].entries()) {
      const phone = `+1555000000${i}`;
      await platformDb(db, { actorUserId: null, purpose: "test.seed" }).run((tx) =>
        tx.tenantPhoneConfig.create({ data: { tenantId: id, phoneNumber: `+1555555010${i}` } }),
      );
      await tenantDb(db, id).run(async (tx) => {
        const customer = await tx.customer.create({ data: { tenantId: id, phone } });
        const conversation = await tx.conversation.create({
          data: { tenantId: id, customerId: customer.id, tenantNumber: `+1555555010${i}` },
        });
        await tx.message.create({
          data: {
            tenantId: id,
            conversationId: conversation.id,
            direction: "inbound",
            body: "hi",
            fromNumber: phone,
            toNumber: `+1555555010${i}`,
            kind: "inbound",
            status: "received",
            twilioSid: `SM${i}`,
          },
        });
        await tx.call.create({
          data: { tenantId: id, callSid: `CA${i}`, fromNumber: phone, toNumber: `+1555555010${i}`, ivrMode: "menu" },
        });
        await tx.smsConsent.create({ data: { tenantId: id, phone, state: "opted_out", source: "keyword" } });
        await tx.smsConsentEvent.create({
          data: { tenantId: id, phone, state: "opted_out", source: "keyword", evidence: { text: "STOP" } },
        });
        await tx.marketingConsent.create({ data: { tenantId: id, phone, state: "opted_out", source: "keyword" } });
        await tx.faq.create({ data: { tenantId: id, question: "Hours?", answer: "9 to 5" } });
        await tx.twilioEvent.create({
          data: { tenantId: id, kind: "sms_incoming", dedupeKey: `SM${i}`, orderKey: `sms:${phone}`, params: {} },
        });
        // One row of every agent table.
        await tx.agentSettings.create({ data: { tenantId: id, mode: "autopilot" } });
        await tx.agentThread.create({ data: { tenantId: id, conversationId: conversation.id, state: {} } });
        await tx.agentRun.create({
          data: {
            tenantId: id,
            conversationId: conversation.id,
            inboundMessageId: conversation.id,
            mode: "autopilot",
            outcome: "skipped",
          },
        });
        const service = await tx.service.create({
          data: {
            tenantId: id,
            name: "Full detail",
            description: "Inside and out",
            durationMinutes: 180,
            priceCents: 18_900,
          },
        });
        await tx.addOn.create({
          data: {
            tenantId: id,
            name: "Pet hair",
            description: "Removal",
            durationMinutes: 30,
            priceCents: 4_000,
            serviceIds: [service.id],
            offerWhen: "pets",
          },
        });
        await tx.packInstall.create({
          data: { tenantId: id, packId: "auto-detailing", version: "1.0.0", snapshot: {} },
        });
        await tx.websiteDraft.create({ data: { tenantId: id, content: { headline: "Hi" } } });
        // One row of every booking table.
        await tx.bookingSettings.create({ data: { tenantId: id, hours: { mon: [["08:00", "17:00"]] } } });
        const asset = await tx.asset.create({
          data: { tenantId: id, customerId: customer.id, kind: "vehicle", label: "2021 Toyota RAV4", sizeClass: "suv" },
        });
        const bookable = await tx.bookable.create({ data: { tenantId: id, kind: "crew", name: "Crew 1" } });
        await tx.timeOff.create({
          data: {
            tenantId: id,
            bookableId: bookable.id,
            startsAt: new Date("2026-12-24T00:00:00Z"),
            endsAt: new Date("2026-12-26T00:00:00Z"),
          },
        });
        const series = await tx.appointmentSeries.create({
          data: {
            tenantId: id,
            customerId: customer.id,
            serviceId: service.id,
            bookableId: bookable.id,
            intervalWeeks: 2,
            firstStartsAt: new Date("2026-12-07T15:00:00Z"),
          },
        });
        const appointment = await tx.appointment.create({
          data: {
            tenantId: id,
            customerId: customer.id,
            serviceId: service.id,
            assetId: asset.id,
            bookableId: bookable.id,
            seriesId: series.id,
            startsAt: new Date("2026-12-07T15:00:00Z"),
            endsAt: new Date("2026-12-07T18:00:00Z"),
            blocksUntil: new Date("2026-12-07T18:00:00Z"),
            durationMinutes: 180,
            priceCents: 18_900,
            bookedBy: "staff",
          },
        });
        await tx.appointmentEvent.create({
          data: { tenantId: id, appointmentId: appointment.id, kind: "created", actor: "staff" },
        });
        await tx.appointmentReminder.create({
          data: {
            tenantId: id,
            appointmentId: appointment.id,
            kind: "reminder",
            forStartsAt: appointment.startsAt,
            offsetMinutes: 1440,
            dueAt: new Date("2026-12-06T15:00:00Z"),
          },
        });
        // One row of every portal and loyalty table.
        await tx.customerSession.create({
          data: { tenantId: id, id: `session-${id}`, customerId: customer.id, expiresAt: new Date("2027-01-01") },
        });
        await tx.portalChallenge.create({
          data: {
            tenantId: id,
            kind: "code",
            customerId: customer.id,
            phone,
            channel: "sms",
            secretHash: `hash-${id}`,
            expiresAt: new Date("2027-01-01"),
          },
        });
        await tx.loyaltySettings.create({ data: { tenantId: id, enabled: true } });
        const reward = await tx.loyaltyReward.create({
          data: { tenantId: id, name: "$10 off", kind: "money_off", pointsCost: 100, amountCents: 1000 },
        });
        await tx.loyaltyEntry.create({
          data: {
            tenantId: id,
            customerId: customer.id,
            kind: "visit",
            points: 189,
            balanceAfter: 189,
            appointmentId: appointment.id,
            actorKind: "system",
            idempotencyKey: `visit:${appointment.id}`,
          },
        });
        await tx.loyaltyRedemption.create({
          data: {
            tenantId: id,
            customerId: customer.id,
            rewardId: reward.id,
            rewardName: reward.name,
            kind: "money_off",
            amountCents: 1000,
            pointsCost: 100,
            actorKind: "customer",
          },
        });
        // One row of every automation table.
        await tx.automationSettings.create({
          data: { tenantId: id, reviewRequestsEnabled: true, reviewLink: "https://g.page/r/example/review" },
        });
        await tx.reviewRequest.create({
          data: { tenantId: id, appointmentId: appointment.id, dueAt: new Date("2026-12-07T20:00:00Z") },
        });
        await tx.rebookReminder.create({
          data: {
            tenantId: id,
            customerId: customer.id,
            appointmentId: appointment.id,
            serviceId: appointment.serviceId,
            dueAt: new Date("2027-02-01T17:00:00Z"),
          },
        });
        // One row of every campaign table.
        const campaign = await tx.campaign.create({
          data: { tenantId: id, name: "Spring offer", body: "Spring is here! Reply STOP to opt out" },
        });
        await tx.campaignSend.create({
          data: {
            tenantId: id,
            campaignId: campaign.id,
            customerId: customer.id,
            phone: customer.phone,
            senderKey: "+15555550100",
            fromNumber: "+15555550100",
          },
        });
        await tx.campaignSenderPace.create({
          data: { tenantId: id, senderKey: "+15555550100", nextAt: new Date("2026-12-07T20:00:00Z") },
        });
        // One row of each customer-master table (a merge record and a dismissed pair).
        const [low, high] = [customer.id, appointment.id].sort();
        await tx.customerMerge.create({
          data: {
            tenantId: id,
            survivorId: customer.id,
            mergedId: appointment.id,
            survivorBefore: {},
            mergedBefore: {},
            survivorAfter: {},
          },
        });
        await tx.customerDuplicateDismissal.create({
          data: { tenantId: id, customerAId: low!, customerBId: high! },
        });
        // One row of every retention table.
        await tx.retentionSettings.create({ data: { tenantId: id, messageMonths: 24, recordingMonths: 6 } });
        await tx.dataDeletion.create({
          data: { tenantId: id, kind: "messages", trigger: "nightly", counts: { messages: 0 } },
        });
        // One row of every data-export table.
        await tx.dataExport.create({ data: { tenantId: id, tokenHash: "0".repeat(64) } });
        const dataImport = await tx.dataImport.create({
          data: { tenantId: id, kind: "customers", fileName: "clients.csv" },
        });
        await tx.importKey.create({
          data: { tenantId: id, kind: "customers", key: "ext:1", entityId: customer.id, importId: dataImport.id },
        });
      });
    }
  });
  afterAll(() => db?.drop());

  const rawAsApp = <T = Record<string, unknown>>(sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql);
  /** Raw SQL inside a tenant's transaction (app.tenant_id set), past the scoped client's rewriting. */
  const rawIn = <T = Record<string, unknown>>(tenant: string, sql: string) =>
    tenantDb(db, tenant).run((tx) => tx.$queryRaw<T[]>(Prisma.raw(sql)));
  const execIn = (tenant: string, sql: string) => tenantDb(db, tenant).run((tx) => tx.$executeRaw(Prisma.raw(sql)));

  it("should connect as a role that is not a superuser, cannot bypass RLS and owns no table", async () => {
    const [role] = await rawAsApp<{ name: string; super: boolean; bypass: boolean; owned: bigint }>(
      `SELECT current_user AS name, r.rolsuper AS super, r.rolbypassrls AS bypass,
              (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ name: APP_ROLE, super: false, bypass: false, owned: 0n });
  });

  it("should have RLS enabled and forced on every table with a tenant_id column", async () => {
    const tables = await rawAsApp<{ table: string; enabled: boolean; forced: boolean; policies: bigint }>(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
               OR c.relname = 'tenants')
        ORDER BY 1`,
    );
    expect(tables.map((t) => t.table).sort()).toEqual([...TENANT_TABLES].sort());
    for (const table of tables) expect(table, table.table).toMatchObject({ enabled: true, forced: true });
    for (const table of tables) expect(table.policies, table.table).toBeGreaterThan(0n);
  });

  it("should put tenant_id first in the primary key and every unique key of tenant tables", async () => {
    const keys = await rawAsApp<{ table: string; key: string; first: string }>(
      `SELECT c.relname AS table, i.relname AS key, a.attname AS first
         FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
        WHERE x.indisunique AND c.relname IN (${Object.values(TABLES)
          .map((t) => `'${t}'`)
          .join(", ")})`,
    );
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      if (DIRECTORY_PRIMARY_KEYS[key.table] === key.key) continue;
      expect(key.first, `${key.table}.${key.key}`).toBe("tenant_id");
    }
  });

  it.each(TENANT_TABLES)("%s: the scoped client sees only its own tenant", async (table) => {
    for (const tenant of [A, B]) {
      const rows = await rawIn<{ t: string }>(tenant, `SELECT ${tenantColumn(table)} AS t FROM ${table}`);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.t))).toEqual(new Set([tenant]));
    }
  });

  it("should scope model queries even when the caller forgets the tenant filter", async () => {
    const memberships = await tenantDb(db, A).run((tx) => tx.membership.findMany());
    expect(memberships).toHaveLength(3);
    expect(memberships.every((m) => m.tenantId === A)).toBe(true);
    const tenants = await tenantDb(db, A).run((tx) => tx.tenant.findMany());
    expect(tenants.map((t) => t.id)).toEqual([A]);
    const counted = await tenantDb(db, B).run((tx) => tx.membership.count());
    expect(counted).toBe(3);
  });

  it.each(TENANT_TABLES)("%s: raw SQL as the app role with no tenant set returns 0 rows", async (table) => {
    const [{ n }] = (await rawAsApp<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`)) as [{ n: bigint }];
    expect(n).toBe(0n);
  });

  it.each(TENANT_TABLES)(
    "%s: raw SQL with the other tenant's id set returns 0 of the first tenant's rows",
    async (table) => {
      const rows = await rawIn<{ n: bigint }>(
        B,
        `SELECT count(*) AS n FROM ${table} WHERE ${tenantColumn(table)} = '${A}'`,
      );
      expect(rows[0]?.n).toBe(0n);
    },
  );

  it("memberships: writing a row for another tenant fails, in code and in the database", async () => {
    const [user] = await platformDb(db, { actorUserId: null, purpose: "test" }).run((tx) =>
      tx.user.findMany({ where: { email: "1@tenant-b.test" } }),
    );
    // In code: the scoped client refuses before any SQL is sent.
    await expect(
      tenantDb(db, A).run((tx) =>
        tx.membership.create({ data: { tenantId: B, userId: user!.id, role: "tenant_staff" } }),
      ),
    ).rejects.toBeInstanceOf(TenantScopeViolation);
    // In the database: RLS's WITH CHECK rejects it even through raw SQL.
    await expect(
      execIn(
        A,
        `INSERT INTO memberships (tenant_id, id, user_id, role) VALUES ('${B}', gen_random_uuid(), '${user!.id}', 'tenant_staff')`,
      ),
    ).rejects.toThrow(/row-level security/);
    // Moving an own row to the other tenant fails too.
    await expect(execIn(A, `UPDATE memberships SET tenant_id = '${B}'`)).rejects.toThrow(
      /row-level security|violates foreign key|unique/,
    );
    await expect(
      tenantDb(db, A).run((tx) => tx.membership.updateMany({ data: { tenantId: B } })),
    ).rejects.toBeInstanceOf(TenantScopeViolation);
    const counts = await platformDb(db, { actorUserId: null, purpose: "test" }).run((tx) =>
      tx.membership.groupBy({ by: ["tenantId"], _count: true, orderBy: { tenantId: "asc" } }),
    );
    expect(counts.map((c) => [c.tenantId, c._count])).toEqual([
      [A, 3],
      [B, 3],
    ]);
  });

  it("tenants: a tenant cannot write another tenant's row or create tenants", async () => {
    const changed = await execIn(A, `UPDATE tenants SET name = 'hijacked' WHERE id = '${B}'`);
    expect(changed).toBe(0);
    await expect(
      tenantDb(db, A).run((tx) => tx.tenant.update({ where: { id: B }, data: { name: "hijacked" } })),
    ).rejects.toBeInstanceOf(TenantScopeViolation);
    await expect(
      execIn(A, `INSERT INTO tenants (id, name, slug, updated_at) VALUES ('evil', 'Evil', 'evil', now())`),
    ).rejects.toThrow(/row-level security/);
  });

  it("should keep 2,000 requests alternating two tenants isolated, including ones that forget the tenant", async () => {
    let foreignRows = 0;
    let ownRows = 0;
    let forgotten = 0;
    const request = async (i: number) => {
      const tenant = i % 2 === 0 ? A : B;
      if (i % 10 === 3) {
        // A code path that forgets its tenant, on a pooled connection that just served another one.
        forgotten++;
        const rows = await rawAsApp<{ tenant_id: string }>(`SELECT tenant_id FROM memberships`);
        foreignRows += rows.length;
        return;
      }
      const rows = await tenantDb(db, tenant).run(
        (tx) => tx.$queryRaw<{ tenant_id: string }[]>`SELECT tenant_id FROM memberships`,
      );
      ownRows += rows.filter((r) => r.tenant_id === tenant).length;
      foreignRows += rows.filter((r) => r.tenant_id !== tenant).length;
    };
    const queue = Array.from({ length: 2_000 }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) await request(i);
      }),
    );
    expect(forgotten).toBe(200);
    expect(ownRows).toBe(1_800 * 3);
    expect(foreignRows).toBe(0);
  });

  it("should route an inbound number to its tenant through app_route_inbound, and reveal nothing else", async () => {
    const route = (called: string, service: string | null) =>
      rawAsApp<{ tenant_id: string; matched_by: string }>(
        `SELECT tenant_id, matched_by FROM app_route_inbound('${called}', ${service === null ? "NULL" : `'${service}'`})`,
      );
    expect(await route("+15555550101", null)).toEqual([{ tenant_id: B, matched_by: "number" }]);
    expect(await route("+19999999999", null)).toEqual([]);
    // The app role still cannot list the directory with no tenant set.
    expect(await rawAsApp(`SELECT * FROM tenant_phone_configs`)).toEqual([]);
    // ...nor assign itself a number, even inside its own tenant.
    await expect(
      execIn(
        A,
        `INSERT INTO tenant_phone_configs (phone_number, tenant_id, updated_at) VALUES ('+15550009999', '${A}', now())`,
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it("should refuse catalog rows with impossible durations or prices, even past the app", async () => {
    await expect(
      execIn(
        A,
        `INSERT INTO services (tenant_id, id, name, description, duration_minutes, price_cents, updated_at) VALUES ('${A}', gen_random_uuid(), 'x', 'x', 0, 100, now())`,
      ),
    ).rejects.toThrow(/services_duration_positive/);
    await expect(
      execIn(
        A,
        `INSERT INTO services (tenant_id, id, name, description, duration_minutes, price_min_cents, price_max_cents, updated_at) VALUES ('${A}', gen_random_uuid(), 'x', 'x', 60, 500, 400, now())`,
      ),
    ).rejects.toThrow(/services_price_shape/);
    await expect(
      execIn(
        A,
        `INSERT INTO add_ons (tenant_id, id, name, description, duration_minutes, price_cents, offer_when, updated_at) VALUES ('${A}', gen_random_uuid(), 'x', 'x', 15, -1, 'x', now())`,
      ),
    ).rejects.toThrow(/add_ons_price_nonnegative/);
  });

  it("should keep concierge requests away from the app role", async () => {
    await expect(rawAsApp(`SELECT * FROM provisioning_requests`)).rejects.toThrow(/permission denied/);
  });

  it("should keep the consent ledger append-only", async () => {
    await expect(execIn(A, `UPDATE sms_consent_events SET state = 'opted_in'`)).rejects.toThrow(/append-only/);
    await expect(execIn(A, `DELETE FROM sms_consent_events`)).rejects.toThrow(/append-only/);
  });

  it("should keep the points ledger append-only and the balance from going below zero", async () => {
    await expect(execIn(A, `UPDATE loyalty_entries SET points = 1`)).rejects.toThrow(/append-only|permission denied/);
    await expect(execIn(A, `DELETE FROM loyalty_entries`)).rejects.toThrow(/append-only|permission denied/);
    await expect(execIn(A, `UPDATE customers SET points_balance = -1`)).rejects.toThrow(/points_balance_nonnegative/);
  });

  it("should keep the audit trail append-only and unreadable to tenant code", async () => {
    await platformDb(db, { actorUserId: null, purpose: "test" }).run((_tx, audit) =>
      audit({ action: "test.event", targetTenantId: A }),
    );
    await expect(rawAsApp(`SELECT * FROM audit_logs`)).rejects.toThrow(/permission denied/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM audit_logs`)).rejects.toThrow(/permission denied/);
    await expect(
      platformDb(db, { actorUserId: null, purpose: "test" }).run((tx) =>
        tx.$executeRawUnsafe(`UPDATE audit_logs SET action = 'x'`),
      ),
    ).rejects.toThrow(/permission denied|append-only/);
    const events = await platformDb(db, { actorUserId: null, purpose: "test" }).run((tx) =>
      tx.auditLog.findMany({ where: { action: "test.event" } }),
    );
    expect(events).toHaveLength(1);
  });
});
