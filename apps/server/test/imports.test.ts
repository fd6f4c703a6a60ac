// Imports over HTTP and the job queue: an admin creates an import (tenant.imports.create), PUTs its
// file to /imports/:id/file (streamed to FILES_DIR), reads the dry run, runs it (a data.import job
// run by the real worker) and the customers are there. Uploads past the limit get 413 with the
// limit; staff and other businesses can't upload; a second run while one is queued is refused (409).
// A file no preset reads gets its columns chosen (tenant.imports.setMapping), and its dry run then
// reads the file with them.
import { defaultFilesDir } from "@servicepro/api";
import { JOB_QUEUE_SCHEMA, JOB_QUEUES, tenantDb } from "@servicepro/db";
import { createTestDatabase, defaultEngine, type TestDatabase } from "@servicepro/db/testing";
import { createImportQueue, startImportWorker } from "@servicepro/imports";
import { settledJobs } from "@servicepro/testkit";
import { Hono } from "hono";
import { PgBoss } from "pg-boss";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  callerFor,
  createTenant,
  noSending,
  signedInUser,
} from "../../../packages/api/test/telephony-fixtures.ts";
import type { HonoEnv } from "../src/app.ts";
import { importRoutes } from "../src/imports.ts";

const LIMIT = 64 * 1024;
let db: TestDatabase;
let boss: PgBoss;
let admin: string;
let staff: string;
let otherAdmin: string;

function app() {
  const logger = pino({ level: "silent" });
  const hono = new Hono<HonoEnv>();
  hono.use((c, next) => (c.set("logger", logger), next()));
  hono.route(
    "/imports",
    importRoutes({ db, filesDir: defaultFilesDir(), maxBytes: LIMIT, cookieName: "sp_session", secure: false }),
  );
  return hono;
}

const put = (
  id: string,
  token: string,
  body: string | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) =>
  app().request(`/imports/${id}/file`, {
    method: "PUT",
    body,
    headers: { cookie: `sp_session=${token}`, "content-type": "text/csv", ...headers },
    // A streamed body (no Content-Length) needs half duplex.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

const caller = (token: string) => callerFor(db, token, { ...noSending, imports: createImportQueue(boss) });

beforeAll(async () => {
  db = await createTestDatabase(defaultEngine());
  boss = new PgBoss({
    db: db.jobQueue,
    schema: JOB_QUEUE_SCHEMA,
    migrate: false,
    supervise: false,
    schedule: false,
    ...(db.engine === "pglite" ? { backend: "pglite" as const } : {}),
  });
  boss.on("error", () => undefined);
  await boss.start();
  await createTenant(db, "import-shop", { planTier: "pro" });
  await createTenant(db, "other-shop");
  admin = (await signedInUser(db, { tenantId: "import-shop", role: "tenant_admin" })).token;
  staff = (await signedInUser(db, { tenantId: "import-shop", role: "tenant_staff" })).token;
  otherAdmin = (await signedInUser(db, { tenantId: "other-shop", role: "tenant_admin" })).token;
});
afterAll(async () => {
  await boss?.stop({ graceful: false, close: false });
  await db?.drop();
});

const CSV = [
  "Client ID,Display Name,Mobile Phone,E-mail,Tags",
  "J1,Ana Ruiz,(512) 555-0701,ana@example.com,vip",
  "J2,Ben Cole,512-555-0702,ben@example.com,",
  "J3,Ana R.,,ANA@example.com,",
  "J4,Cy Dunn,12,cy@example.com,",
].join("\n");

describe("imports over HTTP", () => {
  it("creates, uploads, previews and runs an import as a job", async () => {
    const created = await caller(admin).tenant.imports.create({
      kind: "customers",
      preset: "jobber",
      fileName: "clients.csv",
    });
    expect(created.uploadUrl).toBe(`/imports/${created.id}/file`);

    // Staff and another business's admin can't upload it.
    expect((await put(created.id, staff, CSV)).status).toBe(403);
    expect((await put(created.id, otherAdmin, CSV)).status).toBe(404);

    const uploaded = await put(created.id, admin, CSV);
    expect(uploaded.status).toBe(200);
    expect(await uploaded.json()).toMatchObject({ id: created.id, size: Buffer.byteLength(CSV) });

    const preview = await caller(admin).tenant.imports.preview({ id: created.id });
    expect(preview).toMatchObject({
      ok: true,
      totals: { total: 4, created: 2, merged: 1, rejected: 1 },
      file: { detectedPreset: "jobber", headers: ["Client ID", "Display Name", "Mobile Phone", "E-mail", "Tags"] },
    });
    const problems = await caller(admin).tenant.imports.preview({ id: created.id, filter: "problems" });
    expect(problems.ok && problems.rows.map((r) => r.row)).toEqual([3, 4]);

    // A second import can't run while this one is queued.
    const second = await caller(admin).tenant.imports.create({ kind: "customers", fileName: "more.csv" });
    expect((await put(second.id, admin, "Phone\n5125550799\n")).status).toBe(200);
    await caller(admin).tenant.imports.run({ id: created.id });
    await expect(caller(admin).tenant.imports.run({ id: second.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/Another import is queued for this business \("clients.csv"/),
    });
    // Staff may look, not run.
    expect((await caller(staff).tenant.imports.list({})).map((i) => i.id)).toContain(created.id);
    await expect(caller(staff).tenant.imports.run({ id: second.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const stop = await startImportWorker(
      boss,
      { db, filesDir: defaultFilesDir(), logger: { info: () => {} } },
      {
        pollingIntervalSeconds: 0.5,
      },
    );
    try {
      await settledJobs(db.jobQueue, { queue: JOB_QUEUES.dataImport.name, data: { importId: created.id }, atLeast: 1 });
      expect(await caller(staff).tenant.imports.status({ id: created.id })).toMatchObject({
        status: "completed",
        counts: { created: 2, merged: 1, rejected: 1, processed: 4 },
      });
      await caller(admin).tenant.imports.run({ id: second.id });
      await settledJobs(db.jobQueue, { queue: JOB_QUEUES.dataImport.name, data: { importId: second.id }, atLeast: 1 });
    } finally {
      await stop();
    }
    const phones = await tenantDb(db, "import-shop").run((tx) =>
      tx.customer.findMany({ orderBy: { phone: "asc" }, select: { phone: true, altPhones: true } }),
    );
    expect(phones).toEqual([
      { phone: "+15125550701", altPhones: [] },
      { phone: "+15125550702", altPhones: [] },
      { phone: "+15125550799", altPhones: [] },
    ]);
  });

  it("answers 413 with the limit for a file over it, declared or streamed", async () => {
    const { id } = await caller(admin).tenant.imports.create({ kind: "customers", fileName: "huge.csv" });
    const big = `Phone\n${"5125550100\n".repeat(LIMIT / 10)}`;
    const declared = await put(id, admin, big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: expect.stringMatching(/^The file is larger than the 64 KB an import accepts\. Split it/),
      limitBytes: LIMIT,
    });
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.subarray(i, i + 8192));
        controller.close();
      },
    });
    const streamed = await put(id, admin, stream);
    expect(streamed.status).toBe(413);
    // Nothing was kept: the import still waits for its file.
    expect(await caller(admin).tenant.imports.status({ id })).toMatchObject({ status: "pending", fileSize: null });
  });
});

/** The field issues a refusal carries (the client reads them as `error.data.issues`). */
async function refusal(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { code?: string; message?: string; cause?: { issues?: { path: PropertyKey[]; message: string }[] } };
  expect(error, "the call was refused").toBeDefined();
  return {
    code: error.code,
    message: error.message,
    issues: (error.cause?.issues ?? []).map((i) => [i.path.map(String).join("."), i.message]),
  };
}

// Headers no preset and no common name reads: the dry run can't tell which column is the phone.
const ODD = [
  "Cliente,Movil,Casa,Correo,Etiquetas",
  "Ana Ruiz,(512) 555-0801,,ana@example.com,vip",
  "Ben Cole,,512-555-0802,,",
  "Cy Dunn,512-555-0803,,cy@example.com,",
].join("\n");

describe("choosing the columns of a file no preset reads", () => {
  let mapAdmin: string;
  beforeAll(async () => {
    await createTenant(db, "map-shop", { planTier: "pro" });
    mapAdmin = (await signedInUser(db, { tenantId: "map-shop", role: "tenant_admin" })).token;
  });

  const MAPPING = { name: ["Cliente"], phone: ["Movil"], email: ["Correo"], tags: ["Etiquetas"], notes: [] };

  it("sets the mapping: the preset becomes none, and the next dry run reads the file with it", async () => {
    const { id } = await caller(mapAdmin).tenant.imports.create({ kind: "customers", fileName: "clientes.csv" });
    expect((await put(id, mapAdmin, ODD)).status).toBe(200);
    const before = await caller(mapAdmin).tenant.imports.preview({ id });
    expect(before).toMatchObject({
      ok: false,
      error: "Map a column to Phone or Email.",
      file: { headers: ["Cliente", "Movil", "Casa", "Correo", "Etiquetas"], detectedPreset: null },
    });
    expect(before.file?.samples[0]).toEqual({
      Cliente: "Ana Ruiz",
      Movil: "(512) 555-0801",
      Casa: "",
      Correo: "ana@example.com",
      Etiquetas: "vip",
    });

    const set = await caller(mapAdmin).tenant.imports.setMapping({ importId: id, mapping: MAPPING });
    expect(set).toMatchObject({
      preset: null,
      mapping: { name: ["Cliente"], phone: ["Movil"], email: ["Correo"], tags: ["Etiquetas"] },
      status: "uploaded",
      previewError: null,
      previewTotals: null,
    });
    expect(set.mapping).not.toHaveProperty("notes");

    // Ben's only number is in "Casa", which nothing reads yet.
    const after = await caller(mapAdmin).tenant.imports.preview({ id });
    expect(after).toMatchObject({
      ok: true,
      totals: { total: 3, created: 2, rejected: 1 },
      mapping: { phone: ["Movil"], email: ["Correo"] },
      file: { mapping: { name: ["Cliente"], phone: ["Movil"], email: ["Correo"], tags: ["Etiquetas"] } },
    });
    expect((await caller(mapAdmin).tenant.imports.status({ id })).status).toBe("previewed");

    // A new mapping drops the kept report: with "Casa" as a second phone column every row comes in.
    await caller(mapAdmin).tenant.imports.setMapping({
      importId: id,
      mapping: { ...MAPPING, phone: ["Movil", "Casa"] },
    });
    expect(await caller(mapAdmin).tenant.imports.preview({ id })).toMatchObject({
      ok: true,
      totals: { total: 3, created: 3, rejected: 0 },
    });

    const audits = (await auditRows(db, "import.mapping_set")).filter((a) => a.objectId === id);
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({
      targetTenantId: "map-shop",
      objectType: "import",
      details: { kind: "customers", previousPreset: null, mapping: { phone: ["Movil"] } },
    });
  });

  it("replaces a preset's layout (a Jobber file read another way)", async () => {
    const { id } = await caller(mapAdmin).tenant.imports.create({
      kind: "customers",
      preset: "jobber",
      fileName: "clients.csv",
    });
    expect((await put(id, mapAdmin, CSV)).status).toBe(200);
    expect(await caller(mapAdmin).tenant.imports.preview({ id })).toMatchObject({ ok: true, totals: { rejected: 1 } });
    // Without the email column, the row with no phone (merged by its email before) is refused too.
    await caller(mapAdmin).tenant.imports.setMapping({
      importId: id,
      mapping: { externalId: ["Client ID"], name: ["Display Name"], phone: ["Mobile Phone"] },
    });
    expect((await caller(mapAdmin).tenant.imports.status({ id })).preset).toBeNull();
    expect(await caller(mapAdmin).tenant.imports.preview({ id })).toMatchObject({ ok: true, totals: { rejected: 2 } });
  });

  it("is refused before the file is uploaded (412)", async () => {
    const { id } = await caller(mapAdmin).tenant.imports.create({ kind: "customers", fileName: "later.csv" });
    expect(await refusal(caller(mapAdmin).tenant.imports.setMapping({ importId: id, mapping: MAPPING }))).toMatchObject(
      {
        code: "PRECONDITION_FAILED",
        message: "Upload the file before choosing its columns.",
      },
    );
  });

  it("names each problem (400) and changes nothing", async () => {
    const { id } = await caller(mapAdmin).tenant.imports.create({ kind: "customers", fileName: "clientes.csv" });
    expect((await put(id, mapAdmin, ODD)).status).toBe(200);
    await caller(mapAdmin).tenant.imports.preview({ id });
    const refused = await refusal(
      caller(mapAdmin).tenant.imports.setMapping({
        importId: id,
        mapping: { name: ["Nombre"], tags: ["Etiquetas"], nickname: ["Cliente"] },
      }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    expect(refused.issues).toEqual([
      ["mapping.name", 'The file has no column "Nombre" (chosen for Full name). Choose one of its columns.'],
      ["mapping.nickname", '"nickname" is not a field of a customers import.'],
      ["mapping.phone", "Map a column to Phone or Email."],
    ]);
    expect(refused.message).toContain("Map a column to Phone or Email.");
    // Nothing changed: same preset, no mapping, the kept dry run still there.
    expect(await caller(mapAdmin).tenant.imports.status({ id })).toMatchObject({
      preset: null,
      mapping: {},
      previewError: "Map a column to Phone or Email.",
    });
    expect((await auditRows(db, "import.mapping_set")).filter((a) => a.objectId === id)).toEqual([]);
  });

  it("is refused once the import is queued (409), and for another business's import (404)", async () => {
    const { id } = await caller(mapAdmin).tenant.imports.create({ kind: "customers", fileName: "clientes.csv" });
    expect((await put(id, mapAdmin, ODD)).status).toBe(200);
    await caller(mapAdmin).tenant.imports.setMapping({ importId: id, mapping: MAPPING });

    // Another business's admin can neither remap it nor learn that it exists.
    expect(
      await refusal(caller(otherAdmin).tenant.imports.setMapping({ importId: id, mapping: MAPPING })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    const staffOfMapShop = (await signedInUser(db, { tenantId: "map-shop", role: "tenant_staff" })).token;
    expect(
      await refusal(caller(staffOfMapShop).tenant.imports.setMapping({ importId: id, mapping: MAPPING })),
    ).toMatchObject({ code: "FORBIDDEN" });

    // Queued (no worker runs in this test): its columns stay as queued.
    await caller(mapAdmin).tenant.imports.run({ id });
    expect(
      await refusal(
        caller(mapAdmin).tenant.imports.setMapping({ importId: id, mapping: { phone: ["Movil"], email: ["Correo"] } }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^This import is queued: its columns can't change/),
    });
    expect(await caller(mapAdmin).tenant.imports.status({ id })).toMatchObject({
      status: "queued",
      mapping: { name: ["Cliente"], tags: ["Etiquetas"] },
    });
  });
});
