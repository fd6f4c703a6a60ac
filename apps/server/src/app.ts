// The Hono application: pure wiring, no listening (tests call app.request()).
//
// Request path: /twilio/* first (signature-authenticated, no other middleware); everything else:
// request id → logger → security headers → route:
//   /healthz                     liveness + database check
//   /trpc/*                      CSRF guard → body limit → tRPC (packages/api)
//   /media/recordings/:callId    voicemail playback for the call's business (recordings.ts)
//   /media/messages/:id/:index   a text's photo or attachment for the message's business (message-media.ts)
//   /r/:tenant/:token            a review request's short link: counts the click, 302 to the review page
//   /admin/* /app/* /portal/*    the React apps' production builds
//   /twilio/*                    Twilio webhooks (twilio/routes.ts): outside the CSRF guard and
//                                cookie handling, authenticated by Twilio's signature instead
import { tmpdir } from "node:os";
import path from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { trpcServer } from "@hono/trpc-server";
import {
  appRouter,
  createApiDeps,
  createContext,
  defaultFilesDir,
  type IntegrationsConfig,
  rateLimitResponseMeta,
} from "@servicepro/api";
import type { Database } from "@servicepro/db";
import { DEFAULT_MAX_UPLOAD_BYTES } from "@servicepro/imports";
import type { Messaging } from "@servicepro/messaging";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { trpcCsrfGuard } from "./csrf.ts";
import { exportRoutes } from "./exports.ts";
import { notFoundPage, wantsHtmlPage } from "./html-pages.ts";
import { importRoutes } from "./imports.ts";
import type { AppLogger } from "./logger.ts";
import { messageMediaRoutes } from "./message-media.ts";
import { recordingRoutes } from "./recordings.ts";
import { reviewLinkRoutes } from "./review-links.ts";
import { createCookieJar, sessionCookieName } from "./session-cookie.ts";
import { mountApps } from "./static-apps.ts";
import { twilioRoutes } from "./twilio/routes.ts";

export type AppConfig = {
  publicBaseUrl: string;
  trustProxy: boolean;
  appsDir: string;
  /** Twilio's auth token (webhook signatures); null when Twilio is not configured. */
  twilioAuthToken: string | null;
  /** Twilio's account SID: with the auth token, lets /media/recordings and /media/messages fetch from Twilio. */
  twilioAccountSid?: string | null;
  /** Subaccounts whose webhooks are accepted besides twilioAccountSid's (TWILIO_SUBACCOUNT_SIDS). */
  twilioSubaccountSids?: readonly string[];
  /** Twilio's REST API origin (TWILIO_API_BASE_URL); media is fetched there. Default https://api.twilio.com. */
  twilioApiBaseUrl?: string | null;
  /** Keys and endpoints the Integrations & keys page checks (integrationsFromEnv); unset: none configured. */
  integrations?: IntegrationsConfig;
  /** FILES_DIR: uploaded imports and built exports. Unset (tests that need no files): a folder under the OS temp dir. */
  filesDir?: string;
  /** IMPORT_MAX_BYTES: the largest import upload; default 200 MB (DEFAULT_MAX_UPLOAD_BYTES). */
  importMaxBytes?: number;
};

export type AppDeps = { db: Database; logger: AppLogger; config: AppConfig; messaging: Messaging; now?: () => Date };

export type HonoEnv = { Variables: { logger: AppLogger; requestId: string } };

export function createApp({ db, logger, config, messaging, now }: AppDeps) {
  const app = new Hono<HonoEnv>();
  const filesDir = config.filesDir ?? defaultFilesDir();
  const apiDeps = createApiDeps({
    db,
    logger,
    messaging,
    publicBaseUrl: config.publicBaseUrl,
    filesDir,
    ...(now ? { now } : {}),
    ...(config.integrations ? { integrations: config.integrations } : {}),
  });
  const secure = config.publicBaseUrl.startsWith("https://");
  const cookieName = sessionCookieName(secure);

  // First, so none of the middleware below runs for Twilio's webhooks (see twilio/routes.ts).
  app.route(
    "/twilio",
    twilioRoutes({
      authToken: config.twilioAuthToken,
      publicBaseUrl: config.publicBaseUrl,
      intake: messaging.intake,
      twilioIntake: messaging.twilioIntake,
      accountSids: config.twilioAccountSid ? [config.twilioAccountSid, ...(config.twilioSubaccountSids ?? [])] : [],
      logger,
    }),
  );

  app.use(requestId({ limitLength: 64 }));
  app.use(async (c, next) => {
    const started = performance.now();
    const log = logger.child({ requestId: c.var.requestId });
    c.set("logger", log);
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
  });
  app.use(
    secureHeaders({
      // A route that sets its own (stricter) header keeps it: /media/messages sandboxes what customers sent.
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: secure ? "max-age=31536000; includeSubDomains" : false,
      referrerPolicy: "strict-origin-when-cross-origin",
    }),
  );

  app.get("/healthz", async (c) => {
    try {
      await withTimeout(db.ping(), 2_000);
      return c.json({ status: "ok", db: "ok" });
    } catch (error) {
      c.var.logger.error({ err: error }, "health check: database unreachable");
      return c.json({ status: "degraded", db: "unreachable" }, 503);
    }
  });

  app.route(
    "/media/recordings",
    recordingRoutes({
      db,
      logger,
      cookieName,
      secure,
      ...(now ? { now } : {}),
      credentials:
        config.twilioAccountSid && config.twilioAuthToken
          ? { accountSid: config.twilioAccountSid, authToken: config.twilioAuthToken }
          : null,
    }),
  );

  app.route(
    "/media/messages",
    messageMediaRoutes({
      db,
      logger,
      cookieName,
      secure,
      ...(now ? { now } : {}),
      apiBaseUrl: config.twilioApiBaseUrl ?? null,
      credentials:
        config.twilioAccountSid && config.twilioAuthToken
          ? { accountSid: config.twilioAccountSid, authToken: config.twilioAuthToken }
          : null,
    }),
  );

  app.route("/r", reviewLinkRoutes({ db, ...(now ? { now } : {}) }));
  // Import uploads: a PUT with the session cookie (a method a cross-site form cannot send; the same origin checks as /trpc).
  app.use("/imports/*", trpcCsrfGuard({ publicBaseUrl: config.publicBaseUrl }));
  app.route(
    "/imports",
    importRoutes({
      db,
      filesDir,
      maxBytes: config.importMaxBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
      cookieName,
      secure,
      ...(now ? { now } : {}),
    }),
  );

  app.route(
    "/exports",
    exportRoutes({
      db,
      filesDir: config.filesDir ?? path.join(tmpdir(), "servicepro-files"),
      ...(now ? { now } : {}),
      clientIp: (c) => clientIp(c, config.trustProxy),
    }),
  );

  app.use("/trpc/*", trpcCsrfGuard({ publicBaseUrl: config.publicBaseUrl }));
  app.use(
    "/trpc/*",
    bodyLimit({
      maxSize: 256 * 1024,
      onError: (c) => c.json({ error: "Request body too large (limit 256 KB)." }, 413),
    }),
  );
  app.use(
    "/trpc/*",
    trpcServer({
      endpoint: "/trpc",
      router: appRouter,
      createContext: (opts, c) =>
        createContext(apiDeps, {
          requestId: c.get("requestId"),
          ip: clientIp(c, config.trustProxy),
          userAgent: c.req.header("user-agent"),
          cookies: createCookieJar({ request: c.req.raw, responseHeaders: opts.resHeaders, name: cookieName, secure }),
          namedCookies: (name) =>
            createCookieJar({
              request: c.req.raw,
              responseHeaders: opts.resHeaders,
              name: secure ? `__Host-${name}` : name,
              secure,
            }),
        }),
      // A rate-limit refusal (429, from any router) tells the client when to come back.
      responseMeta: ({ errors }) => rateLimitResponseMeta(errors),
      onError: ({ error, path, ctx }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          (ctx?.logger ?? logger).error({ err: error.cause ?? error, path }, "procedure failed");
      },
    }),
  );

  mountApps(app, config.appsDir);

  // A browser gets a page it can leave by a link; API clients and webhooks keep the JSON answer.
  app.notFound((c) =>
    wantsHtmlPage(c.req.path, c.req.header("accept"))
      ? c.html(notFoundPage(c.req.path), 404)
      : c.json({ error: `Nothing here: ${c.req.method} ${c.req.path}` }, 404),
  );
  app.onError((error, c) => {
    c.var.logger?.error({ err: error }, "unhandled error");
    return c.json({ error: "Something went wrong on our side.", requestId: c.var.requestId }, 500);
  });
  return app;
}

function clientIp(c: Parameters<typeof getConnInfo>[0], trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
