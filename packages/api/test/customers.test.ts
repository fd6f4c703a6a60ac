// The business's customers (tenant.customers.*): create and edit with field errors and the
// one-number-per-customer rule, search, filters and keyset paging, the customer page, assets by the
// pack's kinds, tenant isolation, and (PostgreSQL) the list's plan at 20,000 customers: an index
// seek, never a scan. PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { Prisma, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { getPack } from "@servicepro/industry-packs";
import { customersListInput } from "@servicepro/validators";
import { TRPCError } from "@trpc/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerListQuery, encodeCustomerCursor } from "../src/routers/tenant/customers.ts";
import { installPack } from "./catalog-fixtures.ts";
import { callerFor, callRow, conversationWith, createTenant, optOut, signedInUser } from "./telephony-fixtures.ts";

const DAY = 24 * 60 * 60 * 1000;

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError & { cause?: unknown };
};

/** The field issues a refusal carries, as the client reads them from `error.data.issues`. */
const issuesOf = (error: TRPCError) => {
  const cause = error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined;
  return (cause?.issues ?? []).map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
};

describe.each(testEngines())("tenant.customers on %s", (engine) => {
  let db: TestDatabase;
  let alpha: ReturnType<typeof callerFor>;
  let bravo: ReturnType<typeof callerFor>;
  let tenantSeq = 0;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await createTenant(db, "alpha");
    await createTenant(db, "bravo");
    await installPack(db, "alpha", getPack("auto-detailing")!);
    alpha = callerFor(db, (await signedInUser(db, { tenantId: "alpha" })).token);
    bravo = callerFor(db, (await signedInUser(db, { tenantId: "bravo" })).token);
  });
  afterAll(() => db?.drop());

  /** A business of its own, for tests that count every row of the list. */
  const freshBusiness = async () => {
    const id = `list-${++tenantSeq}`;
    await createTenant(db, id);
    return { id, api: callerFor(db, (await signedInUser(db, { tenantId: id })).token) };
  };

  const allPages = async (api: ReturnType<typeof callerFor>, input: Record<string, unknown>) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof api.tenant.customers.list>> = await api.tenant.customers.list({
        ...input,
        cursor,
      });
      ids.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    return { ids, pages };
  };

  it("should create a customer with its number stored E.164 and tags normalised", async () => {
    const created = await alpha.tenant.customers.create({
      name: "  Dana Whitfield ",
      phone: "(512) 555-0142",
      altPhones: ["512.555.0143"],
      email: " Dana@Example.COM ",
      address: "14 Elm St, Austin",
      notes: "Prefers mornings.",
      tags: ["VIP", " fleet ", "vip"],
    });
    expect(created).toMatchObject({
      name: "Dana Whitfield",
      phone: "+15125550142",
      altPhones: ["+15125550143"],
      email: "dana@example.com",
      tags: ["vip", "fleet"],
      source: "staff",
      consent: null,
      visitCount: 0,
    });
    const stored = await tenantDb(db, "alpha").run((tx) => tx.customer.findFirst({ where: { id: created.id } }));
    expect(stored).toMatchObject({
      sortName: "dana whitfield",
      searchText: "dana whitfield dana@example.com 15125550142 15125550143",
    });
  });

  it("should refuse bad input with messages that name the field, and store nothing", async () => {
    const before = await tenantDb(db, "alpha").run((tx) => tx.customer.count());
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: "Al", phone: "555-01" }, "phone", /customer's phone number is not a phone number we can dial/],
      [{ name: "", phone: "(512) 555-0150" }, "name", /Enter the customer's name/],
      [{ name: "Al", phone: "(512) 555-0150", email: "not-an-email" }, "email", /valid email address/],
      [{ name: "Al", phone: "(512) 555-0150", tags: ["x".repeat(33)] }, "tags.0", /at most 32 characters/],
      [
        { name: "Al", phone: "(512) 555-0150", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
        "tags",
        /at most 20 tags/,
      ],
      [{ name: "Al", phone: "(512) 555-0150", altPhones: ["(512) 555-0150"] }, "altPhones", /primary number/],
      [{ name: "Al", phone: "(512) 555-0150", source: "fax" }, "source", /where the customer came from/],
    ];
    for (const [input, path, message] of cases) {
      const error = await failure(alpha.tenant.customers.create(input as never));
      expect(error.code, JSON.stringify(input)).toBe("BAD_REQUEST");
      expect(issuesOf(error), JSON.stringify(input)).toContainEqual({ path, message: expect.stringMatching(message) });
    }
    expect(await tenantDb(db, "alpha").run((tx) => tx.customer.count())).toBe(before);
  });

  it("should refuse a number another customer has with a 409 naming that customer", async () => {
    await alpha.tenant.customers.create({ name: "Owen Park", phone: "(512) 555-0160" });
    const error = await failure(alpha.tenant.customers.create({ name: "Someone Else", phone: "+1 512 555 0160" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/\+15125550160 is already the number of Owen Park/);
    // Another business may have a customer with the same number.
    expect((await bravo.tenant.customers.create({ name: "Owen at Bravo", phone: "(512) 555-0160" })).phone).toBe(
      "+15125550160",
    );
  });

  it("should update a customer, keep its conversation through a number change, and refuse a taken number", async () => {
    const chat = await conversationWith(db, "alpha", {
      phone: "+15125550170",
      messages: [{ direction: "inbound", body: "Is Saturday open?", at: new Date(Date.now() - 60_000) }],
    });
    const updated = await alpha.tenant.customers.update({
      id: chat.customerId,
      name: "Riley Chen",
      phone: "512-555-0171",
      tags: ["Weekend"],
    });
    expect(updated).toMatchObject({ name: "Riley Chen", phone: "+15125550171", tags: ["weekend"] });
    const page = await alpha.tenant.customers.get({ id: chat.customerId });
    expect(page.conversationId).toBe(chat.conversationId);
    expect(page.messages.map((m) => m.body)).toEqual(["Is Saturday open?"]);
    const found = await alpha.tenant.customers.list({ search: "riley" });
    expect(found.items.map((c) => c.id)).toEqual([chat.customerId]);
    expect((await alpha.tenant.customers.list({ search: "5550171" })).items.map((c) => c.id)).toEqual([
      chat.customerId,
    ]);

    const taken = await failure(alpha.tenant.customers.update({ id: chat.customerId, phone: "(512) 555-0160" }));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toMatch(/Owen Park/);
    const nothing = await failure(alpha.tenant.customers.update({ id: chat.customerId }));
    expect(nothing.message).toMatch(/at least one field/);
    // Clearing optional fields with "" stores none.
    const cleared = await alpha.tenant.customers.update({ id: chat.customerId, email: "", notes: "" });
    expect(cleared).toMatchObject({ email: null, notes: null });
  });

  it("should answer 404 for an unknown id and for another business's customer or asset", async () => {
    const mine = await alpha.tenant.customers.create({ name: "Private Pat", phone: "(512) 555-0180" });
    const asset = await alpha.tenant.customers.addAsset({
      customerId: mine.id,
      kind: "vehicle",
      details: { make: "Honda", model: "Civic" },
    });
    // Thunks, run one at a time: a promise created early and awaited late is an unhandled rejection.
    const attempts = [
      () => bravo.tenant.customers.get({ id: mine.id }),
      () => bravo.tenant.customers.update({ id: mine.id, name: "Taken over" }),
      () => bravo.tenant.customers.addAsset({ customerId: mine.id, kind: "pet", details: { name: "Rex" } }),
      () => bravo.tenant.customers.updateAsset({ id: asset.id, kind: "vehicle", details: { make: "Ford" } }),
      () => bravo.tenant.customers.archiveAsset({ id: asset.id }),
      () => alpha.tenant.customers.get({ id: randomUUID() }),
    ];
    for (const attempt of attempts) expect((await failure(attempt())).code).toBe("NOT_FOUND");
    expect(JSON.stringify(await bravo.tenant.customers.list({ limit: 100 }))).not.toContain("Private Pat");
    // Search and tag filters pick ids in app_customer_page(), past RLS: still only the caller's own.
    expect((await bravo.tenant.customers.list({ search: "private pat", limit: 100 })).items).toEqual([]);
    expect((await alpha.tenant.customers.list({ search: "private pat", limit: 100 })).items).toHaveLength(1);
    expect((await alpha.tenant.customers.get({ id: mine.id })).customer.name).toBe("Private Pat");
  });

  it("should return every customer exactly once across pages, ties in name included, in name order", async () => {
    const { id, api } = await freshBusiness();
    await tenantDb(db, id).run((tx) =>
      tx.customer.createMany({
        data: Array.from({ length: 37 }, (_, i) => {
          // 25 people called "Sam Lee" (one sort key), the rest with names of their own.
          const name = i < 25 ? "Sam Lee" : `Customer ${String.fromCharCode(97 + (i % 26))}${i}`;
          const phone = `+1512555${String(1000 + i)}`;
          return { tenantId: id, name, phone, sortName: name.toLowerCase(), searchText: name.toLowerCase() };
        }),
      }),
    );
    const { ids, pages } = await allPages(api, { limit: 7 });
    expect(pages).toBe(6);
    expect(ids).toHaveLength(37);
    expect(new Set(ids).size).toBe(37);
    const expected = await tenantDb(db, id).run(
      (tx) => tx.$queryRaw<{ id: string }[]>`SELECT id FROM customers WHERE tenant_id = ${id} ORDER BY sort_name, id`,
    );
    expect(ids).toEqual(expected.map((row) => row.id));
  });

  it("should find customers by part of the name, the email, or the phone typed any way", async () => {
    const { api } = await freshBusiness();
    const maria = await api.tenant.customers.create({
      name: "María Gonzalez-Ortiz",
      phone: "(737) 555-0123",
      email: "mgo@example.org",
    });
    await api.tenant.customers.create({ name: "Mark Twain", phone: "(737) 555-0999", email: "mark@example.org" });
    const ids = async (search: string) => (await api.tenant.customers.list({ search })).items.map((c) => c.id);
    expect(await ids("gonzalez")).toEqual([maria.id]);
    expect(await ids("ORTIZ")).toEqual([maria.id]);
    expect(await ids("mgo@exa")).toEqual([maria.id]);
    for (const phone of ["(737) 555-0123", "737.555.0123", "+1 737 555 0123", "5550123", "555-0123"])
      expect(await ids(phone), phone).toEqual([maria.id]);
    expect(await ids("ma")).toHaveLength(2);
    // LIKE's own characters are matched literally.
    expect(await ids("%")).toEqual([]);
    expect(await ids("nobody")).toEqual([]);
  });

  it("should filter by tag and by last visit, and show each customer's consent", async () => {
    const { id, api } = await freshBusiness();
    const now = Date.now();
    const make = async (name: string, phone: string, tags: string[], lastVisitDaysAgo: number | null) => {
      const c = await api.tenant.customers.create({ name, phone, tags });
      if (lastVisitDaysAgo !== null)
        await tenantDb(db, id).run((tx) =>
          tx.customer.updateMany({
            where: { id: c.id },
            data: { lastVisitAt: new Date(now - lastVisitDaysAgo * DAY), visitCount: 1 },
          }),
        );
      return c.id;
    };
    const never = await make("Ann Never", "(512) 555-0201", ["vip"], null);
    const recent = await make("Ben Recent", "(512) 555-0202", ["fleet"], 10);
    const season = await make("Cy Season", "(512) 555-0203", ["vip", "fleet"], 60);
    const year = await make("Di Year", "(512) 555-0204", [], 200);
    const lapsed = await make("Ed Lapsed", "(512) 555-0205", ["vip"], 500);
    await optOut(db, id, "+15125550205", new Date(now - DAY));
    const ids = async (input: Record<string, unknown>) =>
      (await api.tenant.customers.list(input)).items.map((c) => c.id);
    expect(await ids({ tag: "VIP" })).toEqual([never, season, lapsed]);
    expect(await ids({ tag: "fleet" })).toEqual([recent, season]);
    expect(await ids({ lastVisit: "never" })).toEqual([never]);
    expect(await ids({ lastVisit: "30d" })).toEqual([recent]);
    expect(await ids({ lastVisit: "90d" })).toEqual([recent, season]);
    expect(await ids({ lastVisit: "365d" })).toEqual([recent, season, year]);
    expect(await ids({ lastVisit: "over365d" })).toEqual([lapsed]);
    expect(await ids({ tag: "vip", lastVisit: "90d" })).toEqual([season]);
    const list = await api.tenant.customers.list({});
    expect(list.items.find((c) => c.id === lapsed)?.consent).toBe("opted_out");
    expect(list.items.find((c) => c.id === never)?.consent).toBeNull();
    const bad = await failure(api.tenant.customers.list({ lastVisit: "yesterday" } as never));
    expect(issuesOf(bad)).toContainEqual({ path: "lastVisit", message: expect.stringMatching(/last-visit filter/) });
    expect((await failure(api.tenant.customers.list({ cursor: "bm90LWEtY3Vyc29y" }))).message).toMatch(
      /cursor is not valid/,
    );
    expect(issuesOf(await failure(api.tenant.customers.list({ limit: 101 })))).toContainEqual({
      path: "limit",
      message: expect.stringMatching(/at most 100/),
    });
  });

  it("should show the customer's page: assets, appointments, texts, calls, consent history and figures", async () => {
    const chat = await conversationWith(db, "alpha", {
      phone: "+15125550300",
      name: "Gail Porter",
      messages: [
        { direction: "inbound", body: "Can you do my SUV?", at: new Date(Date.now() - 3 * 60_000) },
        { direction: "outbound", body: "Yes! Friday 9am?", at: new Date(Date.now() - 2 * 60_000) },
      ],
    });
    await alpha.tenant.customers.update({ id: chat.customerId, altPhones: ["(512) 555-0301"] });
    await callRow(db, "alpha", { from: "+15125550300", at: new Date(Date.now() - DAY), outcome: "missed" });
    await tenantDb(db, "alpha").run((tx) =>
      tx.call.updateMany({ where: { fromNumber: "+15125550300" }, data: { customerId: chat.customerId } }),
    );
    await optOut(db, "alpha", "+15125550301", new Date(Date.now() - 2 * DAY));
    const suv = await alpha.tenant.customers.addAsset({
      customerId: chat.customerId,
      kind: "vehicle",
      details: { year: 2021, make: "Toyota", model: "RAV4", sizeClass: "suv", colour: "Blue" },
      notes: "Roof rack",
    });
    expect(suv).toMatchObject({ label: "2021 Toyota RAV4 (blue)", sizeClass: "suv", notes: "Roof rack" });
    const service = await tenantDb(db, "alpha").run((tx) =>
      tx.service.findFirstOrThrow({ orderBy: { position: "asc" } }),
    );
    const bookable = await tenantDb(db, "alpha").run((tx) =>
      tx.bookable.create({ data: { tenantId: "alpha", kind: "resource", name: "Bay 1" } }),
    );
    const at = (daysFromNow: number) => new Date(Date.now() + daysFromNow * DAY);
    const appointment = (daysFromNow: number, status: "booked" | "completed" | "no_show") =>
      tenantDb(db, "alpha").run((tx) =>
        tx.appointment.create({
          data: {
            tenantId: "alpha",
            customerId: chat.customerId,
            serviceId: service.id,
            assetId: suv.id,
            bookableId: bookable.id,
            startsAt: at(daysFromNow),
            endsAt: new Date(at(daysFromNow).getTime() + 75 * 60_000),
            blocksUntil: new Date(at(daysFromNow).getTime() + 90 * 60_000),
            status,
            durationMinutes: 75,
            priceCents: 7500,
            bookedBy: "staff",
          },
        }),
      );
    const next = await appointment(3, "booked");
    const last = await appointment(-10, "completed");
    const missed = await appointment(-40, "no_show");

    const page = await alpha.tenant.customers.get({ id: chat.customerId });
    expect(page.customer).toMatchObject({ name: "Gail Porter", altPhones: ["+15125550301"], consent: null });
    expect(page.assets.map((a) => a.label)).toEqual(["2021 Toyota RAV4 (blue)"]);
    expect(page.assetKinds).toEqual([
      expect.objectContaining({
        kind: "vehicle",
        sizeClasses: expect.arrayContaining([{ id: "suv", label: expect.any(String) }]),
      }),
    ]);
    expect(page.upcoming.map((a) => [a.id, a.serviceName, a.assetLabel])).toEqual([
      [next.id, service.name, "2021 Toyota RAV4 (blue)"],
    ]);
    expect(page.past.map((a) => [a.id, a.status])).toEqual([
      [last.id, "completed"],
      [missed.id, "no_show"],
    ]);
    expect(page.messages.map((m) => m.body)).toEqual(["Can you do my SUV?", "Yes! Friday 9am?"]);
    expect(page.calls.map((c) => c.outcome)).toEqual(["missed"]);
    expect(page.consentHistory).toEqual([
      expect.objectContaining({ phone: "+15125550301", state: "opted_out", text: "STOP" }),
    ]);
    expect(page.figures).toMatchObject({ upcomingCount: 1, noShowCount: 1, cancelledCount: 0 });
  });

  it("should add, edit and archive assets, refusing a size class the pack does not declare", async () => {
    const owner = await alpha.tenant.customers.create({ name: "Hal Fleet", phone: "(512) 555-0400" });
    const van = await alpha.tenant.customers.addAsset({
      customerId: owner.id,
      kind: "vehicle",
      details: { make: "Ford", model: "Transit", sizeClass: "van" },
    });
    expect(van).toMatchObject({ label: "Ford Transit", sizeClass: "van", archivedAt: null });
    const wrongSize = await failure(
      alpha.tenant.customers.addAsset({
        customerId: owner.id,
        kind: "vehicle",
        details: { make: "Ford", sizeClass: "bus" },
      }),
    );
    expect(wrongSize.code).toBe("BAD_REQUEST");
    expect(issuesOf(wrongSize)).toContainEqual({
      path: "details.sizeClass",
      message: expect.stringMatching(/Choose a size from the list: Coupe or sedan/),
    });
    const badYear = await failure(
      alpha.tenant.customers.addAsset({ customerId: owner.id, kind: "vehicle", details: { make: "Ford", year: 1800 } }),
    );
    expect(issuesOf(badYear)).toContainEqual({ path: "details.year", message: "Enter a year from 1900 on." });
    const edited = await alpha.tenant.customers.updateAsset({
      id: van.id,
      kind: "vehicle",
      details: { year: 2019, make: "Ford", model: "Transit 250", sizeClass: "van", colour: "White" },
    });
    expect(edited).toMatchObject({ label: "2019 Ford Transit 250 (white)", details: { year: 2019, colour: "White" } });
    const kindChange = await failure(
      alpha.tenant.customers.updateAsset({ id: van.id, kind: "pet", details: { name: "Rex" } }),
    );
    expect(kindChange.message).toMatch(/kind can't change/);
    const archived = await alpha.tenant.customers.archiveAsset({ id: van.id });
    expect(archived.archivedAt).not.toBeNull();
    expect((await alpha.tenant.customers.get({ id: owner.id })).assets[0]?.archivedAt).toBe(archived.archivedAt);
  });

  it.runIf(engine === "postgres")(
    "should seek the (tenant_id, sort_name, id) index for a deep page of 20,000 customers, with no scan and no IN list",
    async () => {
      const tenantId = "explain-big";
      await createTenant(db, tenantId);
      const owner = new pg.Client({ connectionString: db.url });
      await owner.connect();
      try {
        await owner.query(
          `INSERT INTO customers (tenant_id, id, phone, name, sort_name, search_text, updated_at)
           SELECT $1, gen_random_uuid(), '+1512' || lpad(g::text, 7, '0'), 'Customer ' || (g % 5000),
                  'customer ' || (g % 5000), 'customer ' || (g % 5000) || ' 1512' || lpad(g::text, 7, '0'), now()
           FROM generate_series(1, 20000) AS g`,
          [tenantId],
        );
        // Some consent rows, as a real business has: the join must probe them by key too.
        await owner.query(
          `INSERT INTO sms_consents (tenant_id, phone, state, source)
           SELECT $1, '+1512' || lpad(g::text, 7, '0'), 'opted_out', 'keyword' FROM generate_series(1, 20000, 10) AS g`,
          [tenantId],
        );
        await owner.query("ANALYZE customers; ANALYZE sms_consents");
        const deep = await owner.query<{ sort_name: string; id: string }>(
          `SELECT sort_name, id FROM customers WHERE tenant_id = $1 ORDER BY sort_name DESC, id DESC OFFSET 60 LIMIT 1`,
          [tenantId],
        );
        const input = customersListInput.parse({
          cursor: encodeCustomerCursor(deep.rows[0]!.sort_name, deep.rows[0]!.id),
        });
        // The first page and the deep one: both seek in the index and read only the page's rows.
        for (const asked of [customersListInput.parse({}), input]) {
          const query = customerListQuery(tenantId, asked, new Date());
          expect(query.sql).not.toMatch(/\bIN \(/i);
          const plan = await tenantDb(db, tenantId).run((tx) =>
            tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${query}`),
          );
          const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
          expect(text).toMatch(/Index (Only )?Scan using customers_tenant_id_sort_name_id_idx on customers/);
          expect(text).toMatch(/Index Scan using sms_consents_pkey on sms_consents/);
          expect(text).not.toMatch(/Seq Scan/);
          expect(text).not.toMatch(/\bIN \(/);
          expect(text, "rows come in index order: nothing to sort").not.toMatch(/\bSort\b/);
          if (asked.cursor) expect(text).toMatch(/ROW\(sort_name, id\) > ROW\(/);
        }
        // The page really is the deep one: the rows after the cursor, 51 asked for, 60 there.
        const page = await callerFor(db, (await signedInUser(db, { tenantId })).token).tenant.customers.list({
          cursor: input.cursor,
        });
        expect(page.items).toHaveLength(50);
        expect(page.nextCursor).not.toBeNull();
      } finally {
        await owner.end();
      }
    },
  );
});
