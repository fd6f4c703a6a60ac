// tenant.customers duplicates and merges (issue 16, section 2) through the API: staff read, admins
// change; a merge and its undo are audited; another business's ids are not found; a customer cannot
// be merged with itself; likely matches are listed, never merged. The exactness of merge and undo
// over every table is packages/customer-master/test/merge.test.ts. PGlite and PostgreSQL.
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRows, callerFor, createTenant, signedInUser } from "./telephony-fixtures.ts";

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

describe.each(testEngines())("tenant.customers merges on %s", (engine) => {
  let db: TestDatabase;
  let admin: ReturnType<typeof callerFor>;
  let staff: ReturnType<typeof callerFor>;
  let otherAdmin: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await createTenant(db, "merge-a");
    await createTenant(db, "merge-b");
    admin = callerFor(db, (await signedInUser(db, { tenantId: "merge-a", role: "tenant_admin" })).token);
    staff = callerFor(db, (await signedInUser(db, { tenantId: "merge-a" })).token);
    otherAdmin = callerFor(db, (await signedInUser(db, { tenantId: "merge-b", role: "tenant_admin" })).token);
  });
  afterAll(() => db?.drop());

  it("lists duplicates for staff, merges and undoes for admins, audited", async () => {
    const a = await admin.tenant.customers.create({
      name: "Jo Park",
      phone: "(512) 555-0301",
      email: "jo@example.com",
    });
    const b = await admin.tenant.customers.create({
      name: "Joanne Park",
      phone: "(512) 555-0302",
      email: "JO@example.com",
    });
    const c = await admin.tenant.customers.create({
      name: "Lee Chan",
      phone: "(512) 555-0303",
      address: "4 Elm Street",
    });
    const d = await admin.tenant.customers.create({ name: "Chan, Lee", phone: "(512) 555-0304", address: "4 elm st" });

    const page = await staff.tenant.customers.duplicates({ limit: 25 });
    const pairOf = (x: { id: string }, y: { id: string }) =>
      page.items.find((p) => [p.a.id, p.b.id].sort().join() === [x.id, y.id].sort().join());
    expect(pairOf(a, b)).toMatchObject({ level: "certain", reasons: ["email"] });
    expect(pairOf(c, d)).toMatchObject({ level: "likely", reasons: ["name_street"] });
    // Likely matches are listed, not merged: all four customers are still there.
    expect((await staff.tenant.customers.list({ limit: 50 })).items).toHaveLength(4);

    const preview = await staff.tenant.customers.mergePreview({ survivorId: a.id, mergedId: b.id });
    expect(preview.merged.phone).toBe("+15125550302");

    // Staff read; only admins change.
    expect((await failure(staff.tenant.customers.merge({ survivorId: a.id, mergedId: b.id }))).code).toBe("FORBIDDEN");
    expect((await failure(staff.tenant.customers.dismissDuplicate({ customerId: c.id, otherId: d.id }))).code).toBe(
      "FORBIDDEN",
    );

    const merged = await admin.tenant.customers.merge({ survivorId: a.id, mergedId: b.id });
    const survivor = await staff.tenant.customers.get({ id: a.id });
    expect(survivor.customer.altPhones).toEqual(["+15125550302"]);
    expect((await failure(staff.tenant.customers.get({ id: b.id }))).code).toBe("NOT_FOUND");
    const history = await staff.tenant.customers.merges({ customerId: a.id });
    expect(history).toMatchObject([{ id: merged.mergeId, mergedPhone: "+15125550302", canUndo: true, undoneAt: null }]);
    expect((await auditRows(db, "customers.merged")).at(-1)).toMatchObject({
      objectId: a.id,
      details: expect.objectContaining({ mergeId: merged.mergeId, mergedId: b.id }),
    });

    expect((await failure(staff.tenant.customers.unmerge({ mergeId: merged.mergeId }))).code).toBe("FORBIDDEN");
    await admin.tenant.customers.unmerge({ mergeId: merged.mergeId });
    expect((await staff.tenant.customers.get({ id: b.id })).customer).toMatchObject({
      phone: "+15125550302",
      email: "jo@example.com",
    });
    expect((await staff.tenant.customers.get({ id: a.id })).customer.altPhones).toEqual([]);
    expect((await staff.tenant.customers.merges({ customerId: a.id }))[0]).toMatchObject({ canUndo: false });
    expect((await auditRows(db, "customers.unmerged")).at(-1)).toMatchObject({ objectId: a.id });
    expect((await failure(admin.tenant.customers.unmerge({ mergeId: merged.mergeId }))).code).toBe("CONFLICT");

    // "Not the same person": the pair is no longer offered.
    await admin.tenant.customers.dismissDuplicate({ customerId: d.id, otherId: c.id });
    const after = await staff.tenant.customers.duplicates({ limit: 25 });
    expect(after.items.some((p) => [p.a.id, p.b.id].includes(c.id) && [p.a.id, p.b.id].includes(d.id))).toBe(false);
    expect((await auditRows(db, "customers.duplicate_dismissed")).length).toBeGreaterThan(0);
  });

  it("refuses merging a customer with itself (400) and another business's customers (404)", async () => {
    const mine = await admin.tenant.customers.create({ name: "Sam Ortiz", phone: "(512) 555-0311" });
    const theirs = await otherAdmin.tenant.customers.create({ name: "Sam Ortiz", phone: "(512) 555-0312" });
    const self = await failure(admin.tenant.customers.merge({ survivorId: mine.id, mergedId: mine.id }));
    expect(self.code).toBe("BAD_REQUEST");
    expect(self.message).toMatch(/itself/);
    expect((await failure(admin.tenant.customers.merge({ survivorId: mine.id, mergedId: theirs.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await failure(admin.tenant.customers.merge({ survivorId: theirs.id, mergedId: mine.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await failure(admin.tenant.customers.mergePreview({ survivorId: mine.id, mergedId: theirs.id }))).code,
    ).toBe("NOT_FOUND");
    // Another business's merge id is not found either.
    const other = await otherAdmin.tenant.customers.create({ name: "X", phone: "(512) 555-0313" });
    const theirMerge = await otherAdmin.tenant.customers.merge({ survivorId: theirs.id, mergedId: other.id });
    expect((await failure(admin.tenant.customers.unmerge({ mergeId: theirMerge.mergeId }))).code).toBe("NOT_FOUND");
    // Nothing of business B changed.
    const count = await tenantDb(db, "merge-b").run((tx) => tx.customer.count());
    expect(count).toBe(1);
  });
});
