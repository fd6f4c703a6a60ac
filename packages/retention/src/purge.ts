// A cancelled business's data, deleted after its grace (issue 16, part 4; research note D6).
//
// The owner is warned by email 14, 7 and 1 days before (policy.ts dueWarning). Then, in ONE
// platform transaction (all or nothing: a purge never leaves half a business behind):
// - its phone numbers are released the way the owner console releases one (the directory row is
//   deleted, `phone_number.released` audited per number), so routing stops and the number can be
//   given to another business;
// - every row of every table with a `tenant_id` column is deleted. The list comes from the database
//   catalog, not from code, and is ordered by the foreign keys between those tables (children
//   first), so a table added later is purged without a change here (the isolation suite already
//   requires every such table to be tenant-owned);
// - the tenant row stays, as the anchor of the audit trail, without the owner's contact details,
//   marked `data_purged_at`;
// - a purge certificate is written to audit_logs (`tenant.data_purged`: counts per table, the
//   cancellation and due dates, the numbers released).
// Audit rows about the business are kept: they are the platform's security record (sign-ins,
// impersonation, plan changes, this purge itself) and the evidence that the deletion happened; they
// hold ids and actions, not the business's customer data, and the trail is append-only by design.
// Never under a legal hold (re-checked with the tenant row locked), never before the grace ends.
import { type Database, type Prisma, platformDb } from "@servicepro/db";
import type { RetentionDeps } from "./deps.ts";
import { dueWarning, purgeDueAt, purgeRefusal, type Refusal } from "./policy.ts";

export type PurgeRun =
  | { outcome: "skipped"; reason: Refusal | "no_tenant" }
  | { outcome: "waiting"; dueAt: Date; warned: number | null }
  | { outcome: "purged"; counts: Record<string, number>; numbersReleased: string[] };

type TenantState = {
  id: string;
  name: string;
  status: string;
  cancelledAt: Date | null;
  legalHoldAt: Date | null;
  dataPurgedAt: Date | null;
  contactEmail: string | null;
};

const access = { actorUserId: null, purpose: "retention.cancelled_purge" };

async function loadTenant(tx: Prisma.TransactionClient, tenantId: string, lock: boolean) {
  const rows = lock
    ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM tenants WHERE id = ${tenantId} FOR UPDATE`
    : [{ id: tenantId }];
  if (rows.length === 0) return null;
  const tenant: TenantState | null = await tx.tenant.findUnique({
    where: { id: tenantId },
    select: {
      id: true,
      name: true,
      status: true,
      cancelledAt: true,
      legalHoldAt: true,
      dataPurgedAt: true,
      contactEmail: true,
    },
  });
  if (!tenant) return null;
  const settings = await tx.retentionSettings.findUnique({ where: { tenantId } });
  return { tenant, settings };
}

/** Where the warnings go: the owner's contact email, else every admin's sign-in email. */
async function ownerEmails(tx: Prisma.TransactionClient, tenant: TenantState): Promise<string[]> {
  if (tenant.contactEmail) return [tenant.contactEmail];
  const admins = await tx.membership.findMany({
    where: { tenantId: tenant.id, role: "tenant_admin" },
    select: { user: { select: { email: true } } },
  });
  return admins.map((m) => m.user.email);
}

export async function runCancelledPurge(deps: RetentionDeps, tenantId: string): Promise<PurgeRun> {
  const now = (deps.now ?? (() => new Date()))();
  const platform = platformDb(deps.db, access, deps.logger);
  const seen = await platform.run((tx) => loadTenant(tx, tenantId, false));
  if (!seen) return { outcome: "skipped", reason: "no_tenant" };
  const days = seen.settings?.cancelledDeletionDays ?? null;
  const refusal = purgeRefusal(seen.tenant, days, now);
  if (refusal === "grace_not_over") return warnIfDue(deps, seen.tenant, seen.settings, days, now);
  if (refusal) return { outcome: "skipped", reason: refusal };
  return purge(deps.db, tenantId, now, deps.logger);
}

async function warnIfDue(
  deps: RetentionDeps,
  tenant: TenantState,
  settings: { warningsSent: number[]; warnedForCancelledAt: Date | null } | null,
  days: number | null,
  now: Date,
): Promise<PurgeRun> {
  const dueAt = purgeDueAt(tenant, days) as Date;
  // Warnings recorded for an earlier cancellation (the business came back, then cancelled again) do not count.
  const sent =
    settings?.warnedForCancelledAt?.getTime() === tenant.cancelledAt?.getTime() ? (settings?.warningsSent ?? []) : [];
  const warning = dueWarning(dueAt, now, sent);
  if (!warning) return { outcome: "waiting", dueAt, warned: null };
  const platform = platformDb(deps.db, access, deps.logger);
  const to = await platform.run((tx) => ownerEmails(tx, tenant));
  const when = dueAt.toISOString().slice(0, 10);
  // Sent before it is recorded: a crash in between sends it again (twice is better than never).
  for (const address of to)
    await deps.email.send({
      to: address,
      subject: `${tenant.name}: your data will be deleted on ${when}`,
      text: [
        `${tenant.name} was cancelled, and all of its data (customers, appointments, texts, calls, loyalty,`,
        `campaigns) will be deleted for good on ${when} (UTC), in ${warning.daysBefore} day${warning.daysBefore === 1 ? "" : "s"}.`,
        "To keep a copy, sign in and download an export before then. To keep the business, contact us to reactivate it.",
      ].join("\n"),
    });
  await platform.run(async (tx, audit) => {
    const data = { warningsSent: warning.covers, warnedForCancelledAt: tenant.cancelledAt };
    await tx.retentionSettings.upsert({
      where: { tenantId: tenant.id },
      create: { tenantId: tenant.id, ...data },
      update: data,
    });
    await audit({
      action: "tenant.data_deletion_warned",
      targetTenantId: tenant.id,
      objectType: "tenant",
      objectId: tenant.id,
      details: { daysBefore: warning.daysBefore, dueAt: dueAt.toISOString(), recipients: to.length },
    });
  });
  return { outcome: "waiting", dueAt, warned: warning.daysBefore };
}

/** Every table with a tenant_id column, children before the tables they reference. */
export async function tenantTablesInDeleteOrder(tx: Pick<Prisma.TransactionClient, "$queryRaw">): Promise<string[]> {
  const tables = await tx.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name::text FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`;
  const edges = await tx.$queryRaw<{ child: string; parent: string }[]>`
    SELECT DISTINCT con.conrelid::regclass::text AS child, con.confrelid::regclass::text AS parent
    FROM pg_constraint con
    WHERE con.contype = 'f' AND con.conrelid <> con.confrelid
      AND con.connamespace = 'public'::regnamespace`;
  const names = tables.map((t) => t.table_name);
  const set = new Set(names);
  const strip = (name: string) => name.replace(/^"|"$/g, "");
  /** parent → children that reference it */
  const children = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  for (const { child, parent } of edges) {
    const c = strip(child);
    const p = strip(parent);
    if (set.has(c) && set.has(p)) children.get(p)?.add(c);
  }
  // Depth-first: a table is emitted after every table that references it.
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (table: string) => {
    if (state.get(table) === "done") return;
    if (state.get(table) === "visiting") throw new Error(`Foreign keys form a cycle through ${table}`);
    state.set(table, "visiting");
    for (const child of children.get(table) ?? []) visit(child);
    state.set(table, "done");
    order.push(table);
  };
  for (const name of names) visit(name);
  return order;
}

async function purge(db: Database, tenantId: string, now: Date, logger: RetentionDeps["logger"]): Promise<PurgeRun> {
  return platformDb(db, access, logger).run(async (tx, audit) => {
    // Re-checked with the row locked: a legal hold or a reactivation that won the race wins.
    const locked = await loadTenant(tx, tenantId, true);
    if (!locked) return { outcome: "skipped", reason: "no_tenant" } as const;
    const refusal = purgeRefusal(locked.tenant, locked.settings?.cancelledDeletionDays ?? null, now);
    if (refusal) return { outcome: "skipped", reason: refusal } as const;
    const dueAt = purgeDueAt(locked.tenant, locked.settings?.cancelledDeletionDays ?? null);
    const numbers = await tx.tenantPhoneConfig.findMany({ where: { tenantId }, select: { phoneNumber: true } });
    for (const { phoneNumber } of numbers) {
      await tx.tenantPhoneConfig.delete({ where: { phoneNumber } });
      await audit({
        action: "phone_number.released",
        targetTenantId: tenantId,
        objectType: "phone_number",
        objectId: phoneNumber,
        details: { reason: "cancelled_purge" },
      });
    }
    // Lets the append-only ledgers' triggers allow this business's rows to be deleted, in this
    // transaction only (the retention migration).
    await tx.$executeRaw`SELECT set_config('app.purge_tenant_id', ${tenantId}, true)`;
    const counts: Record<string, number> = {};
    for (const table of await tenantTablesInDeleteOrder(tx)) {
      // The table name comes from the catalog (never from input); the tenant is a parameter.
      counts[table] = await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE tenant_id = $1`, tenantId);
    }
    counts.tenant_phone_configs = (counts.tenant_phone_configs ?? 0) + numbers.length;
    await tx.tenant.update({
      where: { id: tenantId },
      data: { dataPurgedAt: now, contactName: null, contactEmail: null, contactPhone: null },
    });
    await audit({
      action: "tenant.data_purged",
      targetTenantId: tenantId,
      objectType: "tenant",
      objectId: tenantId,
      details: {
        certificate: "All rows of every table with a tenant_id column were deleted for this business.",
        cancelledAt: locked.tenant.cancelledAt?.toISOString() ?? null,
        dueAt: dueAt?.toISOString() ?? null,
        purgedAt: now.toISOString(),
        counts,
        numbersReleased: numbers.map((n) => n.phoneNumber),
      },
    });
    return { outcome: "purged", counts, numbersReleased: numbers.map((n) => n.phoneNumber) } as const;
  });
}
