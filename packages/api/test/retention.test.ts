// The retention procedures (issue 16): staff read the windows, admins change them (audited); the
// platform owner sets and lifts a legal hold (audited) and the business sees it; an erasure needs
// the customer's name typed, is refused under a legal hold, and otherwise removes the personal data
// with a log row. PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, fieldPaths } from "./booking-fixtures.ts";
import { apiDeps, callerWith, createBusiness, member, platform } from "./catalog-fixtures.ts";
import { signedInUser } from "./telephony-fixtures.ts";

const NOW = new Date("2026-12-03T15:00:00.000Z");

describe.each(testEngines())("tenant.retention and erasure on %s", (engine) => {
  let db: TestDatabase;
  let admin: ReturnType<typeof callerWith>["api"];
  let staff: ReturnType<typeof callerWith>["api"];
  let owner: ReturnType<typeof callerWith>["api"];

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await createBusiness(db, "keep-co");
    const deps = apiDeps(db, () => NOW);
    admin = callerWith(deps, (await member(db, "keep-co", "tenant_admin")).token).api;
    staff = callerWith(deps, (await member(db, "keep-co", "tenant_staff")).token).api;
    owner = callerWith(deps, (await signedInUser(db, { owner: true })).token).api;
  });
  afterAll(() => db?.drop());

  const audits = (action: string) =>
    platform(db).run((tx) => tx.auditLog.findMany({ where: { action, targetTenantId: "keep-co" } }));

  it("should show keep-forever defaults, let admins change the windows, and refuse staff", async () => {
    const before = await staff.tenant.retention.get();
    expect(before.settings).toMatchObject({ messageMonths: null, recordingMonths: null, cancelledDeletionDays: null });
    expect(before.defaultCancelledDeletionDays).toBe(30);
    expect(before.next).toMatchObject({ runAt: "2026-12-04T00:00:00.000Z", messagesBefore: null, messages: 0 });
    expect(before.legalHold).toBeNull();

    expect(
      (
        await failure(
          staff.tenant.retention.update({ messageMonths: 12, recordingMonths: null, cancelledDeletionDays: null }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const bad = await failure(
      admin.tenant.retention.update({ messageMonths: 0, recordingMonths: 500, cancelledDeletionDays: null }),
    );
    expect(fieldPaths(bad).sort()).toEqual(["messageMonths", "recordingMonths"]);

    const after = await admin.tenant.retention.update({
      messageMonths: 12,
      recordingMonths: 6,
      cancelledDeletionDays: null,
    });
    expect(after.settings).toMatchObject({ messageMonths: 12, recordingMonths: 6 });
    expect(after.next.messagesBefore).toBe("2025-12-04T00:00:00.000Z");
    const [audit] = await audits("retention.settings_updated");
    expect(audit?.details).toMatchObject({
      fields: ["messageMonths", "recordingMonths"],
      after: { messageMonths: 12 },
    });
  });

  it("should let only the platform owner set a legal hold, audited, and show it to the business", async () => {
    expect(
      (await failure(admin.admin.retention.setLegalHold({ tenantId: "keep-co", on: true, reason: "x" }))).code,
    ).toBe("FORBIDDEN");
    const missing = await failure(owner.admin.retention.setLegalHold({ tenantId: "keep-co", on: true }));
    expect(fieldPaths(missing)).toEqual(["reason"]);
    const held = await owner.admin.retention.setLegalHold({ tenantId: "keep-co", on: true, reason: "Case 26-114" });
    expect(held.legalHold).toMatchObject({ since: NOW.toISOString(), reason: "Case 26-114" });
    expect((await staff.tenant.retention.get()).legalHold).toEqual({ since: NOW.toISOString() });
    expect(await audits("tenant.legal_hold_set")).toHaveLength(1);

    // An erasure under the hold is refused and changes nothing.
    const customer = await platform(db).run((tx) =>
      tx.customer.create({
        data: { tenantId: "keep-co", phone: "+15125550140", name: "Jo Held", email: "jo@example.com" },
      }),
    );
    const refused = await failure(admin.tenant.customers.erase({ customerId: customer.id, confirmation: "Jo Held" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/legal hold/);

    const lifted = await owner.admin.retention.setLegalHold({ tenantId: "keep-co", on: false });
    expect(lifted.legalHold).toBeNull();
    expect(await audits("tenant.legal_hold_lifted")).toHaveLength(1);
  });

  it("should erase a customer only when their name is typed, and only for admins", async () => {
    const customer = await platform(db).run((tx) =>
      tx.customer.create({
        data: { tenantId: "keep-co", phone: "+15125550141", name: "Robin Erase", email: "r@example.com" },
      }),
    );
    expect(
      (await failure(staff.tenant.customers.erase({ customerId: customer.id, confirmation: "Robin Erase" }))).code,
    ).toBe("FORBIDDEN");
    const wrong = await failure(admin.tenant.customers.erase({ customerId: customer.id, confirmation: "Robin" }));
    expect(fieldPaths(wrong)).toEqual(["confirmation"]);
    const done = await admin.tenant.customers.erase({ customerId: customer.id, confirmation: "robin  erase" });
    expect(done.counts).toMatchObject({ customer: 1 });
    const after = await platform(db).run((tx) =>
      tx.customer.findUniqueOrThrow({ where: { tenantId_id: { tenantId: "keep-co", id: customer.id } } }),
    );
    expect(after).toMatchObject({ name: null, email: null });
    const page = await staff.tenant.retention.get();
    expect(page.log).toEqual([expect.objectContaining({ id: done.deletionId, kind: "customer_erasure" })]);
  });

  it("should start the cancellation grace when the owner cancels the business, and stop it on reactivation", async () => {
    await owner.admin.tenants.updatePlan({ tenantId: "keep-co", status: "cancelled" });
    const cancelled = await staff.tenant.retention.get();
    expect(cancelled.cancellation).toEqual({
      cancelledAt: NOW.toISOString(),
      deletesAt: new Date(NOW.getTime() + 30 * 24 * 60 * 60 * 1000).toISOString(),
    });
    expect((await owner.admin.retention.get({ tenantId: "keep-co" })).deletesAt).toBe(
      cancelled.cancellation?.deletesAt,
    );
    await owner.admin.tenants.updatePlan({ tenantId: "keep-co", status: "active" });
    expect((await staff.tenant.retention.get()).cancellation).toBeNull();
  });
});
