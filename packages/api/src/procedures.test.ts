// Every tRPC procedure must declare who may call it. A procedure built on `t.procedure` directly,
// or on a base procedure that lost its meta, fails here before it can ship.
import { ACCESS_CLASSES } from "@servicepro/identity";
import { describe, expect, it } from "vitest";
import { appRouter } from "./root.ts";
import type { ProcedureMeta } from "./trpc.ts";

type ProcedureDef = { _def: { meta?: Partial<ProcedureMeta>; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

describe("procedure inventory", () => {
  it("should find the procedures", () => {
    expect(procedures.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        "auth.login",
        "auth.logout",
        "auth.context",
        "admin.tenants.list",
        "tenant.overview",
        "portal.business",
      ]),
    );
  });

  it.each(procedures)("%s should declare an access class", (_path, procedure) => {
    expect(ACCESS_CLASSES).toContain(procedure._def.meta?.access);
  });

  it("should keep the platform console owner-only and tenant data staff-only", () => {
    const access = Object.fromEntries(procedures.map(([path, p]) => [path, p._def.meta?.access]));
    for (const [path, accessClass] of Object.entries(access)) {
      if (path.startsWith("admin.")) expect(accessClass, path).toBe("owner");
      if (path.startsWith("tenant.")) expect(["staff", "tenant_admin"], path).toContain(accessClass);
    }
  });
});
