// A customer's erasure and a cancelled business's purge (issue 16, part 4; research note D6), on a
// fake clock. Erasure removes the personal data and keeps the consent ledger; a purge warns the
// owner 14, 7 and 1 days before, then leaves count = 0 for the business in EVERY table with a
// tenant_id column (walked from the catalog) and touches no other business's rows; nothing of either
// runs under a legal hold; each is logged or certified with counts. PGlite, and PostgreSQL with
// TEST_DATABASE_URL.
import { randomUUID } from "node:crypto";
import { seedDemo, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { createDevEmailSender } from "@servicepro/notifications";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eraseCustomer,
  erasedPhone,
  LEGAL_HOLD_MESSAGE,
  runCancelledPurge,
  runTenantRetention,
  tenantTablesInDeleteOrder,
} from "../src/index.ts";
import {
  addCall,
  addMessage,
  auditRows,
  countRows,
  createCustomer,
  createTenant,
  deps,
  platform,
  quiet,
  setLegalHold,
  setWindows,
} from "./support.ts";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-12-03T12:00:00.000Z");

describe.each(testEngines())("erasure and purge on %s", (engine) => {
  let db: TestDatabase;
  let demoTenants: string[];

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    demoTenants = (await seedDemo(db, { passwordHash: "!test", now: NOW })).tenantsCreated;
  });
  afterAll(() => db?.drop());

  async function consentFor(tenantId: string, phone: string) {
    await tenantDb(db, tenantId).run(async (tx) => {
      await tx.smsConsentEvent.create({
        data: {
          tenantId,
          phone,
          state: "opted_in",
          source: "booking_page",
          purpose: "marketing",
          evidence: { wording: "Yes, text me offers" },
        },
      });
      await tx.smsConsentEvent.create({
        data: { tenantId, phone, state: "opted_out", source: "keyword", evidence: { text: "STOP", messageSid: "SM1" } },
      });
      await tx.smsConsent.create({ data: { tenantId, phone, state: "opted_out", source: "keyword" } });
    });
  }

  describe("customer erasure", () => {
    it("should remove the customer's personal data, keep the consent ledger, and log it with counts", async () => {
      await createTenant(db, "erase-a");
      const phone = "+15125550121";
      const { customerId, conversationId } = await createCustomer(db, "erase-a", phone, "Robin Example");
      const other = await createCustomer(db, "erase-a", "+15125550122", "Sam Other");
      await addMessage(db, "erase-a", conversationId, NOW, "my gate code is 1234");
      await addMessage(db, "erase-a", other.conversationId, NOW, "see you then");
      await consentFor("erase-a", phone);
      await tenantDb(db, "erase-a").run(async (tx) => {
        await tx.asset.create({
          data: { tenantId: "erase-a", customerId, kind: "vehicle", label: "2021 RAV4", details: { plate: "ABC123" } },
        });
        await tx.customerSession.create({
          data: { tenantId: "erase-a", id: randomUUID(), customerId, expiresAt: new Date(NOW.getTime() + DAY) },
        });
        await tx.call.updateMany({ data: { customerId } });
      });
      await addCall(db, "erase-a", NOW, "RE0123456789abcdef0123456789abcdef");
      await tenantDb(db, "erase-a").run((tx) =>
        tx.call.updateMany({ data: { customerId, callerName: "ROBIN EXAMPLE" } }),
      );
      const actor = randomUUID();

      const result = await eraseCustomer(deps(db, NOW), {
        tenantId: "erase-a",
        customerId,
        actorUserId: actor,
      });

      expect(result.counts).toMatchObject({
        messages: 1,
        conversations: 1,
        portalSessions: 1,
        assets: 1,
        calls: 1,
        customer: 1,
      });
      const after = await tenantDb(db, "erase-a").run(async (tx) => ({
        customer: await tx.customer.findUniqueOrThrow({
          where: { tenantId_id: { tenantId: "erase-a", id: customerId } },
        }),
        messages: await tx.message.findMany({ select: { body: true } }),
        asset: await tx.asset.findFirstOrThrow({ where: { customerId } }),
        sessions: await tx.customerSession.count({ where: { customerId } }),
        call: await tx.call.findFirstOrThrow({ where: { customerId } }),
        ledger: await tx.smsConsentEvent.findMany({ where: { phone }, orderBy: { createdAt: "asc" } }),
        consent: await tx.smsConsent.findUnique({ where: { tenantId_phone: { tenantId: "erase-a", phone } } }),
      }));
      expect(after.customer).toMatchObject({
        phone: erasedPhone(customerId),
        name: null,
        email: null,
        address: null,
        notes: null,
        altPhones: [],
      });
      // The other customer's text stays; none of the erased customer's remains.
      expect(after.messages).toEqual([{ body: "see you then" }]);
      expect(after.asset).toMatchObject({ label: "Erased", details: {}, notes: null });
      expect(after.sessions).toBe(0);
      expect(after.call).toMatchObject({ callerName: null, recordingSid: null, fromNumber: "erased" });
      // Kept: the opt-in and opt-out with their evidence and times, and the opt-out in force.
      expect(after.ledger.map((e) => [e.state, e.evidence])).toEqual([
        ["opted_in", { wording: "Yes, text me offers" }],
        ["opted_out", { text: "STOP", messageSid: "SM1" }],
      ]);
      expect(after.consent?.state).toBe("opted_out");
      const log = await tenantDb(db, "erase-a").run((tx) => tx.dataDeletion.findMany());
      expect(log).toEqual([
        expect.objectContaining({ kind: "customer_erasure", customerId, actorUserId: actor, trigger: "staff" }),
      ]);
      const audits = await auditRows(db, "erase-a", "retention.customer_erasure");
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorUserId: actor, objectId: customerId });
      expect(audits[0]?.details).toMatchObject({ counts: result.counts });
    });

    it("should refuse an erasure under a legal hold and change nothing", async () => {
      await createTenant(db, "erase-held");
      const { customerId } = await createCustomer(db, "erase-held", "+15125550123", "Held Person");
      await setLegalHold(db, "erase-held", true);
      await expect(
        eraseCustomer(deps(db, NOW), { tenantId: "erase-held", customerId, actorUserId: null }),
      ).rejects.toThrow(LEGAL_HOLD_MESSAGE);
      const customer = await tenantDb(db, "erase-held").run((tx) => tx.customer.findFirstOrThrow());
      expect(customer.name).toBe("Held Person");
      expect(await tenantDb(db, "erase-held").run((tx) => tx.dataDeletion.count())).toBe(0);
    });
  });

  describe("cancelled business", () => {
    it("should order every tenant table after the tables that reference it", async () => {
      const order = await platform(db).run((tx) => tenantTablesInDeleteOrder(tx));
      expect(order).toContain("retention_settings");
      expect(order.indexOf("messages")).toBeLessThan(order.indexOf("conversations"));
      expect(order.indexOf("conversations")).toBeLessThan(order.indexOf("customers"));
      expect(order.indexOf("campaign_sends")).toBeLessThan(order.indexOf("campaigns"));
    });

    it("should warn the owner 14, 7 and 1 days before, then delete every row of the business, and nothing of another", async () => {
      const victim = demoTenants.find((id) => id !== "root") as string;
      const cancelledAt = new Date("2026-11-01T00:00:00.000Z");
      const dueAt = new Date(cancelledAt.getTime() + 30 * DAY);
      await platform(db).run((tx) =>
        tx.tenant.update({
          where: { id: victim },
          data: { status: "cancelled", cancelledAt, contactEmail: "owner@victim.example" },
        }),
      );
      // Rows in the tables the demo leaves empty, for the victim and for a neighbour.
      for (const tenantId of [victim, "erase-a"]) {
        const { conversationId } = await createCustomer(db, tenantId, "+15125550177", "Purge Me");
        await addMessage(db, tenantId, conversationId, NOW);
        await addCall(db, tenantId, NOW, null);
        await consentFor(tenantId, "+15125550177");
        await setWindows(db, tenantId, { messageMonths: 120 });
      }
      const tables = await platform(db).run((tx) => tenantTablesInDeleteOrder(tx));
      const snapshot = async (tenantId: string) =>
        Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(db, t, tenantId)] as const)));
      const before = await snapshot(victim);
      const neighboursBefore = await Promise.all(
        [...demoTenants.filter((id) => id !== victim), "erase-a"].map(snapshot),
      );
      expect(Object.values(before).filter((n) => n > 0).length).toBeGreaterThan(10);

      const email = createDevEmailSender(quiet);
      const at = (ms: number) => deps(db, new Date(ms), { email });
      // Before the 14-day mark: nothing; then each warning once, however often the job runs.
      expect(await runCancelledPurge(at(dueAt.getTime() - 15 * DAY), victim)).toMatchObject({ warned: null });
      for (const daysBefore of [14, 13, 7, 7, 2, 1, 0.5])
        await runCancelledPurge(at(dueAt.getTime() - daysBefore * DAY), victim);
      expect(email.sent.map((m) => m.to)).toEqual(Array(3).fill("owner@victim.example"));
      expect(email.sent.map((m) => /in (\d+) days?/.exec(m.text)?.[1])).toEqual(["14", "7", "1"]);
      expect(await auditRows(db, victim, "tenant.data_deletion_warned")).toHaveLength(3);
      // A millisecond before the due time: still nothing deleted.
      expect(await runCancelledPurge(at(dueAt.getTime() - 1), victim)).toMatchObject({ outcome: "waiting" });
      expect(await snapshot(victim)).toEqual(before);

      // Under a legal hold, not even past the due date.
      await setLegalHold(db, victim, true);
      expect(await runTenantRetention(at(dueAt.getTime() + DAY), victim)).toMatchObject({
        purge: { outcome: "skipped", reason: "legal_hold" },
      });
      expect(await countRows(db, "customers", victim)).toBe(before.customers);
      await setLegalHold(db, victim, false);

      const run = await runCancelledPurge(at(dueAt.getTime()), victim);
      expect(run.outcome).toBe("purged");
      const after = await snapshot(victim);
      expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
      // Another business's rows are all still there.
      const neighboursAfter = await Promise.all(
        [...demoTenants.filter((id) => id !== victim), "erase-a"].map(snapshot),
      );
      expect(neighboursAfter).toEqual(neighboursBefore);
      // The certificate: counts per table equal to what was there; numbers released, each audited.
      const [certificate] = await auditRows(db, victim, "tenant.data_purged");
      const counts = (certificate?.details as { counts: Record<string, number> }).counts;
      for (const [table, n] of Object.entries(before)) expect(counts[table], table).toBe(n);
      expect(before.tenant_phone_configs).toBeGreaterThan(0);
      // The append-only ledgers (points, consent evidence) are purged too: the demo business has both.
      expect(before.loyalty_entries).toBeGreaterThan(0);
      expect(before.sms_consent_events).toBeGreaterThan(0);
      expect(await auditRows(db, victim, "phone_number.released")).toHaveLength(before.tenant_phone_configs ?? -1);
      const tenant = await platform(db).run((tx) => tx.tenant.findUniqueOrThrow({ where: { id: victim } }));
      expect(tenant).toMatchObject({ contactEmail: null, dataPurgedAt: dueAt });
      // Audit rows about the business are kept (the warnings are still there).
      expect(await auditRows(db, victim, "tenant.data_deletion_warned")).toHaveLength(3);
      // Purged once: the next night does nothing.
      expect(await runCancelledPurge(at(dueAt.getTime() + DAY), victim)).toEqual({
        outcome: "skipped",
        reason: "already_purged",
      });
    });

    it("should never purge a business that is not cancelled", async () => {
      await createTenant(db, "still-active", { cancelledAt: new Date("2020-01-01T00:00:00Z") });
      expect(await runCancelledPurge(deps(db, NOW), "still-active")).toEqual({
        outcome: "skipped",
        reason: "not_cancelled",
      });
    });
  });

  it("should need the platform path to release a number (the app role cannot)", async () => {
    // The app role may not delete a phone number's directory row: the purge needs the platform path.
    await expect(
      tenantDb(db, "erase-a").run((tx) => tx.$executeRaw`DELETE FROM tenant_phone_configs WHERE tenant_id = 'erase-a'`),
    ).rejects.toThrow(/permission denied/);
  });
});
