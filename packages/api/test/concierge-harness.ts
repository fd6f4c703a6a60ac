// Concierge set-up over HTTP (tRPC's fetch adapter in front of the real router) with the real job
// queue (pg-boss, no workers: queued jobs stay as rows to count), the demo tenants, a signed-in
// platform owner and a fixed clock. Also counts every row a set-up can write, for "nothing written".
import { randomUUID } from "node:crypto";
import type { DatabaseEngine } from "@servicepro/db";
import { type Database, JOB_QUEUES, platformDb, seedDemo } from "@servicepro/db";
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import { type Messaging, startMessaging } from "@servicepro/messaging";
import { createDevSender } from "@servicepro/sms";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { ProvisionDeps } from "../src/concierge/execute.ts";
import { deliveryConfigOf } from "../src/concierge/onboarding-delivery.ts";
import {
  type ApiMessaging,
  createApiDeps,
  createContext,
  type IntegrationsConfig,
  type Logger,
  NO_INTEGRATIONS,
} from "../src/context.ts";
import { ensurePlatformOwner } from "../src/identity/owner.ts";
import { appRouter } from "../src/root.ts";

export const PUBLIC_BASE_URL = "https://app.servicepro.test";
export const NOW = new Date("2026-11-22T09:00:00Z");
const OWNER = { email: "owner@servicepro.test", password: "owner-password-for-tests" };
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {}, child: () => silent };

export type HttpAnswer = {
  status: number;
  data: unknown;
  error?: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      issues?: { path: (string | number)[]; message: string }[];
      cause?: Record<string, unknown>;
    };
  };
};

export async function startConciergeHarness(
  engine: DatabaseEngine,
  options: { poolSize?: number; numberPool?: string[] } = {},
) {
  const db: TestDatabase = await createTestDatabase(engine, options.poolSize ? { poolSize: options.poolSize } : {});
  // The demo seed needs no real password hash here: nobody signs in as the demo staff.
  await seedDemo(db, { passwordHash: "!test" });
  await ensurePlatformOwner(db, silent, OWNER);
  // What the server is configured with (Twilio, email, platform number); tests may change it.
  let integrations: IntegrationsConfig = NO_INTEGRATIONS;
  const messaging: Messaging = await startMessaging({
    db,
    sender: createDevSender(silent),
    logger: silent,
    publicBaseUrl: PUBLIC_BASE_URL,
    unroutedPolicy: "fallback-to-root",
    runWorker: false,
    numberPool: options.numberPool ?? [],
  });

  function call(
    kind: "query" | "mutation",
    path: string,
    input: unknown,
    token: string | undefined,
    apiMessaging: ApiMessaging = messaging,
  ): Promise<HttpAnswer> {
    const deps = createApiDeps({
      db,
      logger: silent,
      messaging: apiMessaging,
      publicBaseUrl: PUBLIC_BASE_URL,
      now: () => NOW,
      integrations,
    });
    const url = new URL(`http://localhost/trpc/${path}`);
    const headers = new Headers({ "user-agent": "concierge-tests" });
    if (kind === "query") url.searchParams.set("input", JSON.stringify(input));
    else headers.set("content-type", "application/json");
    const req = new Request(url, {
      method: kind === "query" ? "GET" : "POST",
      headers,
      ...(kind === "mutation" ? { body: JSON.stringify(input) } : {}),
    });
    return fetchRequestHandler({
      endpoint: "/trpc",
      req,
      router: appRouter,
      createContext: () =>
        createContext(deps, {
          requestId: randomUUID(),
          ip: "203.0.113.9",
          userAgent: "concierge-tests",
          cookies: { read: () => token, set: () => {}, clear: () => {} },
        }),
    }).then(async (res) => {
      const json = (await res.json()) as { result?: { data: unknown }; error?: HttpAnswer["error"] };
      return { status: res.status, data: json.result?.data, ...(json.error ? { error: json.error } : {}) };
    });
  }

  async function signInOwner(): Promise<{ token: string; userId: string }> {
    const deps = createApiDeps({ db, logger: silent, messaging, publicBaseUrl: PUBLIC_BASE_URL, now: () => NOW });
    let token = "";
    const ctx = createContext(deps, {
      requestId: randomUUID(),
      ip: "203.0.113.9",
      userAgent: "concierge-tests",
      cookies: { read: () => undefined, set: (t) => (token = t), clear: () => {} },
    });
    const caller = appRouter.createCaller(ctx);
    await caller.auth.login(OWNER);
    const userId = await platformDb(db, { actorUserId: null, purpose: "test" }).run((tx) =>
      tx.user.findUniqueOrThrow({ where: { email: OWNER.email } }).then((u) => u.id),
    );
    return { token, userId };
  }

  /** The executor's dependencies as the procedure builds them (for the failure-injection hook). */
  const executorDeps = (actorUserId: string): ProvisionDeps => ({
    platform: (purpose) => platformDb(db, { actorUserId, purpose }),
    jobs: messaging.provisioning,
    now: () => NOW,
    publicBaseUrl: PUBLIC_BASE_URL,
    actorUserId,
    requestId: randomUUID(),
    logger: silent,
    onboardingDelivery: deliveryConfigOf(integrations),
  });

  return {
    db,
    messaging,
    call,
    signInOwner,
    executorDeps,
    /** Calls from now on see the server configured with `config`. */
    configure: (config: IntegrationsConfig) => {
      integrations = config;
    },
    counts: () => rowCounts(db),
    close: async () => (await messaging.stop(), await db.drop()),
  };
}

export type ConciergeHarness = Awaited<ReturnType<typeof startConciergeHarness>>;

/** Every table a set-up writes (jobs included), counted on the platform path. */
export async function rowCounts(db: Database) {
  const jobs = async (queue: string) => {
    const [row] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`,
      queue,
    );
    return row!.n;
  };
  const tables = await platformDb(db, { actorUserId: null, purpose: "test.counts" }).run(async (tx) => ({
    tenants: await tx.tenant.count(),
    users: await tx.user.count(),
    memberships: await tx.membership.count(),
    packInstalls: await tx.packInstall.count(),
    services: await tx.service.count(),
    addOns: await tx.addOn.count(),
    faqs: await tx.faq.count(),
    phoneConfigs: await tx.tenantPhoneConfig.count(),
    websiteDrafts: await tx.websiteDraft.count(),
    onboardingTokens: await tx.onboardingToken.count(),
    onboardingNotices: await tx.onboardingNotice.count(),
    provisioningRequests: await tx.provisioningRequest.count(),
    provisionedAudits: await tx.auditLog.count({ where: { action: "tenant.provisioned" } }),
  }));
  return {
    ...tables,
    numberSetupJobs: await jobs(JOB_QUEUES.numberSetup.name),
    onboardingNoticeJobs: await jobs(JOB_QUEUES.onboardingNotice.name),
  };
}
