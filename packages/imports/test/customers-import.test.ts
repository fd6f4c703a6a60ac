// Customer imports end to end on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL):
// a Jobber export and a custom mapping; dedup by phone and email against the business and within
// the file; likely matches reported for review, not merged; bad input reported per row or per file,
// never a crash; the same file twice changes nothing; a run stopped after some batches resumes
// without duplicates; one import runs per business at a time.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Database, platformDb, TENANT_SETTING, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImport, type EngineDeps, filePathOf, previewImport, queueImport, runImport } from "../src/index.ts";

const JOBBER_HEADER =
  "Client ID,Display Name,First Name,Last Name,Mobile Phone,Home Phone,E-mail,Billing Street 1,Billing City,Billing State,Billing Zip code,Tags";

describe.each(testEngines())("customer imports on %s", (engine) => {
  let db: TestDatabase;
  let filesDir: string;
  let tenantCount = 0;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    filesDir = await mkdtemp(path.join(tmpdir(), "imports-test-"));
  });
  afterAll(async () => {
    await db?.drop();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  async function newTenant(): Promise<string> {
    const id = `imp-${engine}-${++tenantCount}`;
    await platformDb(db, { actorUserId: null, purpose: "test.imports" }).run((tx) =>
      tx.tenant.create({ data: { id, name: `Shop ${id}`, slug: id, timezone: "America/Chicago", status: "active" } }),
    );
    return id;
  }

  async function newImport(
    tenantId: string,
    csv: string | Buffer,
    choice: {
      kind?: "customers" | "assets" | "messages" | "points" | "appointments";
      preset?: "jobber" | "spreadsheet";
      mapping?: Record<string, string | string[]>;
    } = {},
  ): Promise<string> {
    const record = await tenantDb(db, tenantId).run((tx) =>
      createImport(tx, tenantId, { kind: "customers", fileName: "clients.csv", ...choice }, null),
    );
    const relative = filePathOf(tenantId, record.id);
    await mkdir(path.dirname(path.join(filesDir, relative)), { recursive: true });
    await writeFile(path.join(filesDir, relative), csv);
    await tenantDb(db, tenantId).run((tx) =>
      tx.dataImport.update({
        where: { tenantId_id: { tenantId, id: record.id } },
        data: { filePath: relative, status: "uploaded" },
      }),
    );
    return record.id;
  }

  const deps = (extra: Partial<EngineDeps> = {}): EngineDeps => ({ db, filesDir, batchSize: 3, ...extra });

  const customers = (tenantId: string) =>
    tenantDb(db, tenantId).run((tx) =>
      tx.customer.findMany({
        orderBy: { phone: "asc" },
        select: {
          id: true,
          phone: true,
          altPhones: true,
          name: true,
          email: true,
          address: true,
          tags: true,
          notes: true,
          source: true,
        },
      }),
    );

  async function run(tenantId: string, importId: string, extra: Partial<EngineDeps> = {}) {
    await tenantDb(db, tenantId).run((tx) => queueImport(tx, importId));
    return runImport(deps(extra), tenantId, importId);
  }

  const importRow = (tenantId: string, id: string) =>
    tenantDb(db, tenantId).run((tx) => tx.dataImport.findFirstOrThrow({ where: { id } }));

  it("imports a Jobber export, merging duplicates by phone and email within the file", async () => {
    const tenantId = await newTenant();
    const csv = [
      JOBBER_HEADER,
      "J1,Ana Ruiz,Ana,Ruiz,(512) 555-0101,,ANA@Example.com,12 Oak St,Austin,TX,78701,vip",
      "J2,Ben Cole,Ben,Cole,+15125550102,512-555-0199,ben@example.com,,,,,",
      // Same person as J1 by email (another phone): merged into J1, phone added.
      "J3,Ana Ruiz,Ana,Ruiz,512.555.0103,,ana@example.com,,,,,regular",
      // Same as J2 by its home phone, with a different name: kept and reported.
      "J4,Benjamin Cole,,,5125550199,,,,,,,",
      "J5,Cy Dunn,Cy,Dunn,not a phone,,cy@example.com,,,,,",
    ].join("\n");
    const importId = await newImport(tenantId, csv, { preset: "jobber" });

    const preview = await previewImport(deps(), tenantId, importId);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.totals).toMatchObject({ total: 5, created: 2, merged: 2, rejected: 1 });
    expect(preview.rows.find((r) => r.row === 5)?.messages.join(" ")).toMatch(
      /"not a phone" is not a number we can dial/,
    );
    expect(preview.rows.find((r) => r.row === 4)?.messages.join(" ")).toMatch(
      /Kept the name "Ben Cole"; the file has "Benjamin Cole"/,
    );
    // The dry run wrote nothing.
    expect(await customers(tenantId)).toEqual([]);

    const result = await run(tenantId, importId);
    expect(result).toMatchObject({ outcome: "completed" });
    const after = await customers(tenantId);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({
      phone: "+15125550101",
      altPhones: ["+15125550103"],
      name: "Ana Ruiz",
      email: "ana@example.com",
      address: "12 Oak St, Austin, TX, 78701",
      tags: ["vip", "regular"],
      source: "import",
    });
    expect(after[1]).toMatchObject({ phone: "+15125550102", altPhones: ["+15125550199"], name: "Ben Cole" });
    expect(await importRow(tenantId, importId)).toMatchObject({
      status: "completed",
      checkpoint: 5,
      createdCount: 2,
      mergedCount: 2,
      rejectedCount: 1,
    });
  });

  it("merges into existing customers, never overwriting a value, and flags likely matches for review", async () => {
    const tenantId = await newTenant();
    await tenantDb(db, tenantId).run(async (tx) => {
      await tx.customer.create({
        data: {
          tenantId,
          phone: "+15125550201",
          name: "Dee Fox",
          sortName: "dee fox",
          email: "dee@example.com",
          tags: ["old"],
        },
      });
      await tx.customer.create({
        data: {
          tenantId,
          phone: "+15125550202",
          name: "Eve Gray",
          sortName: "eve gray",
          address: "5 Elm St",
          email: "eve@example.com",
        },
      });
    });
    const csv = [
      "Name,Phone,Email,Address,Tags",
      "Dee Fox,,DEE@example.com,9 Pine Rd,new",
      "Eve Gray,512 555 0299,,5 elm st,",
      "Eve Gray,512 555 0298,eve@exmaple.com,,",
      "Gus Hale,,gus@example.com,,",
    ].join("\n");
    const importId = await newImport(tenantId, csv, {
      mapping: { name: "Name", phone: "Phone", email: "Email", address: "Address", tags: "Tags" },
    });
    const result = await run(tenantId, importId);
    expect(result.outcome).toBe("completed");
    const row = await importRow(tenantId, importId);
    expect(row).toMatchObject({ mergedCount: 1, reviewCount: 2, rejectedCount: 1, createdCount: 0 });
    const problems = row.problems as { row: number; outcome: string; messages: string[] }[];
    expect(problems.find((p) => p.row === 2)?.messages.join(" ")).toMatch(/same name and address/);
    expect(problems.find((p) => p.row === 3)?.messages.join(" ")).toMatch(/email one character different/);
    expect(problems.find((p) => p.row === 4)?.messages.join(" ")).toMatch(/needs a phone number/);
    const dee = (await customers(tenantId)).find((c) => c.phone === "+15125550201");
    expect(dee).toMatchObject({ address: "9 Pine Rd", tags: ["old", "new"], email: "dee@example.com" });
    expect(await customers(tenantId)).toHaveLength(4);
  });

  it("matches a row to this business's customer by a further phone, never to another business's", async () => {
    const [tenantId, otherId] = [await newTenant(), await newTenant()];
    for (const [id, name] of [
      [otherId, "Other Shop's Ivy"],
      [tenantId, "Ivy Lane"],
    ] as const)
      await tenantDb(db, id).run((tx) =>
        tx.customer.create({
          data: {
            tenantId: id,
            phone: id === tenantId ? "+15125550401" : "+15125550499",
            altPhones: ["+15125550402"],
            name,
            sortName: name.toLowerCase(),
            email: "ivy@example.com",
          },
        }),
      );
    const csv = ["Name,Phone,Email", "Ivy L,512-555-0402,", "Ivy Lane,,IVY@example.com"].join("\n");
    const importId = await newImport(tenantId, csv, { mapping: { name: "Name", phone: "Phone", email: "Email" } });
    expect(await run(tenantId, importId)).toMatchObject({ outcome: "completed" });
    expect(await importRow(tenantId, importId)).toMatchObject({ createdCount: 0, rejectedCount: 0 });
    const mine = await customers(tenantId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ phone: "+15125550401", altPhones: ["+15125550402"], name: "Ivy Lane" });
    // The lookup itself answers for the current business only, whatever the caller asks.
    const matched = await db.sql.transaction(
      (sql) =>
        sql.query<{ id: string }>("SELECT id FROM app_customers_matching($1::text[], $2::text[])", [
          ["+15125550402", "+15125550499"],
          ["ivy@example.com"],
        ]),
      { [TENANT_SETTING]: tenantId },
    );
    expect(matched.map((m) => m.id)).toEqual([mine[0]?.id]);
    // The other business's customer with the same further phone and email is untouched.
    expect(await customers(otherId)).toMatchObject([
      { phone: "+15125550499", altPhones: ["+15125550402"], name: "Other Shop's Ivy" },
    ]);
  });

  it("importing the same file twice changes nothing", async () => {
    const tenantId = await newTenant();
    const csv = [
      "Name,Phone,Email",
      ...Array.from(
        { length: 10 },
        (_, i) => `Person ${i},+1512555${String(300 + i).padStart(4, "0")},p${i}@example.com`,
      ),
      "Person 0 again,+15125550300,",
    ].join("\n");
    const first = await newImport(tenantId, csv, {
      preset: "spreadsheet",
      mapping: { name: "Name", phone: "Phone", email: "Email" },
    });
    await run(tenantId, first);
    const dump = await dumpTenant(db, tenantId);
    const second = await newImport(tenantId, csv, { mapping: { name: "Name", phone: "Phone", email: "Email" } });
    const preview = await previewImport(deps(), tenantId, second);
    expect(preview.ok && preview.totals).toMatchObject({ total: 11, unchanged: 11 });
    await run(tenantId, second);
    expect(await dumpTenant(db, tenantId)).toEqual(dump);
    expect(await importRow(tenantId, second)).toMatchObject({ unchangedCount: 11, createdCount: 0, mergedCount: 0 });
  });

  it("a run stopped after some batches resumes from its checkpoint without duplicates", async () => {
    const tenantId = await newTenant();
    const csv = [
      "Name,Phone",
      ...Array.from({ length: 20 }, (_, i) => `Person ${i},+1512555${String(400 + (i % 15)).padStart(4, "0")}`),
    ].join("\n");
    const importId = await newImport(tenantId, csv, { mapping: { name: "Name", phone: "Phone" } });
    await expect(
      run(tenantId, importId, {
        afterBatch: ({ batches }) => {
          if (batches === 2) throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    expect(await importRow(tenantId, importId)).toMatchObject({ status: "failed", checkpoint: 6 });
    expect(await customers(tenantId)).toHaveLength(6);

    expect(await run(tenantId, importId)).toMatchObject({ outcome: "completed" });
    const row = await importRow(tenantId, importId);
    // Rows 16–20 share a phone with rows 1–5 under another name: matched, the stored name kept and reported.
    expect(row).toMatchObject({
      status: "completed",
      checkpoint: 20,
      createdCount: 15,
      mergedCount: 5,
      unchangedCount: 0,
    });
    expect(await customers(tenantId)).toHaveLength(15);
  });

  it("refuses a second run while one is queued, with a message that names it", async () => {
    const tenantId = await newTenant();
    const a = await newImport(tenantId, "Phone\n+15125550501\n", { mapping: { phone: "Phone" } });
    const b = await newImport(tenantId, "Phone\n+15125550502\n", { mapping: { phone: "Phone" } });
    await tenantDb(db, tenantId).run((tx) => queueImport(tx, a));
    await expect(tenantDb(db, tenantId).run((tx) => queueImport(tx, b))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/Another import is queued for this business \("clients.csv"/),
    });
    await runImport(deps(), tenantId, a);
    await tenantDb(db, tenantId).run((tx) => queueImport(tx, b));
  });

  it("reports a file that is not CSV text, or lacks a required column, instead of crashing", async () => {
    const tenantId = await newTenant();
    const cases: [Buffer | string, RegExp][] = [
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), /Excel workbook or a ZIP archive/],
      [Buffer.from("\uFEFFName,Phone\nAna,5125550101\n", "utf16le"), /UTF-16/],
      [
        Buffer.concat([Buffer.from("Name,Phone\nJos"), Buffer.from([0xe9]), Buffer.from(",5125550101\n")]),
        /not UTF-8 text/,
      ],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not (text|UTF-8)/],
      ["Name,Notes\nAna,hello\n", /Map a column to Phone or Email/],
      ["", /The file is empty/],
      ['Name,Phone\n"Ana,5125550101\n', /never closed/],
    ];
    for (const [content, message] of cases) {
      const importId = await newImport(tenantId, content);
      const preview = await previewImport(deps(), tenantId, importId);
      expect(preview, String(message)).toEqual({ ok: false, error: expect.stringMatching(message) });
      await tenantDb(db, tenantId).run((tx) => queueImport(tx, importId));
      expect(await runImport(deps(), tenantId, importId)).toEqual({
        outcome: "failed",
        error: expect.stringMatching(message),
      });
    }
    expect(await customers(tenantId)).toEqual([]);
  });

  it("imports assets, text history and points balances for imported customers, once", async () => {
    const tenantId = await newTenant();
    await platformDb(db, { actorUserId: null, purpose: "test.imports" }).run((tx) =>
      tx.tenantPhoneConfig.create({
        data: { tenantId, phoneNumber: `+1555555${String(1000 + tenantCount).slice(-4)}` },
      }),
    );
    const clients = await newImport(
      tenantId,
      "Client ID,Display Name,Mobile Phone,E-mail\nC1,Ana Ruiz,5125550801,ana@example.com\nC2,Ben Cole,5125550802,\n",
      {
        preset: "jobber",
      },
    );
    await run(tenantId, clients);
    const files = {
      assets: [
        "Customer ID,Type,Description",
        "C1,car,2021 Toyota RAV4",
        "C2,dog,Biscuit",
        "C9,car,Unknown owner",
        "C1,spaceship,Nope",
      ],
      messages: [
        "Phone,Direction,Text,Date",
        "5125550801,in,Can I book Friday?,2026-03-01 09:15",
        "5125550801,out,Friday 10am works!,2026-03-01 09:20",
        "5125550802,sideways,Hm,2026-03-02 10:00",
        "5125550802,out,See you,31/31/2026",
      ],
      points: ["Email,Points", "ana@example.com,120", "nobody@example.com,5", "ana@example.com,-3"],
    };
    const mappings = {
      assets: { customerExternalId: "Customer ID", kind: "Type", label: "Description" },
      messages: { customerPhone: "Phone", direction: "Direction", body: "Text", sentAt: "Date" },
      points: { customerEmail: "Email", points: "Points" },
    };
    const counts: Record<string, unknown> = {};
    for (const kind of ["assets", "messages", "points"] as const) {
      const id = await newImport(tenantId, files[kind].join("\n"), { kind, mapping: mappings[kind] });
      const preview = await previewImport(deps(), tenantId, id);
      expect(preview.ok, kind).toBe(true);
      await run(tenantId, id);
      const row = await importRow(tenantId, id);
      counts[kind] = {
        created: row.createdCount,
        rejected: row.rejectedCount,
        problems: (row.problems as { messages: string[] }[]).map((p) => p.messages.join(" ")),
      };
    }
    expect(counts).toEqual({
      assets: {
        created: 2,
        rejected: 2,
        problems: [
          expect.stringMatching(/No customer matches ID C9: import the customers first/),
          expect.stringMatching(/Kind "spaceship"/),
        ],
      },
      messages: {
        created: 2,
        rejected: 2,
        problems: [
          expect.stringMatching(/Direction "sideways"/),
          expect.stringMatching(/Date "31\/31\/2026" can't be read as MM\/DD\/YYYY/),
        ],
      },
      points: {
        created: 1,
        rejected: 2,
        problems: [
          expect.stringMatching(/No customer matches nobody@example.com/),
          expect.stringMatching(/can't be negative/),
        ],
      },
    });
    const ana = await tenantDb(db, tenantId).run((tx) =>
      tx.customer.findFirstOrThrow({
        where: { phone: "+15125550801" },
        include: {
          assets: true,
          loyaltyEntries: true,
          conversations: { include: { messages: { orderBy: { createdAt: "asc" } } } },
        },
      }),
    );
    expect(ana.pointsBalance).toBe(120);
    expect(ana.loyaltyEntries).toMatchObject([
      { kind: "adjust", points: 120, balanceAfter: 120, reason: "Imported balance" },
    ]);
    expect(ana.assets).toMatchObject([{ kind: "vehicle", label: "2021 Toyota RAV4" }]);
    expect(ana.conversations[0]?.messages.map((m) => [m.direction, m.body, m.createdAt.toISOString()])).toEqual([
      ["inbound", "Can I book Friday?", "2026-03-01T15:15:00.000Z"],
      ["outbound", "Friday 10am works!", "2026-03-01T15:20:00.000Z"],
    ]);
    expect(ana.conversations[0]).toMatchObject({ lastMessagePreview: "Friday 10am works!", lastDirection: "outbound" });

    // The same files again change nothing.
    const dump = await dumpTenant(db, tenantId);
    for (const kind of ["assets", "messages", "points"] as const) {
      const id = await newImport(tenantId, files[kind].join("\n"), { kind, mapping: mappings[kind] });
      await run(tenantId, id);
    }
    expect(await dumpTenant(db, tenantId)).toEqual(dump);
  });

  it("imports past appointments completed with their price (visits, spend, last visit) and future ones booked", async () => {
    const tenantId = await newTenant();
    await tenantDb(db, tenantId).run(async (tx) => {
      await tx.service.create({
        data: { tenantId, name: "Full detail", description: "", durationMinutes: 120, priceCents: 15000 },
      });
      await tx.service.create({
        data: { tenantId, name: "Wash", description: "", durationMinutes: 60, priceCents: 4000, position: 1 },
      });
      await tx.bookable.create({ data: { tenantId, kind: "resource", name: "Bay 1" } });
    });
    const clients = await newImport(tenantId, "Name,Phone\nAna Ruiz,5125550901\nBen Cole,5125550902\n", {
      mapping: { name: "Name", phone: "Phone" },
    });
    await run(tenantId, clients);
    const csv = [
      "Phone,Date,Service,Price,Job #",
      "5125550901,01/10/2026 09:00,Wash,$40.00,A1",
      "5125550901,02/14/2026 13:30,full detail,150,A2",
      // Same time as A2 and only one bookable: it can't fit.
      "5125550902,02/14/2026 13:30,Wash,40,A3",
      "5125550902,03/01/2026 10:00,Ceramic coat,$300,A4",
      "5125550902,12/20/2026 10:00,Wash,,A5",
      "5125550999,01/05/2026 10:00,Wash,40,A6",
    ].join("\n");
    const mapping = {
      customerPhone: "Phone",
      startsAt: "Date",
      service: "Service",
      price: "Price",
      externalId: "Job #",
    };
    const id = await newImport(tenantId, csv, { kind: "appointments", mapping });
    const now = () => new Date("2026-12-03T20:00:00Z");
    await tenantDb(db, tenantId).run((tx) => queueImport(tx, id));
    expect(await runImport(deps({ now }), tenantId, id)).toMatchObject({ outcome: "completed" });
    const row = await importRow(tenantId, id);
    expect(row).toMatchObject({ createdCount: 4, rejectedCount: 2 });
    const problems = (row.problems as { row: number; messages: string[] }[]).map((p) => [p.row, p.messages.join(" ")]);
    expect(problems).toEqual([
      [3, expect.stringMatching(/already booked at 2026-02-14 19:30 UTC/)],
      [6, expect.stringMatching(/No customer matches \+15125550999/)],
    ]);
    const people = await tenantDb(db, tenantId).run((tx) =>
      tx.customer.findMany({
        orderBy: { phone: "asc" },
        select: {
          visitCount: true,
          lifetimeSpendCents: true,
          lastVisitAt: true,
          appointments: {
            orderBy: { startsAt: "asc" },
            select: { status: true, priceCents: true, durationMinutes: true, startsAt: true },
          },
        },
      }),
    );
    expect(people[0]).toMatchObject({
      visitCount: 2,
      lifetimeSpendCents: 19000,
      lastVisitAt: new Date("2026-02-14T19:30:00Z"),
    });
    expect(people[0]?.appointments.map((a) => [a.status, a.durationMinutes])).toEqual([
      ["completed", 60],
      ["completed", 120],
    ]);
    // "Ceramic coat" is filed under the first service, and said so; the December one is booked, not a visit.
    expect(people[1]).toMatchObject({ visitCount: 1, lifetimeSpendCents: 30000 });
    expect(people[1]?.appointments.map((a) => a.status)).toEqual(["completed", "booked"]);

    const dump = await dumpTenant(db, tenantId);
    const again = await newImport(tenantId, csv, { kind: "appointments", mapping });
    await tenantDb(db, tenantId).run((tx) => queueImport(tx, again));
    await runImport(deps({ now }), tenantId, again);
    expect(await dumpTenant(db, tenantId)).toEqual(dump);
  });

  it("strips a UTF-8 BOM and reads unreadable rows as per-row rejections", async () => {
    const tenantId = await newTenant();
    const importId = await newImport(tenantId, "\uFEFFName,Phone,Email\nAna,5125550601,ana@example\nBen,555-01,\n");
    const preview = await previewImport(deps(), tenantId, importId);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.mapping).toMatchObject({ name: ["Name"], phone: ["Phone"] });
    expect(preview.rows.map((r) => [r.outcome, r.messages.join(" ")])).toEqual([
      ["rejected", expect.stringMatching(/Email "ana@example" is not an email address/)],
      ["rejected", expect.stringMatching(/Phone "555-01" is not a number we can dial/)],
    ]);
  });
});

/** Everything an import can touch for a tenant, ids included, in a stable order. */
async function dumpTenant(db: Database, tenantId: string) {
  return db.sql.transaction(
    async (sql) => ({
      customers: await sql.query(`SELECT * FROM customers WHERE tenant_id = $1 ORDER BY id`, [tenantId]),
      assets: await sql.query(`SELECT * FROM assets WHERE tenant_id = $1 ORDER BY id`, [tenantId]),
      appointments: await sql.query(`SELECT * FROM appointments WHERE tenant_id = $1 ORDER BY id`, [tenantId]),
      conversations: await sql.query(`SELECT * FROM conversations WHERE tenant_id = $1 ORDER BY id`, [tenantId]),
      messages: await sql.query(`SELECT * FROM messages WHERE tenant_id = $1 ORDER BY id`, [tenantId]),
      loyalty: await sql.query(`SELECT * FROM loyalty_entries WHERE tenant_id = $1 ORDER BY id`, [tenantId]),
    }),
    { [TENANT_SETTING]: tenantId },
  );
}
