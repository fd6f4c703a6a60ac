// Fixtures for the catalog, pack upgrade and onboarding tests: businesses set up from a pack the way
// set-up writes them (rows from @servicepro/concierge's mapping plus a PackInstall snapshot), users
// with sessions, onboarding links, and callers with a clock of the test's choosing that capture the
// session cookie a response sets.
import { randomBytes, randomUUID } from "node:crypto";
import { addOnRow, faqRow, serviceRow, UNUSABLE_PASSWORD_HASH } from "@servicepro/concierge";
import { type Database, type Prisma, platformDb, tenantDb } from "@servicepro/db";
import type { IndustryPack } from "@servicepro/industry-packs";
import { onboardingTokenHash as tokenIdOf } from "@servicepro/provisioning";
import { type ApiDeps, type ApiMessaging, createApiDeps, createContext, type Logger } from "../src/context.ts";
import { createSession } from "../src/identity/sessions.ts";
import { appRouter } from "../src/root.ts";
import { createCallerFactory } from "../src/trpc.ts";

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {}, child: () => silent };
const system = { actorUserId: null, purpose: "test.catalog-fixtures" };
const callerFactory = createCallerFactory(appRouter);

// Nothing here sends texts or queues jobs: any use is a bug in the test.
const noMessaging = new Proxy({} as ApiMessaging, {
  get: (_target, property) => {
    throw new Error(`messaging.${String(property)} is not wired in the catalog tests`);
  },
});

/** One ApiDeps per database and clock, so the login throttle is shared like a server's. */
export function apiDeps(db: Database, now?: () => Date): ApiDeps {
  return createApiDeps({ db, logger: silent, messaging: noMessaging, ...(now ? { now } : {}) });
}

/** A caller with `token` as its session cookie (or none); `cookies.set` records what the response set. */
export function callerWith(deps: ApiDeps, token?: string, ip = "198.51.100.20") {
  const cookies = { value: token, set: undefined as string | undefined, cleared: false };
  const ctx = createContext(deps, {
    requestId: randomUUID(),
    ip,
    userAgent: "vitest",
    cookies: {
      read: () => cookies.value,
      set: (value) => {
        cookies.set = value;
      },
      clear: () => {
        cookies.cleared = true;
      },
    },
  });
  return { api: callerFactory(ctx), cookies };
}

export async function createBusiness(db: Database, id: string, opts: { name?: string; timezone?: string } = {}) {
  await platformDb(db, system).run((tx) =>
    tx.tenant.create({
      data: {
        id,
        name: opts.name ?? `Business ${id}`,
        slug: id,
        planTier: "pro",
        status: "active",
        industry: "lawn-care",
        timezone: opts.timezone ?? "America/Chicago",
      },
    }),
  );
}

/** A member of `tenantId` with a live session. */
export async function member(
  db: Database,
  tenantId: string,
  role: "tenant_admin" | "tenant_staff",
  passwordHash = "x",
) {
  const email = `${randomUUID()}@example.test`;
  const user = await platformDb(db, system).run(async (tx) => {
    const created = await tx.user.create({
      data: { email, name: role === "tenant_admin" ? "Alex Admin" : "Sam Staff", passwordHash },
    });
    await tx.membership.create({ data: { tenantId, userId: created.id, role } });
    return created;
  });
  const { token } = await createSession(db, {
    userId: user.id,
    activeTenantId: tenantId,
    now: new Date(),
    ip: undefined,
    userAgent: undefined,
  });
  return { token, userId: user.id, email };
}

/** Installs `pack` (possibly an older, modified copy) as set-up does: its rows and a snapshot of it. */
export async function installPack(
  db: Database,
  tenantId: string,
  pack: IndustryPack,
  installedAt = new Date("2026-01-05T12:00:00Z"),
) {
  await tenantDb(db, tenantId).run(async (tx) => {
    const services = pack.services.map((service, position) =>
      serviceRow(pack, service, { tenantId, id: randomUUID(), position }),
    );
    const serviceRowIds = new Map(services.map((row) => [row.packItemId, row.id]));
    await tx.service.createMany({ data: services });
    await tx.addOn.createMany({
      data: pack.addOns.map((addOn, position) =>
        addOnRow(addOn, serviceRowIds, { tenantId, id: randomUUID(), position }),
      ),
    });
    await tx.faq.createMany({
      data: pack.faqs.map((faq, position) => faqRow(faq, { tenantId, id: randomUUID(), position })),
    });
    await tx.packInstall.create({
      data: {
        tenantId,
        packId: pack.id,
        version: pack.version,
        snapshot: structuredClone(pack) as unknown as Prisma.InputJsonValue,
        installedAt,
      },
    });
  });
}

/**
 * A new owner as set-up leaves them: a user with the unusable hash, an admin membership, and a
 * one-time link expiring `ttlHours` after `createdAt`. Returns the raw token (what the link carries).
 */
export async function invitedOwner(
  db: Database,
  tenantId: string,
  opts: { createdAt: Date; ttlHours?: number; name?: string },
) {
  const token = randomBytes(32).toString("base64url");
  const email = `owner-${randomUUID()}@example.test`;
  const userId = await platformDb(db, system).run(async (tx) => {
    const user = await tx.user.create({
      data: { email, name: opts.name ?? "Olivia Owner", passwordHash: UNUSABLE_PASSWORD_HASH },
    });
    await tx.membership.create({ data: { tenantId, userId: user.id, role: "tenant_admin" } });
    await tx.onboardingToken.create({
      data: {
        id: tokenIdOf(token),
        userId: user.id,
        tenantId,
        createdAt: opts.createdAt,
        expiresAt: new Date(opts.createdAt.getTime() + (opts.ttlHours ?? 72) * 3_600_000),
      },
    });
    return user.id;
  });
  return { token, email, userId, name: opts.name ?? "Olivia Owner" };
}

/** The test's own reads and writes across tenants. */
export const platform = (db: Database) => platformDb(db, system);
