// The platform path's reads (platformReadDb): every tenant's rows, nothing written, and on
// PostgreSQL one statement per read on a pool whose connections start in the platform role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLATFORM_ROLE, platformDb, platformReadDb } from "../src/index.ts";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing.ts";

describe.each(testEngines())("platformReadDb on %s", (engine) => {
  let db: TestDatabase;
  const access = { actorUserId: null, purpose: "test.platform-read" };
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await platformDb(db, access).run(async (tx) => {
      for (const id of ["read-a", "read-b"]) await tx.tenant.create({ data: { id, slug: id, name: `Business ${id}` } });
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("reads across tenants, which the app role cannot", async () => {
    const seen = await platformReadDb(db, access).run((reader) =>
      reader.tenant.findMany({ where: { id: { in: ["read-a", "read-b"] } }, orderBy: { id: "asc" } }),
    );
    expect(seen.map((t) => t.id)).toEqual(["read-a", "read-b"]);
    expect(await db.prisma.tenant.count({ where: { id: { in: ["read-a", "read-b"] } } })).toBe(0);
  });

  it("refuses to write", async () => {
    await expect(
      platformReadDb(db, access).run((reader) =>
        reader.tenant.update({ where: { id: "read-a" }, data: { name: "Changed" } }),
      ),
    ).rejects.toThrow(/read-only transaction/);
    await expect(
      platformReadDb(db, access).run((reader) =>
        reader.$executeRawUnsafe("INSERT INTO tenants (id, slug, name, updated_at) VALUES ('x', 'x', 'x', now())"),
      ),
    ).rejects.toThrow(/read-only transaction/);
    const row = await platformDb(db, access).run((tx) => tx.tenant.findUnique({ where: { id: "read-a" } }));
    expect(row?.name).toBe("Business read-a");
  });

  it.skipIf(engine !== "postgres")(
    "runs a read as one statement, in the platform role, read-only (PostgreSQL's own pool)",
    async () => {
      expect(db.platformRead).not.toBeNull();
      const [row] = await platformReadDb(db, access).run(
        (reader) =>
          reader.$queryRaw<{ role: string; readOnly: string; alone: boolean }[]>`
          SELECT current_user::text AS role,
                 current_setting('transaction_read_only') AS "readOnly",
                 now() = statement_timestamp() AS alone`,
      );
      // `alone`: the transaction began with this statement (no BEGIN / SET ROLE sent before it).
      expect(row).toEqual({ role: PLATFORM_ROLE, readOnly: "on", alone: true });
    },
  );
});
