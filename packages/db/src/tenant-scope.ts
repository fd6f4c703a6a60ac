import { TENANT_SLUG_PATTERN } from "@servicepro/tenancy/constants";
import type { Database } from "./client.ts";
import { Prisma } from "./generated/prisma/client.ts";
import { TENANT_SETTING, USER_SETTING } from "./roles.ts";

/**
 * Models whose rows belong to one tenant through a `tenantId` column. Adding a model with a
 * `tenantId` field to schema.prisma without listing it here fails the isolation suite, which
 * compares this list with the database catalog.
 */
export const TENANT_OWNED_MODELS = [
  "Membership",
  "TenantPhoneConfig",
  "Customer",
  "Conversation",
  "Message",
  "Call",
  "SmsConsent",
  "SmsConsentEvent",
  "MarketingConsent",
  "Faq",
  "Service",
  "AddOn",
  "PackInstall",
  "WebsiteDraft",
  "BookingSettings",
  "Asset",
  "Bookable",
  "TimeOff",
  "Appointment",
  "AppointmentEvent",
  "AppointmentSeries",
  "AppointmentReminder",
  "TwilioEvent",
  "AgentSettings",
  "AgentThread",
  "AgentRun",
  "CustomerSession",
  "PortalChallenge",
  "LoyaltySettings",
  "LoyaltyReward",
  "LoyaltyEntry",
  "LoyaltyRedemption",
  "AutomationSettings",
  "ReviewRequest",
  "Campaign",
  "CampaignSend",
  "CampaignSenderPace",
  "RebookReminder",
  "CustomerMerge",
  "CustomerDuplicateDismissal",
  "RetentionSettings",
  "DataDeletion",
  "DataExport",
  "DataImport",
  "ImportKey",
] as const;
export type TenantOwnedModel = (typeof TENANT_OWNED_MODELS)[number];

type ModelKey<M extends string> = Uncapitalize<M>;

/**
 * What code running for one tenant may touch: the tenant's own row and its tenant-owned models,
 * plus tagged-template raw SQL (row-level security still applies to it). Identity tables and the
 * audit log are deliberately absent.
 */
export type TenantTx = Pick<
  Prisma.TransactionClient,
  ModelKey<TenantOwnedModel> | "tenant" | "$queryRaw" | "$executeRaw"
>;

export type TenantDb = {
  readonly tenantId: string;
  /** One transaction with `app.tenant_id` set for it alone; every model query is scoped to the tenant. */
  run<T>(fn: (tx: TenantTx) => Promise<T>, options?: { timeout?: number }): Promise<T>;
  /**
   * One statement of plain SQL (no Prisma: about 0.9 ms less CPU per round trip) in a transaction
   * of its own with `app.tenant_id` set, so row-level security scopes it to the tenant exactly as
   * for `run`. Nothing rewrites the SQL: it must still name the tenant (`tenant_id = ${tenantId}`)
   * so the planner can seek in the (tenant_id, …) indexes. Rows come as the driver reads them
   * (timestamptz → Date, int8 → string: cast counts to int). The statement is kept prepared on its
   * connection (parsed and planned once), so its text must come from code, values as parameters: a
   * text built from input would prepare without bound. Not inside `run`: it is a transaction of its
   * own (on PGlite, one connection, it would wait for `run`'s forever). For the list pattern see keyset.ts.
   * `prepare: false` plans it afresh each time: for a statement whose best plan depends on its values
   * (a generic plan cannot know how selective they are).
   */
  query<T>(statement: Prisma.Sql, options?: { prepare?: boolean }): Promise<T[]>;
};

export class TenantScopeViolation extends Error {
  override name = "TenantScopeViolation";
}

export function assertTenantId(tenantId: string): void {
  if (!TENANT_SLUG_PATTERN.test(tenantId))
    throw new TenantScopeViolation(`Invalid tenant id: ${JSON.stringify(tenantId)}`);
}

/**
 * The tenant-scoped client: isolation enforced in code. Every query it runs is rewritten to
 * carry the tenant (filters on reads and writes, the tenant id on created rows; a different
 * tenant id in input is an error), and it runs inside a transaction that sets `app.tenant_id`
 * for the row-level security policies: isolation enforced again by PostgreSQL.
 */
export function tenantDb(db: Database, tenantId: string): TenantDb {
  assertTenantId(tenantId);
  // Built on first use: every tenant procedure gets a TenantDb, and the SQL-only ones never need it.
  let scoped: ReturnType<typeof scopedClient> | undefined;
  return {
    tenantId,
    run: (fn, options) =>
      (scoped ??= scopedClient(db, tenantId)).$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config(${TENANT_SETTING}, ${tenantId}, true)`;
        return fn(tx as unknown as TenantTx);
      }, options),
    query: <T>(statement: Prisma.Sql, options?: { prepare?: boolean }) =>
      db.sql.transaction(
        (sql) => sql.query<T>(statement.text, statement.values, { prepare: options?.prepare ?? true }),
        {
          [TENANT_SETTING]: tenantId,
        },
      ),
  };
}

const scopedClient = (db: Database, tenantId: string) => db.prisma.$extends(tenantScopeExtension(tenantId));

/** Transaction for identity code acting as one user: sees that user's memberships (and their tenants) across tenants. */
export function userDb(db: Database, userId: string) {
  return {
    run: <T>(fn: (tx: Pick<Prisma.TransactionClient, "membership" | "tenant">) => Promise<T>): Promise<T> =>
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config(${USER_SETTING}, ${userId}, true)`;
        return fn(tx);
      }),
  };
}

const tenantOwned = new Set<string>(TENANT_OWNED_MODELS);

type Args = Record<string, unknown>;

function tenantScopeExtension(tenantId: string) {
  return Prisma.defineExtension({
    name: "tenant-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, (args ?? {}) as Args, tenantId));
        },
      },
    },
  });
}

/** Rewrites one model operation's arguments so it can only see and write `tenantId`'s rows. Exported for tests. */
export function scopeArgs(model: string, operation: string, args: Args, tenantId: string): Args {
  if (model === "Tenant") return scopeTenantRow(operation, args, tenantId);
  if (!tenantOwned.has(model)) {
    throw new TenantScopeViolation(`${model} is not tenant-owned; it cannot be used through a tenant-scoped client.`);
  }
  const key = "tenantId";
  const next: Args = { ...args };
  if ("where" in args || READ_OR_FILTERED.has(operation))
    next.where = withTenant(args.where as Args | undefined, key, tenantId, model);
  if (operation === "create") next.data = stampTenant(args.data as Args, key, tenantId, model);
  if (operation === "createMany" || operation === "createManyAndReturn") {
    const data = args.data as Args | Args[];
    next.data = Array.isArray(data)
      ? data.map((row) => stampTenant(row, key, tenantId, model))
      : stampTenant(data, key, tenantId, model);
  }
  if (operation === "upsert") {
    next.create = stampTenant(args.create as Args, key, tenantId, model);
    next.update = keepTenant(args.update as Args, key, tenantId, model);
  }
  if (operation === "update" || operation === "updateMany" || operation === "updateManyAndReturn") {
    next.data = keepTenant(args.data as Args, key, tenantId, model);
  }
  return next;
}

// Operations that take a `where` even when the caller gave none: the scope is added regardless.
const READ_OR_FILTERED = new Set([
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "findUnique",
  "findUniqueOrThrow",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);

function scopeTenantRow(operation: string, args: Args, tenantId: string): Args {
  if (operation.startsWith("create") || operation === "upsert") {
    throw new TenantScopeViolation("Tenants are created through the platform path, not a tenant-scoped client.");
  }
  const next: Args = { ...args, where: withTenant(args.where as Args | undefined, "id", tenantId, "Tenant") };
  if ("data" in args) next.data = keepTenant(args.data as Args, "id", tenantId, "Tenant");
  return next;
}

function withTenant(where: Args | undefined, key: string, tenantId: string, model: string): Args {
  const given = where?.[key];
  if (given !== undefined && given !== tenantId) {
    throw new TenantScopeViolation(
      `${model}: a query for tenant ${tenantId} asked for ${key}=${JSON.stringify(given)}.`,
    );
  }
  return { ...where, [key]: tenantId };
}

function stampTenant(data: Args, key: string, tenantId: string, model: string): Args {
  if ("tenant" in data) throw new TenantScopeViolation(`${model}: set no tenant relation; the scope sets ${key}.`);
  const given = data[key];
  if (given !== undefined && given !== tenantId) {
    throw new TenantScopeViolation(
      `${model}: cannot create a row for tenant ${JSON.stringify(given)} from tenant ${tenantId}.`,
    );
  }
  return { ...data, [key]: tenantId };
}

function keepTenant(data: Args, key: string, tenantId: string, model: string): Args {
  if ("tenant" in data || (data[key] !== undefined && data[key] !== tenantId)) {
    throw new TenantScopeViolation(`${model}: rows cannot move to another tenant.`);
  }
  return data;
}
