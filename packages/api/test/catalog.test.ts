// What a business sells (tenant.catalog.*): lists in the business's order with formatted prices,
// admin-only edits with strict validation, "edited" marks on pack items, audit rows, and tenant
// isolation. PGlite and PostgreSQL.

import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { getPack } from "@servicepro/industry-packs";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiDeps, callerWith, createBusiness, installPack, member, platform } from "./catalog-fixtures.ts";

const lawn = getPack("lawn-care")!;

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

describe.each(testEngines())("tenant.catalog on %s", (engine) => {
  let db: TestDatabase;
  // Tokens, and a new caller per call: a caller's context reads the session (and the plan) once.
  const tokens = { admin: "", staff: "", otherAdmin: "" };
  let deps: ReturnType<typeof apiDeps>;
  const caller = (token: string) => callerWith(deps, token).api;
  const admin = () => caller(tokens.admin);
  const staff = () => caller(tokens.staff);
  const otherAdmin = () => caller(tokens.otherAdmin);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await createBusiness(db, "alpha-lawn");
    await createBusiness(db, "bravo-lawn");
    await installPack(db, "alpha-lawn", lawn);
    await installPack(db, "bravo-lawn", lawn);
    deps = apiDeps(db);
    tokens.admin = (await member(db, "alpha-lawn", "tenant_admin")).token;
    tokens.staff = (await member(db, "alpha-lawn", "tenant_staff")).token;
    tokens.otherAdmin = (await member(db, "bravo-lawn", "tenant_admin")).token;
  });
  afterAll(() => db?.drop());

  const serviceByPackId = async (packItemId: string) =>
    (await staff().tenant.catalog.services()).find((s) => s.packItemId === packItemId)!;

  it("should list services, add-ons and FAQs in pack order with prices in cents and as text", async () => {
    const services = await staff().tenant.catalog.services();
    expect(services.map((s) => s.packItemId)).toEqual(lawn.services.map((s) => s.id));
    expect(services[0]).toMatchObject({
      name: "Weekly Mowing",
      durationMinutes: 45,
      priceCents: null,
      priceMinCents: 4500,
      priceMaxCents: 8500,
      priceLabel: "$45–$85",
      priceDependsOn: "Lawn size, Access and obstacles",
      active: true,
      editedAt: null,
      source: "pack",
    });
    const addOns = await staff().tenant.catalog.addOns();
    expect(addOns.map((a) => a.packItemId)).toEqual(lawn.addOns.map((a) => a.id));
    expect(addOns[0]).toMatchObject({ name: "Bag and Haul Clippings", priceCents: 1500, priceLabel: "$15" });
    // Add-ons point at the business's own service rows, not at pack ids.
    const weekly = services.find((s) => s.packItemId === "weekly-mowing")!;
    expect(addOns[0]!.serviceIds).toContain(weekly.id);
    const faqs = await staff().tenant.catalog.faqs();
    expect(faqs.map((f) => f.packItemId)).toEqual(lawn.faqs.map((f) => f.id));
  });

  it("should save an admin's change, mark the pack item edited and record it in the audit log", async () => {
    const weekly = await serviceByPackId("weekly-mowing");
    const updated = await admin().tenant.catalog.updateService({
      id: weekly.id,
      price: { type: "fixed", cents: 5500 },
      durationMinutes: 60,
    });
    expect(updated).toMatchObject({
      priceCents: 5500,
      priceMinCents: null,
      priceMaxCents: null,
      priceLabel: "$55",
      durationMinutes: 60,
      source: "edited",
    });
    expect(updated.editedAt).not.toBeNull();
    const rows = await platform(db).run((tx) =>
      tx.auditLog.findMany({ where: { action: "catalog.service_updated", objectId: weekly.id } }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      targetTenantId: "alpha-lawn",
      details: {
        fields: ["durationMinutes", "priceCents", "priceMinCents", "priceMaxCents"],
        packItemId: "weekly-mowing",
      },
    });
  });

  it("should write nothing when the values sent are the current ones", async () => {
    const aeration = await serviceByPackId("aeration");
    const same = await admin().tenant.catalog.updateService({
      id: aeration.id,
      name: aeration.name,
      price: { type: "range", minCents: 9000, maxCents: 18000 },
    });
    expect(same).toMatchObject({ editedAt: null, source: "pack" });
    const rows = await platform(db).run((tx) =>
      tx.auditLog.count({ where: { action: "catalog.service_updated", objectId: aeration.id } }),
    );
    expect(rows).toBe(0);
  });

  it("should refuse bad durations, prices and ranges with messages that say what to enter", async () => {
    const aeration = await serviceByPackId("aeration");
    const cases: [unknown, RegExp][] = [
      [{ id: aeration.id, durationMinutes: 50 }, /Use whole quarter hours/],
      [{ id: aeration.id, durationMinutes: 0 }, /more than 0 minutes/],
      [{ id: aeration.id, price: { type: "fixed", cents: -100 } }, /can't be negative/],
      [
        { id: aeration.id, price: { type: "range", minCents: 9000, maxCents: 9000 } },
        /lowest price must be below the highest/,
      ],
      [{ id: aeration.id }, /at least one field/],
      [{ id: aeration.id, name: "Aeration", colour: "green" }, /colour/],
    ];
    for (const [input, message] of cases) {
      const error = await failure(admin().tenant.catalog.updateService(input as never));
      expect(error.code, JSON.stringify(input)).toBe("BAD_REQUEST");
      expect(error.message).toMatch(message);
    }
    expect(await serviceByPackId("aeration")).toEqual(aeration);
  });

  it("should create a service of the business's own and archive one, keeping it listed as inactive", async () => {
    const created = await admin().tenant.catalog.createService({
      name: "Mulch Install",
      description: "Fresh hardwood mulch.",
      durationMinutes: 120,
      price: { type: "quote" },
    });
    expect(created).toMatchObject({ packItemId: null, source: "custom", priceLabel: "Quoted per job", active: true });
    const services = await staff().tenant.catalog.services();
    expect(services.at(-1)!.id).toBe(created.id);
    expect(created.position).toBe(Math.max(...services.map((s) => s.position)));

    const leaves = await serviceByPackId("leaf-cleanup");
    const archived = await admin().tenant.catalog.archiveService({ id: leaves.id });
    expect(archived).toMatchObject({ active: false, source: "edited" });
    expect((await staff().tenant.catalog.services()).find((s) => s.id === leaves.id)?.active).toBe(false);
    const restored = await admin().tenant.catalog.updateService({ id: leaves.id, active: true });
    expect(restored.active).toBe(true);
  });

  it("should edit add-ons (only with the business's own services) and FAQs, and add FAQs", async () => {
    const [bagging] = await staff().tenant.catalog.addOns();
    const weekly = await serviceByPackId("weekly-mowing");
    const updated = await admin().tenant.catalog.updateAddOn({
      id: bagging!.id,
      priceCents: 2000,
      serviceIds: [weekly.id, weekly.id],
    });
    expect(updated).toMatchObject({ priceCents: 2000, priceLabel: "$20", serviceIds: [weekly.id], source: "edited" });

    const bravoService = (await otherAdmin().tenant.catalog.services())[0]!;
    const refused = await failure(
      admin().tenant.catalog.updateAddOn({ id: bagging!.id, serviceIds: [bravoService.id] }),
    );
    expect(refused.message).toBe("One of the chosen services no longer exists. Reload the page and choose again.");

    const [faq] = await staff().tenant.catalog.faqs();
    expect(
      await admin().tenant.catalog.updateFaq({ id: faq!.id, answer: "  Yes, we text you a quote the same day.  " }),
    ).toMatchObject({ answer: "Yes, we text you a quote the same day.", source: "edited" });
    const added = await admin().tenant.catalog.createFaq({
      question: "Do you mow on Saturdays?",
      answer: "Yes, in the summer.",
    });
    expect(added).toMatchObject({ packItemId: null, source: "custom" });
    expect((await staff().tenant.catalog.faqs()).at(-1)!.id).toBe(added.id);
  });

  it("should let staff read but not change anything", async () => {
    const weekly = await serviceByPackId("weekly-mowing");
    expect((await failure(staff().tenant.catalog.updateService({ id: weekly.id, name: "Mowing" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(staff().tenant.catalog.createFaq({ question: "Q?", answer: "A." }))).code).toBe("FORBIDDEN");
    expect((await failure(staff().tenant.catalog.archiveService({ id: weekly.id }))).code).toBe("FORBIDDEN");
  });

  it("should keep businesses apart: an admin cannot see or change another business's items", async () => {
    const bravoServices = await otherAdmin().tenant.catalog.services();
    const alphaIds = new Set((await staff().tenant.catalog.services()).map((s) => s.id));
    expect(bravoServices.some((s) => alphaIds.has(s.id))).toBe(false);
    const target = bravoServices[0]!;
    const error = await failure(admin().tenant.catalog.updateService({ id: target.id, name: "Hijacked" }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await failure(admin().tenant.catalog.archiveService({ id: target.id }))).code).toBe("NOT_FOUND");
    const bravoFaq = (await otherAdmin().tenant.catalog.faqs())[0]!;
    expect((await failure(admin().tenant.catalog.updateFaq({ id: bravoFaq.id, answer: "Hijacked" }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await otherAdmin().tenant.catalog.services())[0]).toEqual(target);
  });

  it("should refuse changes while the business is suspended, and still list", async () => {
    await platform(db).run((tx) => tx.tenant.update({ where: { id: "alpha-lawn" }, data: { status: "suspended" } }));
    try {
      const weekly = await serviceByPackId("weekly-mowing");
      const error = await failure(admin().tenant.catalog.updateService({ id: weekly.id, name: "Mowing" }));
      expect(error.code).toBe("FORBIDDEN");
      expect((await admin().tenant.catalog.services()).length).toBeGreaterThan(0);
    } finally {
      await platform(db).run((tx) => tx.tenant.update({ where: { id: "alpha-lawn" }, data: { status: "active" } }));
    }
  });
});
