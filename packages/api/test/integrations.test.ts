// The Integrations & keys checklist: live, bounded checks of each external service (against local
// stand-ins: there is no internet here) and a business's readiness list, on PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Database, platformDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiMessaging,
  createApiDeps,
  createContext,
  type IntegrationsConfig,
  type Logger,
  NO_INTEGRATIONS,
} from "../src/context.ts";
import { appRouter } from "../src/root.ts";
import { createCallerFactory } from "../src/trpc.ts";
import { assignNumber, createTenant, signedInUser } from "./telephony-fixtures.ts";

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {}, child: () => silent };
const callerFactory = createCallerFactory(appRouter);
const system = { actorUserId: null, purpose: "test.integrations" };

// These procedures send nothing: touching messaging is a bug.
const noMessaging = new Proxy({} as ApiMessaging, {
  get: (_target, property) => {
    throw new Error(`messaging.${String(property)} is not wired in the integrations tests`);
  },
});

function callerFor(db: Database, token: string, integrations: IntegrationsConfig = NO_INTEGRATIONS) {
  const deps = createApiDeps({ db, logger: silent, messaging: noMessaging, integrations });
  return callerFactory(
    createContext(deps, {
      requestId: randomUUID(),
      ip: "127.0.0.1",
      userAgent: "vitest",
      cookies: { read: () => token, set: () => {}, clear: () => {} },
    }),
  );
}

const TWILIO_SID = `AC${"a".repeat(32)}`;
const TWILIO_TOKEN = "integrations-test-auth-token";

/** Twilio's account resource, with basic auth like Twilio; `hang` never answers (a dead proxy). */
async function startFakeTwilioAccount(mode: "ok" | "hang") {
  const expected = `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString("base64")}`;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? "");
    if (mode === "hang") return;
    const ok = req.headers.authorization === expected && req.url === `/2010-04-01/Accounts/${TWILIO_SID}.json`;
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
    res.end(
      JSON.stringify(
        ok
          ? { sid: TWILIO_SID, status: "active", friendly_name: "ServicePro" }
          : { code: 20003, message: "Authenticate", status: 401 },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const byKey = <T extends { key: string }>(items: T[]) => Object.fromEntries(items.map((item) => [item.key, item]));

describe.each(testEngines())("integrations on %s", (engine) => {
  let db: TestDatabase;
  let ownerToken: string;
  let adminToken: string;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await createTenant(db, "alpha", { planTier: "pro", name: "Alpha Lawns" });
    ownerToken = (await signedInUser(db, { owner: true })).token;
    adminToken = (await signedInUser(db, { tenantId: "alpha", role: "tenant_admin" })).token;
  });
  afterAll(() => db?.drop());

  describe("status", () => {
    it("should report the database reachable and every unset service not configured, naming the variable", async () => {
      const { integrations } = await callerFor(db, ownerToken).admin.integrations.status();
      const all = byKey(integrations);
      expect(Object.keys(all)).toEqual(["database", "openai", "twilio", "email", "stripe", "google"]);
      expect(all.database).toMatchObject({ state: "reachable", detail: expect.stringMatching(/answered in \d+ ms/) });
      expect(all.openai).toMatchObject({
        state: "not_configured",
        detail: expect.stringContaining("OPENAI_API_KEY is not set"),
      });
      expect(all.twilio).toMatchObject({
        state: "not_configured",
        detail: expect.stringContaining("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set"),
      });
      expect(all.email).toMatchObject({
        state: "not_configured",
        detail: expect.stringContaining("SENDGRID_API_KEY is not set"),
      });
      expect(all.stripe).toMatchObject({ state: "not_configured", envVars: ["STRIPE_SECRET_KEY"] });
      expect(all.google).toMatchObject({ state: "not_configured", envVars: ["GOOGLE_API_KEY"] });
    });

    it("should fetch the Twilio account with the platform's credentials and call it reachable", async () => {
      const twilio = await startFakeTwilioAccount("ok");
      try {
        const config = {
          ...NO_INTEGRATIONS,
          twilio: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, apiBaseUrl: twilio.baseUrl },
        };
        const { integrations } = await callerFor(db, ownerToken, config).admin.integrations.status();
        expect(byKey(integrations).twilio).toMatchObject({
          state: "reachable",
          detail: expect.stringContaining("answered 200"),
        });
        expect(twilio.requests).toEqual([`/2010-04-01/Accounts/${TWILIO_SID}.json`]);
        // The answer names variables, never their values.
        expect(JSON.stringify(integrations)).not.toContain(TWILIO_TOKEN);
      } finally {
        await twilio.close();
      }
    });

    it("should call Twilio failing when it refuses the token, and say to check the key", async () => {
      const twilio = await startFakeTwilioAccount("ok");
      try {
        const config = {
          ...NO_INTEGRATIONS,
          twilio: { accountSid: TWILIO_SID, authToken: "not-the-right-token", apiBaseUrl: twilio.baseUrl },
        };
        const { integrations } = await callerFor(db, ownerToken, config).admin.integrations.status();
        expect(byKey(integrations).twilio).toMatchObject({
          state: "failing",
          detail: expect.stringContaining("answered 401: the credentials were refused"),
        });
      } finally {
        await twilio.close();
      }
    });

    it("should give up on a service that never answers after 3 s and say so", async () => {
      const twilio = await startFakeTwilioAccount("hang");
      try {
        const config = {
          ...NO_INTEGRATIONS,
          twilio: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, apiBaseUrl: twilio.baseUrl },
        };
        const started = Date.now();
        const { integrations } = await callerFor(db, ownerToken, config).admin.integrations.status();
        expect(Date.now() - started).toBeLessThan(4_500);
        expect(byKey(integrations).twilio).toMatchObject({
          state: "failing",
          detail: expect.stringContaining("timed out after 3 s"),
        });
      } finally {
        await twilio.close();
      }
    });

    it("should report OpenAI failing with the network reason when its API cannot be reached", async () => {
      const config = {
        ...NO_INTEGRATIONS,
        openai: { apiKey: "sk-test-integrations-000000", baseUrl: await closedPort() },
      };
      const { integrations } = await callerFor(db, ownerToken, config).admin.integrations.status();
      expect(byKey(integrations).openai).toMatchObject({
        state: "failing",
        detail: expect.stringContaining("ECONNREFUSED"),
      });
    });

    it("should report keys without a live check as configured", async () => {
      const config = { ...NO_INTEGRATIONS, sendgrid: true, stripe: true, google: true };
      const all = byKey((await callerFor(db, ownerToken, config).admin.integrations.status()).integrations);
      expect([all.email?.state, all.stripe?.state, all.google?.state]).toEqual([
        "configured",
        "configured",
        "configured",
      ]);
    });

    it("should report a database that does not answer as failing within the time limit", async () => {
      // Only the health ping hangs: signing in still works, as with a database that is overloaded.
      const hanging: Database = { ...db, ping: () => new Promise<void>(() => {}) };
      const { integrations } = await callerFor(hanging, ownerToken).admin.integrations.status();
      expect(byKey(integrations).database).toMatchObject({
        state: "failing",
        detail: expect.stringContaining("timed out after 3 s"),
      });
    });

    it("should be refused to a business's admin", async () => {
      await expect(callerFor(db, adminToken).admin.integrations.status()).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  describe("tenantReadiness", () => {
    it("should list what a bare business lacks, each with the console page that fixes it", async () => {
      await createTenant(db, "bare", { name: "Bare Business" });
      const readiness = await callerFor(db, ownerToken).admin.integrations.tenantReadiness({ tenantId: "bare" });
      const items = byKey(readiness.items);
      expect(readiness.tenant).toEqual({ id: "bare", name: "Bare Business" });
      expect(Object.keys(items)).toEqual(["numbers", "website", "pack", "branding", "plan"]);
      expect(items.numbers).toMatchObject({ state: "not_set_up", fix: { href: "/admin/phone-numbers?tenant=bare" } });
      expect(items.website).toMatchObject({ state: "not_set_up", fix: { href: "/admin/new-business" } });
      expect(items.pack).toMatchObject({ state: "not_set_up", fix: { href: "/admin/new-business" } });
      expect(items.branding).toMatchObject({
        state: "not_set_up",
        detail: expect.stringContaining("not built yet"),
        fix: null,
      });
      expect(items.plan).toMatchObject({
        state: "ready",
        detail: "Starter · Active",
        fix: { href: "/admin/?plan=bare" },
      });
      expect(readiness.ready).toBe(1);
    });

    it("should see a routed number, a website draft and the installed pack", async () => {
      await createTenant(db, "set-up", { name: "Set Up Lawns", planTier: "elite" });
      await assignNumber(db, "set-up", "+15555550161");
      await platformDb(db, system).run(async (tx) => {
        await tx.websiteDraft.create({
          data: {
            tenantId: "set-up",
            packId: "lawn-care",
            content: { headline: "Lawns done right" },
            publishedAt: new Date(),
          },
        });
        await tx.packInstall.create({
          data: { tenantId: "set-up", packId: "lawn-care", version: "1.0.0", snapshot: {} },
        });
      });
      const twilio = { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, apiBaseUrl: null };
      const withTwilio = byKey(
        (
          await callerFor(db, ownerToken, { ...NO_INTEGRATIONS, twilio }).admin.integrations.tenantReadiness({
            tenantId: "set-up",
          })
        ).items,
      );
      expect(withTwilio.numbers).toMatchObject({ state: "ready", detail: expect.stringContaining("+15555550161") });
      expect(withTwilio.website).toMatchObject({ state: "ready", detail: expect.stringContaining("lawn-care") });
      expect(withTwilio.pack).toMatchObject({ state: "ready", detail: "lawn-care 1.0.0 installed." });
      // Routed in the directory, but nothing reaches it without Twilio: worth the owner's attention.
      const withoutTwilio = byKey(
        (await callerFor(db, ownerToken).admin.integrations.tenantReadiness({ tenantId: "set-up" })).items,
      );
      expect(withoutTwilio.numbers).toMatchObject({
        state: "attention",
        detail: expect.stringContaining("Twilio is not configured"),
      });
    });

    it("should not call a website draft that no page shows ready", async () => {
      await createTenant(db, "drafted", { name: "Drafted Lawns" });
      await platformDb(db, system).run((tx) =>
        tx.websiteDraft.create({
          data: { tenantId: "drafted", packId: "lawn-care", content: { headline: "Lawns done right" } },
        }),
      );
      const items = byKey(
        (await callerFor(db, ownerToken).admin.integrations.tenantReadiness({ tenantId: "drafted" })).items,
      );
      expect(items.website).toMatchObject({ state: "attention", detail: expect.stringContaining("not published") });
    });

    it("should flag a suspended business's plan", async () => {
      await createTenant(db, "paused", { name: "Paused Co" });
      await platformDb(db, system).run((tx) =>
        tx.tenant.update({ where: { id: "paused" }, data: { status: "suspended" } }),
      );
      const items = byKey(
        (await callerFor(db, ownerToken).admin.integrations.tenantReadiness({ tenantId: "paused" })).items,
      );
      expect(items.plan).toMatchObject({ state: "attention", detail: expect.stringContaining("Starter · Suspended") });
    });

    it("should answer not found for an unknown business and 400 for a malformed id", async () => {
      const owner = callerFor(db, ownerToken);
      await expect(owner.admin.integrations.tenantReadiness({ tenantId: "nobody-here" })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringContaining("nobody-here"),
      });
      await expect(owner.admin.integrations.tenantReadiness({ tenantId: "Not An Id!" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    });

    it("should be refused to a business's admin, even for their own business", async () => {
      await expect(
        callerFor(db, adminToken).admin.integrations.tenantReadiness({ tenantId: "alpha" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
});
