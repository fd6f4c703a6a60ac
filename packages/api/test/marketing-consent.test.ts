// Consent that distinguishes purposes (issue 15 §1) on real databases: the booking page's offers box
// is its own consent, with evidence; staff record one only with a note, audited; an opt-out of
// texts revokes offers in the same transaction and an opt-in to texts does not bring them back;
// one business never sees another's marketing consent.
import { type TenantTx, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { hasMarketingConsent, recordConsentChange, recordMarketingConsent } from "@servicepro/sms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/context.ts";
import {
  api,
  type Business,
  bookingBusiness,
  chicago,
  failure,
  fieldPaths,
  fixedDeps,
  staffToken,
} from "./booking-fixtures.ts";
import { auditRows } from "./telephony-fixtures.ts";

describe.each(testEngines())("marketing consent on %s", (engine) => {
  let db: TestDatabase;
  let shop: Business;
  let other: Business;
  let deps: ApiDeps;
  let staff: ReturnType<typeof api>;
  let ipCount = 0;
  const visitor = () => api(deps, undefined, `203.0.113.${(ipCount++ % 250) + 1}`).booking;

  beforeAll(async () => {
    db = await createTestDatabase(engine, { poolSize: 4 });
    shop = await bookingBusiness(db, "offers-shop");
    other = await bookingBusiness(db, "offers-other");
    deps = fixedDeps(db);
    staff = api(deps, (await staffToken(db, shop.id)).token);
  });
  afterAll(() => db?.drop());

  const inShop = <T>(fn: (tx: TenantTx) => Promise<T>) => tenantDb(db, shop.id).run(fn);
  const ledgerOf = (phone: string) =>
    tenantDb(db, shop.id).run((tx) =>
      tx.smsConsentEvent.findMany({ where: { phone }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    );
  const offersAllowed = (phone: string) => tenantDb(db, shop.id).run((tx) => hasMarketingConsent(tx, phone));
  const book = (phone: string, hhmm: string, boxes: { smsConsent?: boolean; marketingConsent?: boolean }) =>
    visitor().create({
      slug: "offers-shop",
      serviceId: shop.serviceId,
      startsAt: chicago(9, hhmm),
      name: "Offer Tester",
      phone,
      ...boxes,
    });

  it("should give no marketing consent to a booking with only the appointment-texts box", async () => {
    const phone = "+15125550181";
    const booked = await book(phone, "09:00", { smsConsent: true });
    expect(booked.textsEnabled).toBe(true);
    expect(await offersAllowed(phone)).toBe(false);
    const ledger = await ledgerOf(phone);
    expect(ledger.map((e) => [e.purpose, e.state])).toEqual([["transactional", "opted_in"]]);
    expect(await inShop((tx) => tx.marketingConsent.findFirst({ where: { phone } }))).toBeNull();
  });

  it("should record the offers box as marketing consent with its own wording and the request as evidence", async () => {
    const phone = "+15125550182";
    await book(phone, "10:00", { smsConsent: true, marketingConsent: true });
    expect(await offersAllowed(phone)).toBe(true);
    const marketing = (await ledgerOf(phone)).filter((e) => e.purpose === "marketing");
    expect(marketing).toHaveLength(1);
    expect(marketing[0]).toMatchObject({ state: "opted_in", source: "booking_page" });
    expect(marketing[0]!.evidence).toMatchObject({
      via: "booking_page",
      text: expect.stringMatching(/^Send me offers and news by text from Shine offers-shop\..*Reply STOP/),
      ip: expect.stringMatching(/^203\.0\.113\./),
      requestId: expect.any(String),
    });
    const page = await visitor().page({ slug: "offers-shop" });
    expect(page.marketingConsentText).toBe((marketing[0]!.evidence as { text: string }).text);
  });

  it("should revoke both consents on STOP, and restore only appointment texts on START", async () => {
    const phone = "+15125550183";
    await book(phone, "11:00", { smsConsent: true, marketingConsent: true });
    expect(await offersAllowed(phone)).toBe(true);

    await tenantDb(db, shop.id).run((tx) =>
      recordConsentChange(tx, shop.id, {
        phone,
        state: "opted_out",
        source: "keyword",
        evidence: { text: "STOP" },
      }),
    );
    expect(await offersAllowed(phone)).toBe(false);
    expect(await inShop((tx) => tx.marketingConsent.findFirstOrThrow({ where: { phone } }))).toMatchObject({
      state: "opted_out",
      source: "keyword",
    });

    await tenantDb(db, shop.id).run((tx) =>
      recordConsentChange(tx, shop.id, { phone, state: "opted_in", source: "keyword", evidence: { text: "START" } }),
    );
    expect(await inShop((tx) => tx.smsConsent.findFirstOrThrow({ where: { phone } }))).toMatchObject({
      state: "opted_in",
    });
    expect(await offersAllowed(phone)).toBe(false);
    // One row per event: the STOP row is also the offers' revocation (rows of one transaction
    // share their timestamp, so the order is not asserted; the states above show it).
    const ledger = (await ledgerOf(phone)).map((e) => [e.purpose, e.state, e.source]);
    expect(ledger).toHaveLength(4);
    expect(ledger).toEqual(
      expect.arrayContaining([
        ["transactional", "opted_in", "booking_page"],
        ["marketing", "opted_in", "booking_page"],
        ["transactional", "opted_out", "keyword"],
        ["transactional", "opted_in", "keyword"],
      ]),
    );
  });

  it("should keep a number that opted out from agreeing to offers through the booking page's offers box alone", async () => {
    const phone = "+15125550184";
    await tenantDb(db, shop.id).run((tx) =>
      recordConsentChange(tx, shop.id, { phone, state: "opted_out", source: "keyword", evidence: { text: "STOP" } }),
    );
    await book(phone, "13:00", { marketingConsent: true });
    expect(await offersAllowed(phone)).toBe(false);
    expect((await ledgerOf(phone)).filter((e) => e.purpose === "marketing")).toEqual([]);
  });

  it("should let staff record consent to offers only with a note, audited, and show it on the customer's page", async () => {
    const customerId = shop.customerId;
    const noNote = await failure(staff.tenant.customers.setMarketingConsent({ customerId, allow: true, note: "" }));
    expect(noNote.code).toBe("BAD_REQUEST");
    expect(fieldPaths(noNote)).toEqual(["note"]);

    const given = await staff.tenant.customers.setMarketingConsent({
      customerId,
      allow: true,
      note: "Asked at the counter, said yes",
    });
    expect(given).toEqual({ state: "opted_in", allowed: true });
    const page = await staff.tenant.customers.get({ id: customerId });
    expect(page.marketingConsent).toEqual({ state: "opted_in", allowed: true });
    expect(page.consentHistory[0]).toMatchObject({
      purpose: "marketing",
      state: "opted_in",
      source: "staff",
      note: "Asked at the counter, said yes",
    });
    const audits = (await auditRows(db, "customers.marketing_consent_changed")).filter(
      (row) => row.targetTenantId === shop.id,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ objectType: "customer", objectId: customerId });
    expect(audits[0]!.details).toMatchObject({ state: "opted_in", note: "Asked at the counter, said yes" });

    // Withdrawing needs no note; appointment texts are untouched.
    expect(await staff.tenant.customers.setMarketingConsent({ customerId, allow: false, note: null })).toEqual({
      state: "opted_out",
      allowed: false,
    });
    expect((await staff.tenant.customers.get({ id: customerId })).customer.consent).toBeNull();
  });

  it("should refuse a staff grant for a number that opted out of texts, and a customer of another business", async () => {
    const customer = await inShop((tx) =>
      tx.customer.findUniqueOrThrow({ where: { tenantId_id: { tenantId: shop.id, id: shop.customerId } } }),
    );
    await tenantDb(db, shop.id).run((tx) =>
      recordConsentChange(tx, shop.id, {
        phone: customer.phone,
        state: "opted_out",
        source: "keyword",
        evidence: { text: "STOP" },
      }),
    );
    const refused = await failure(
      staff.tenant.customers.setMarketingConsent({ customerId: shop.customerId, allow: true, note: "Said yes" }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/START/);

    const elsewhere = await failure(
      staff.tenant.customers.setMarketingConsent({ customerId: other.customerId, allow: true, note: "Said yes" }),
    );
    expect(elsewhere.code).toBe("NOT_FOUND");
  });

  it("should not let an offers opt-in slip past a STOP being recorded at the same moment", async () => {
    const phone = "+15125550186";
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let stopped!: () => void;
    const stopRecorded = new Promise<void>((resolve) => {
      stopped = resolve;
    });
    // The STOP's transaction has written its rows but not committed yet when the opt-in starts.
    const stop = tenantDb(db, shop.id).run(async (tx) => {
      await recordConsentChange(tx, shop.id, {
        phone,
        state: "opted_out",
        source: "keyword",
        evidence: { text: "STOP" },
      });
      stopped();
      await gate;
    });
    await stopRecorded;
    const optIn = tenantDb(db, shop.id).run((tx) =>
      recordMarketingConsent(tx, shop.id, {
        phone,
        state: "opted_in",
        source: "staff",
        evidence: { note: "Said yes" },
      }),
    );
    const outcome = optIn.then(
      () => "recorded",
      (error: unknown) => (error as { code?: string }).code,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await stop;
    expect(await outcome).toBe("PRECONDITION_FAILED");
    expect(await inShop((tx) => tx.marketingConsent.findFirst({ where: { phone } }))).toBeNull();
  });

  it("should keep each business's marketing consent to itself", async () => {
    const phone = "+15125550185";
    await book(phone, "15:00", { marketingConsent: true });
    expect(await offersAllowed(phone)).toBe(true);
    const seenByOther = await tenantDb(db, other.id).run(async (tx) => ({
      rows: await tx.marketingConsent.count({ where: { phone } }),
      events: await tx.smsConsentEvent.count({ where: { phone } }),
      allowed: await hasMarketingConsent(tx, phone),
    }));
    expect(seenByOther).toEqual({ rows: 0, events: 0, allowed: false });
  });
});
