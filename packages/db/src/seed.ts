import { readFileSync } from "node:fs";
import type { Database } from "./client.ts";
import type { MembershipRole, PlanTier, TenantStatus } from "./generated/prisma/enums.ts";
import { platformDb } from "./platform.ts";

type DemoData = {
  tenants: {
    id: string;
    name: string;
    slug: string;
    industry: string | null;
    planTier: PlanTier;
    status: TenantStatus;
    internalNotes: string | null;
  }[];
  users: { email: string; name: string; tenantId: string; role: MembershipRole }[];
};

const DEMO_FILE = new URL("../../../prisma/seed/demo.json", import.meta.url);

const loadDemoData = (): DemoData => JSON.parse(readFileSync(DEMO_FILE, "utf8")) as DemoData;

export type SeedResult = { tenantsCreated: string[]; usersCreated: string[] };

/**
 * Loads the demo tenants and their staff. Idempotent: existing rows are left as they are, so a
 * re-run never resets a password or undoes a change made through the app.
 */
export async function seedDemo(db: Database, opts: { passwordHash: string }): Promise<SeedResult> {
  const demo = loadDemoData();
  return platformDb(db, { actorUserId: null, purpose: "seed.demo" }).run(async (tx, audit) => {
    const tenantsCreated: string[] = [];
    for (const tenant of demo.tenants) {
      const existing = await tx.tenant.findUnique({ where: { id: tenant.id }, select: { id: true } });
      if (existing) continue;
      await tx.tenant.create({ data: tenant });
      await audit({ action: "tenant.created", targetTenantId: tenant.id, details: { source: "demo seed" } });
      tenantsCreated.push(tenant.id);
    }
    const usersCreated: string[] = [];
    for (const user of demo.users) {
      const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } });
      if (existing) continue;
      const created = await tx.user.create({ data: { email: user.email, name: user.name, passwordHash: opts.passwordHash } });
      await tx.membership.create({ data: { tenantId: user.tenantId, userId: created.id, role: user.role } });
      usersCreated.push(user.email);
    }
    return { tenantsCreated, usersCreated };
  });
}
