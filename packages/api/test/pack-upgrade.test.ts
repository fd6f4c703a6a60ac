// Industry pack upgrades (tenant.pack.*): the businesses here were "set up" from an older 0.9.0
// copy of the lawn care pack that differs from it in known ways. The
// preview must split the changes into what applies and what is held back because the business
// edited, archived or deleted the item; applying writes exactly the first part, once. PGlite and
// PostgreSQL.
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { getPack, type IndustryPack } from "@servicepro/industry-packs";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiDeps, callerWith, createBusiness, installPack, member, platform } from "./catalog-fixtures.ts";

const lawn = getPack("lawn-care")!;
/** The shipped version (1.1.0 since the campaign templates). */
const latest = lawn.version;

/** Lawn care as it was at 0.9.0: the shipped version changes two prices, adds a FAQ and an add-on, and drops a service, an add-on and a FAQ. */
function lawnCare090(): IndustryPack {
  const old = structuredClone(lawn) as IndustryPack;
  old.version = "0.9.0";
  const service = (id: string) => old.services.find((s) => s.id === id)!;
  service("weekly-mowing").priceCents = { min: 4000, max: 8000 };
  service("biweekly-mowing").priceCents = { min: 5000, max: 9500 };
  service("fertilization").description =
    "Granular fertilizer and weed control, applied as one step of a four-round program through the growing season.";
  old.services.push({
    id: "dethatching",
    name: "Power Dethatching",
    description:
      "A power rake pulls the thick layer of dead grass out of the lawn so water and air reach the soil again.",
    durationMinutes: 90,
    priceCents: 14_000,
    priceDependsOn: [],
  });
  old.addOns.find((a) => a.id === "hedge-trimming")!.priceCents = 6500;
  old.addOns = old.addOns.filter((a) => a.id !== "grub-preventive");
  old.addOns.push({
    id: "edging-refresh",
    name: "Bed Edge Refresh",
    description: "Crisp spade-cut edges around every bed, with the cut soil raked away.",
    priceCents: 4000,
    durationMinutes: 30,
    serviceIds: ["weekly-mowing"],
    offerAt: "on-site",
    offerWhen: "Bed edges have grown over and the customer mentions the yard looking untidy.",
  });
  old.faqs = old.faqs.filter((f) => f.id !== "faq-pets");
  old.faqs.find((f) => f.id === "faq-rain")!.answer =
    "We skip the visit when it rains and come back the next dry day, at no extra charge to you.";
  old.faqs.push({
    id: "faq-old-promo",
    question: "Do you have a spring special?",
    answer: "Book three visits in March and the fourth mow is free, for new customers only.",
  });
  return old;
}

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

describe.each(testEngines())("pack upgrades on %s", (engine) => {
  let db: TestDatabase;
  let deps: ReturnType<typeof apiDeps>;
  const tokens = { admin: "", staff: "", racer: "", plain: "" };
  const as = (token: string) => callerWith(deps, token).api.tenant;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    deps = apiDeps(db);
    await createBusiness(db, "edited-lawn", { name: "Edited Lawn Co" });
    await createBusiness(db, "racing-lawn");
    await createBusiness(db, "plain-lawn");
    await installPack(db, "edited-lawn", lawnCare090());
    await installPack(db, "racing-lawn", lawnCare090());
    tokens.admin = (await member(db, "edited-lawn", "tenant_admin")).token;
    tokens.staff = (await member(db, "edited-lawn", "tenant_staff")).token;
    tokens.racer = (await member(db, "racing-lawn", "tenant_admin")).token;
    tokens.plain = (await member(db, "plain-lawn", "tenant_admin")).token;

    // The business's own changes since set-up: an edited price, an archived service, an edited
    // add-on the pack later drops, and a FAQ it deleted.
    const admin = as(tokens.admin);
    const services = await admin.catalog.services();
    const byPack = (id: string) => services.find((s) => s.packItemId === id)!;
    await admin.catalog.updateService({
      id: byPack("biweekly-mowing").id,
      price: { type: "range", minCents: 6000, maxCents: 11_000 },
    });
    await admin.catalog.archiveService({ id: byPack("fertilization").id });
    const edging = (await admin.catalog.addOns()).find((a) => a.packItemId === "edging-refresh")!;
    await admin.catalog.updateAddOn({ id: edging.id, priceCents: 4500 });
    await tenantDb(db, "edited-lawn").run((tx) => tx.faq.deleteMany({ where: { packItemId: "faq-rain" } }));
  });
  afterAll(() => db?.drop());

  it("should say which version is installed and that the shipped one is newer", async () => {
    const status = await as(tokens.admin).pack.status();
    expect(status).toMatchObject({
      installed: { packId: "lawn-care", packName: "Lawn Care", version: "0.9.0" },
      latestVersion: latest,
      upgradeAvailable: true,
    });
    expect(await as(tokens.plain).pack.status()).toEqual({
      installed: null,
      latestVersion: null,
      upgradeAvailable: false,
    });
  });

  it("should preview what applies and what is held back, and why, in words", async () => {
    const preview = (await as(tokens.admin).pack.upgradePreview())!;
    expect(preview).toMatchObject({
      packId: "lawn-care",
      packName: "Lawn Care",
      fromVersion: "0.9.0",
      toVersion: latest,
      otherChanges: [],
    });
    expect(preview.willApply.map((i) => [i.kind, i.packItemId, i.change])).toEqual([
      ["service", "weekly-mowing", "changed"],
      ["service", "dethatching", "removed"],
      ["addOn", "hedge-trimming", "changed"],
      ["addOn", "grub-preventive", "added"],
      ["faq", "faq-pets", "added"],
      ["faq", "faq-old-promo", "removed"],
    ]);
    expect(preview.heldBack.map((i) => [i.kind, i.packItemId, i.change, i.heldBackReason])).toEqual([
      ["service", "biweekly-mowing", "changed", "edited"],
      ["service", "fertilization", "changed", "archived"],
      ["addOn", "edging-refresh", "removed", "edited"],
      ["faq", "faq-rain", "changed", "deleted"],
    ]);
    const line = (id: string) => [...preview.willApply, ...preview.heldBack].find((i) => i.packItemId === id)!;
    expect(line("weekly-mowing")).toMatchObject({
      title: "Weekly Mowing",
      details: ["Price: $40–$80 → $45–$85"],
      heldBackReason: null,
    });
    expect(line("hedge-trimming").details).toEqual(["Price: $65 → $75"]);
    expect(line("dethatching").details[0]).toMatch(/it will be archived/);
    expect(line("faq-old-promo").details[0]).toMatch(/it will be deleted/);
    expect(line("grub-preventive").details[0]).toMatch(/^New add-on: \$\d+, offered with /);
    // Staff see the catalog, not the pack controls.
    expect((await failure(as(tokens.staff).pack.upgradePreview())).code).toBe("FORBIDDEN");
  });

  it("should apply only the unedited items, record the new install, and be up to date after", async () => {
    const tenant = as(tokens.admin);
    const before = await tenant.catalog.services();
    const result = await tenant.pack.applyUpgrade({ fromVersion: "0.9.0", toVersion: latest });
    expect(result).toEqual({ packId: "lawn-care", fromVersion: "0.9.0", toVersion: latest, applied: 6, heldBack: 4 });

    const services = await tenant.catalog.services();
    const service = (id: string) => services.find((s) => s.packItemId === id)!;
    // Unedited and changed: now the pack's. Edited: the business's price stays. Archived: still archived, old text.
    expect(service("weekly-mowing")).toMatchObject({ priceMinCents: 4500, priceMaxCents: 8500, source: "pack" });
    expect(service("biweekly-mowing")).toMatchObject({ priceMinCents: 6000, priceMaxCents: 11_000, source: "edited" });
    expect(service("fertilization")).toMatchObject({
      active: false,
      description: before.find((s) => s.packItemId === "fertilization")!.description,
    });
    expect(service("dethatching").active).toBe(false);

    const addOns = await tenant.catalog.addOns();
    const grub = addOns.find((a) => a.packItemId === "grub-preventive")!;
    const packGrub = lawn.addOns.find((a) => a.id === "grub-preventive")!;
    expect(grub).toMatchObject({ name: packGrub.name, priceCents: packGrub.priceCents, active: true, source: "pack" });
    expect(grub.serviceIds.sort()).toEqual(packGrub.serviceIds.map((id) => service(id).id).sort());
    expect(addOns.find((a) => a.packItemId === "hedge-trimming")!.priceCents).toBe(7500);
    expect(addOns.find((a) => a.packItemId === "edging-refresh")).toMatchObject({ active: true, priceCents: 4500 });

    const faqs = await tenant.catalog.faqs();
    expect(faqs.find((f) => f.packItemId === "faq-pets")).toMatchObject({
      answer: lawn.faqs.find((f) => f.id === "faq-pets")!.answer,
    });
    expect(faqs.some((f) => f.packItemId === "faq-old-promo" || f.packItemId === "faq-rain")).toBe(false);

    const installs = await tenantDb(db, "edited-lawn").run((tx) =>
      tx.packInstall.findMany({ orderBy: { installedAt: "asc" } }),
    );
    expect(installs.map((i) => i.version)).toEqual(["0.9.0", latest]);
    expect(installs[1]!.snapshot).toEqual(JSON.parse(JSON.stringify(lawn)));
    expect(await tenant.pack.status()).toMatchObject({ installed: { version: latest }, upgradeAvailable: false });
    expect(await tenant.pack.upgradePreview()).toBeNull();

    const audit = await platform(db).run((tx) =>
      tx.auditLog.findMany({ where: { action: "pack.upgraded", targetTenantId: "edited-lawn" } }),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({
      fromVersion: "0.9.0",
      toVersion: latest,
      heldBack: ["biweekly-mowing", "fertilization", "edging-refresh", "faq-rain"],
    });
  });

  it("should refuse a stale preview: applied meanwhile, or a version that is not the newest", async () => {
    const again = await failure(as(tokens.admin).pack.applyUpgrade({ fromVersion: "0.9.0", toVersion: latest }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe(
      `The Lawn Care pack on this account is now version ${latest}, not 0.9.0: the update was applied meanwhile. Review the changes again.`,
    );
    const wrongTarget = await failure(as(tokens.racer).pack.applyUpgrade({ fromVersion: "0.9.0", toVersion: "9.9.0" }));
    expect(wrongTarget.message).toBe(
      `The newest Lawn Care pack is now version ${latest}, not 9.9.0. Review the changes again before applying.`,
    );
    const none = await failure(as(tokens.plain).pack.applyUpgrade({ fromVersion: latest, toVersion: latest }));
    expect(none).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This business wasn't set up from an industry pack, so there is no pack to update.",
    });
    expect(
      (await failure(as(tokens.admin).pack.applyUpgrade({ fromVersion: "latest", toVersion: latest } as never))).code,
    ).toBe("BAD_REQUEST");
  });

  it("should apply once when two admins press Apply at the same time", async () => {
    const input = { fromVersion: "0.9.0", toVersion: latest };
    const results = await Promise.allSettled([
      as(tokens.racer).pack.applyUpgrade(input),
      as(tokens.racer).pack.applyUpgrade(input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected?.reason as TRPCError).code).toBe("CONFLICT");
    const installs = await tenantDb(db, "racing-lawn").run((tx) =>
      tx.packInstall.count({ where: { version: latest } }),
    );
    expect(installs).toBe(1);
    const pets = await tenantDb(db, "racing-lawn").run((tx) => tx.faq.count({ where: { packItemId: "faq-pets" } }));
    expect(pets).toBe(1);
  });
});
