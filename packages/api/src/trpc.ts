/**
 * tRPC set-up: initialisation, error shape, and one base procedure per access class.
 *
 * Routers never use `t.procedure` directly: they pick the base procedure of their access class
 * (publicProcedure, ownerProcedure, staffProcedure, tenantAdminProcedure). Each one records its
 * class in the procedure's meta, and the procedure inventory test fails on any procedure without
 * one. @see https://trpc.io/docs/server/procedures#reusable-base-procedures
 */
import {
  type Audit,
  type PlatformAccess,
  type PlatformReader,
  type Prisma,
  platformDb,
  platformReadDb,
  tenantDb,
  writeAudit,
} from "@servicepro/db";
import { AppError, type AppErrorCode, type FieldIssue, retryAfterOf } from "@servicepro/errors";
import {
  CANCELLED_REFUSAL_MESSAGE,
  cancelledRefusal,
  type FeatureKey,
  featureRefusal,
  featureRefusalMessage,
  mutationRefusal,
  mutationRefusalMessage,
} from "@servicepro/features";
import { type AccessClass, decideAccess, type SensitiveAction, sensitiveActionRefusal } from "@servicepro/identity";
import type { PlanTier } from "@servicepro/tenancy";
import { findUnstorableText } from "@servicepro/validators";
import { initTRPC, type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { type Context, principalOf } from "./context.ts";
import type { AuditActor } from "./identity/audit.ts";
import type { AuthState } from "./identity/sessions.ts";

export type ProcedureMeta = {
  /** Set by the base procedure of the access class (optional here only so `.meta({ feature })` can add to it). */
  access?: AccessClass;
  /** Plan gating: the feature the signed-in tenant's plan must include (tenant-scoped procedures). */
  feature?: FeatureKey;
  /**
   * Plan gating of an owner procedure that acts on a business (the "target"): the features a call
   * may ask of that business's plan. The procedure names the target and what the call asks for
   * with `gateTargetPlan(...)` after its input; see docs/tenancy.md ("Plans and features").
   */
  targetFeatures?: readonly FeatureKey[];
  /** Refused while the platform owner is impersonating a tenant, whatever the access class. */
  sensitive?: SensitiveAction;
  /** The one owner procedure an impersonating owner may call: ending the impersonation. */
  impersonationExit?: boolean;
};

/**
 * A refusal's machine-readable reason. Thrown as an AppError's `reason`, it is sent to the client as
 * `error.data.cause` (see errorFormatter), so apps can react to it (e.g. show what plan unlocks a
 * feature) without parsing the message.
 */
export type RefusalDetail =
  | { code: "PLAN_FEATURE_REQUIRED"; feature: FeatureKey; requiredTier: PlanTier }
  | { code: "TENANT_INACTIVE"; status: string }
  | { code: "IMPERSONATION_ACTIVE"; tenantId: string; action?: SensitiveAction }
  /** Concierge set-up stopped at `step` and rolled back; the message says what to do. Sent with a 500. */
  | { code: "PROVISIONING_FAILED"; step: string };

/** A refusal: 403, a message for the user, the machine-readable reason, and the field it concerns, if any. */
const refuse = (message: string, detail: RefusalDetail, issues?: FieldIssue[]) =>
  new AppError<RefusalDetail>("FORBIDDEN", message, { reason: detail, issues });

/** A field error as the client sees it in `error.data.issues`. */
export type ValidationIssue = FieldIssue;

/** The one place an AppError becomes HTTP: its tRPC code (which sets the status). */
const TRPC_CODE: Readonly<Record<AppErrorCode, TRPC_ERROR_CODE_KEY>> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UPSTREAM_FAILED: "BAD_GATEWAY",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** The AppError behind a tRPC error: thrown directly, or wrapped by tRPC as an unexpected error's cause. */
const appErrorOf = (error: TRPCError): AppError | null => (error.cause instanceof AppError ? error.cause : null);

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Live inbox/calls streams (SSE): a ping every 15 s keeps proxies from closing an idle stream,
    // and the client reconnects when it hears nothing for 30 s.
    sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
    errorFormatter({ shape, error, ctx }) {
      const appError = appErrorOf(error);
      const issues: ValidationIssue[] | undefined =
        error.cause instanceof ZodError
          ? error.cause.issues.map((issue) => ({
              path: issue.path.filter((p) => typeof p !== "symbol"),
              message: issue.message,
            }))
          : appError?.issues;
      // Unexpected errors never leak internals; the request id lets support find the log line.
      // An AppError's message is written for the user, so it is shown as is, even on a 500.
      const message =
        error.code === "INTERNAL_SERVER_ERROR" && !appError
          ? `Something went wrong on our side. Please try again; if it keeps happening, contact support with reference ${ctx?.request.requestId ?? "unknown"}.`
          : issues && !appError?.reason
            ? issues.map((issue) => issue.message).join(" ")
            : shape.message;
      const cause = appError?.reason;
      return {
        ...shape,
        message,
        data: { ...shape.data, stack: undefined, ...(issues ? { issues } : {}), ...(cause ? { cause } : {}) },
      };
    },
  });

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Maps an AppError thrown anywhere below (middleware, procedure, service code) to its HTTP code, once.
 * tRPC wraps anything that is not a TRPCError as a 500 with the error as its cause; this unwraps it.
 */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const appError = result.ok ? null : appErrorOf(result.error);
  if (appError) {
    // A rate-limit refusal is a 429 whatever code it was built with, so Retry-After always comes with one.
    const code = retryAfterOf(appError) === null ? TRPC_CODE[appError.code] : "TOO_MANY_REQUESTS";
    throw new TRPCError({ code, message: appError.message, cause: appError });
  }
  return result;
});

/**
 * The HTTP response meta an answer's errors call for, for the fetch adapter's `responseMeta`
 * (apps/server): a `Retry-After` header, in seconds, when any error is a rate-limit refusal (an
 * AppError whose reason is RATE_LIMITED, from any router), the longest wait when a batch holds several.
 */
export function rateLimitResponseMeta(errors: readonly TRPCError[]): { headers?: Record<string, string> } {
  const waits = errors.map((error) => retryAfterOf(appErrorOf(error))).filter((wait) => wait !== null);
  return waits.length > 0 ? { headers: { "Retry-After": String(Math.max(...waits)) } } : {};
}

/** Turns "the database is down" into a 503 the caller can act on, instead of an opaque 500. */
const databaseAvailability = t.middleware(async ({ next, ctx }) => {
  const result = await next();
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) {
    ctx.logger.error({ err: result.error.cause }, "database unavailable");
    throw new AppError("UNAVAILABLE", "The database is unavailable right now. Please try again in a moment.", {
      cause: result.error.cause,
    });
  }
  return result;
});

const requireAccess = (access: AccessClass) =>
  t.middleware(async ({ ctx, next, meta, path }) => {
    const auth = await ctx.auth();
    const principal = principalOf(auth);
    const decision = decideAccess(access, principal, meta);
    if (decision === "unauthenticated") throw new AppError("UNAUTHORIZED", "Please sign in.");
    if (decision === "forbidden") {
      ctx.logger.warn({ userId: auth.user?.id, access, path }, "access denied");
      if (access === "owner") await auditDenial(ctx, auth, path);
      if (auth.impersonation && access === "owner") {
        throw refuse(
          `You're viewing as ${auth.impersonation.tenantName}. Exit impersonation to use the platform console.`,
          {
            code: "IMPERSONATION_ACTIVE",
            tenantId: auth.impersonation.tenantId,
          },
        );
      }
      throw new AppError("FORBIDDEN", forbiddenMessage(access));
    }
    return next({ ctx: { auth } });
  });

const forbiddenMessage = (access: AccessClass) =>
  access === "owner"
    ? "Only the ServicePro platform owner can do this."
    : "Your account does not have access to this business's data.";

/** Who is acting in this request, for audit rows: the real user, and the impersonated tenant if any. */
const auditActor = (ctx: Pick<Context, "request">, auth: AuthState, purpose: string): AuditActor => ({
  actorUserId: auth.user?.id ?? null,
  purpose,
  requestId: ctx.request.requestId,
  ip: ctx.request.ip,
  userAgent: ctx.request.userAgent,
  impersonatedTenantId: auth.impersonation?.tenantId ?? null,
});

/**
 * A signed-in user knocking on the platform console is worth a record (reliability-security Z2).
 * The refusal stands even if the record cannot be written.
 */
async function auditDenial(
  ctx: Pick<Context, "request" | "db" | "logger">,
  auth: AuthState,
  path: string,
): Promise<void> {
  if (!auth.user) return;
  try {
    await writeAudit(ctx.db.prisma, auditActor(ctx, auth, path), {
      action: "authz_denied",
      outcome: "failure",
      actorTenantId: auth.impersonation ? null : auth.tenantId,
      details: { procedure: path },
    });
  } catch (error) {
    ctx.logger.error({ err: error, path }, "could not record an access denial");
  }
}

/**
 * The deny list while impersonating: a procedure whose meta names a sensitive action is refused to
 * an impersonating owner, whatever its access class (public ones included). It reads the session
 * only for such procedures, so every other public procedure stays free of database work.
 */
const impersonationDenyList = t.middleware(async ({ ctx, meta, next, path }) => {
  if (meta?.sensitive) {
    const auth = await ctx.auth();
    const { impersonation } = auth;
    if (impersonation) {
      await auditDenial(ctx, auth, path);
      throw refuse(sensitiveActionRefusal(meta.sensitive, impersonation.tenantName), {
        code: "IMPERSONATION_ACTIVE",
        tenantId: impersonation.tenantId,
        action: meta.sensitive,
      });
    }
  }
  return next();
});

/**
 * One rule for every string that enters through the API: PostgreSQL cannot store NUL (text) or a
 * lone UTF-16 surrogate (jsonb), and letting either reach it answers 500. The raw input is checked
 * here, for every procedure, so a schema that forgets `textSchema` cannot let one through; the
 * answer is a 400 naming the field, shaped like a schema error (`data.issues`) so forms show it
 * next to the field. It runs after the access checks, where the schemas run, so callers without
 * access still hear 401/403 first.
 */
async function refuseUnstorableInput(getRawInput: () => Promise<unknown>): Promise<void> {
  // An unreadable body (a POST with none, to a procedure that takes no input) is not ours to judge:
  // a procedure with an input answers it with its own 400 when its parser reads it.
  const raw = await getRawInput().catch(() => undefined);
  const path = findUnstorableText(raw);
  if (!path) return;
  const field = path.length > 0 ? `The field “${path.join(".")}”` : "The input";
  const message = `${field} contains a character that cannot be stored (a NUL or a broken emoji). Retype it and try again.`;
  throw new AppError("BAD_REQUEST", message, { issues: [{ path, message }] });
}

const base = (access: AccessClass) =>
  t.procedure.meta({ access }).use(appErrors).use(databaseAvailability).use(impersonationDenyList);

export const publicProcedure = base("public").use(async ({ getRawInput, next }) => {
  await refuseUnstorableInput(getRawInput);
  return next();
});

/**
 * The platform owner. Cross-tenant reads and writes go through `ctx.platform(purpose)`, which logs
 * and audits; reads that change nothing through `ctx.platformRead(purpose)`, logged the same way,
 * one statement per read on the read-only platform pool (platformReadDb).
 */
export const ownerProcedure = base("owner")
  .use(requireAccess("owner"))
  .use(async ({ getRawInput, next }) => {
    await refuseUnstorableInput(getRawInput);
    return next();
  })
  .use(({ ctx, next, path }) => {
    const accessFor = (purpose: string) => {
      const actor = auditActor(ctx, ctx.auth, purpose || path);
      const access: PlatformAccess = {
        actorUserId: actor.actorUserId,
        purpose: actor.purpose,
        requestId: actor.requestId,
        ip: actor.ip,
        userAgent: actor.userAgent,
      };
      return { actor, access };
    };
    const platform = (purpose: string = path) => {
      const { actor, access } = accessFor(purpose);
      const db = platformDb(ctx.db, access, ctx.logger);
      // Audit rows go through writeAudit so they carry the impersonated tenant when there is one.
      return {
        run: <T>(fn: (tx: Prisma.TransactionClient, audit: Audit) => Promise<T>): Promise<T> =>
          db.run((tx) => fn(tx, (event) => writeAudit(tx, actor, event))),
      };
    };
    const platformRead = (purpose: string = path) => {
      const db = platformReadDb(ctx.db, accessFor(purpose).access, ctx.logger);
      return { run: <T>(fn: (reader: PlatformReader) => Promise<T>): Promise<T> => db.run(fn) };
    };
    return next({ ctx: { platform, platformRead } });
  });

/**
 * Refuses a procedure the tenant's plan does not include (FORBIDDEN, cause PLAN_FEATURE_REQUIRED).
 * `field`: the input field that asked for the feature, sent as `data.issues` so a form can show the
 * refusal next to it.
 */
export function assertFeature(
  tenant: { planTier: string },
  feature: FeatureKey,
  field?: string,
  message: string = featureRefusalMessage(feature),
): void {
  const refusal = featureRefusal(tenant, feature);
  if (refusal) throw refuse(message, refusal, field ? [{ path: [field], message }] : undefined);
}

/** What an owner call asks of the business it acts on: that business's plan and the features it asks for. */
export type TargetPlanRequest = {
  /** The business's plan (read from the database, or the plan a set-up gives the new business). */
  plan: { planTier: string };
  /**
   * Each feature the call asks for, with the input field that asks for it and, optionally, a
   * message in the words of that form (default: featureRefusalMessage).
   */
  asks: { feature: FeatureKey; field: string; message?: string }[];
};

type OwnerGateContext = {
  platform: (purpose?: string) => {
    run: <T>(fn: (tx: Prisma.TransactionClient, audit: Audit) => Promise<T>) => Promise<T>;
  };
};

/**
 * The plan gate of an owner procedure acting on a business: `.meta({ targetFeatures: [...] })`
 * declares what it may ask for, and `.use(gateTargetPlan(resolve))` after `.input(...)` says, from
 * the parsed input, which business and which features a call asks for (null: none, e.g. the
 * business does not exist, which the handler then answers). A feature not declared in the meta is
 * a programming error, so the access-matrix test (which reads the meta) cannot miss a gate.
 */
export function gateTargetPlan<Input>(
  resolve: (input: Input, ctx: OwnerGateContext) => Promise<TargetPlanRequest | null> | TargetPlanRequest | null,
) {
  return async <Result>(opts: {
    ctx: OwnerGateContext;
    input: unknown;
    meta: ProcedureMeta | undefined;
    path: string;
    next: () => Promise<Result>;
  }): Promise<Result> => {
    const request = await resolve(opts.input as Input, opts.ctx);
    for (const { feature, field, message } of request?.asks ?? []) {
      if (!opts.meta?.targetFeatures?.includes(feature))
        throw new Error(`${opts.path} asks for ${feature} without declaring it in meta.targetFeatures`);
      assertFeature(request!.plan, feature, field, message);
    }
    return opts.next();
  };
}

const tenantScoped = (access: "staff" | "tenant_admin") =>
  base(access)
    .use(requireAccess(access))
    .use(async ({ ctx, next, meta, path, type }) => {
      const { auth } = ctx;
      // requireAccess only lets tenant classes through with a tenant, and a tenant comes with its plan.
      const tenantId = auth.tenantId!;
      const plan = auth.tenant!;
      // Plan gating and status rules, in one place. The plan was read with the session in this
      // request, so a change takes effect on the next request. A cancelled account's staff may
      // only export (reads included); the platform owner looking in for support is not held to it.
      const cancelled = auth.impersonation ? null : cancelledRefusal(plan.status, path);
      if (cancelled) throw refuse(CANCELLED_REFUSAL_MESSAGE, cancelled);
      if (meta?.feature) assertFeature(plan, meta.feature);
      const inactive = type === "mutation" ? mutationRefusal(plan.status, path) : null;
      if (inactive) throw refuse(mutationRefusalMessage(plan.status), inactive);

      const impersonatedTenantId = auth.impersonation?.tenantId ?? null;
      const actor = auditActor(ctx, auth, path);
      /** Appends an audit row for this tenant, stamped with the real actor (and the impersonation, if any). */
      const audit: Audit = (event) =>
        writeAudit(ctx.db.prisma, actor, {
          targetTenantId: tenantId,
          actorTenantId: impersonatedTenantId ? null : tenantId,
          ...event,
        });
      const logger = ctx.logger.child({
        tenantId,
        ...(impersonatedTenantId ? { impersonatorUserId: auth.user!.id } : {}),
      });
      const result = await next({ ctx: { tenantId, tenant: tenantDb(ctx.db, tenantId), plan, audit, logger } });
      // Every change the owner makes while "logged in as" the tenant is on the record, as theirs.
      if (impersonatedTenantId && type === "mutation") {
        await audit({
          action: "impersonation_action",
          outcome: result.ok ? "success" : "failure",
          details: { procedure: path },
        }).catch((error: unknown) =>
          logger.error({ err: error, path }, "could not record an action taken while impersonating"),
        );
      }
      return result;
    })
    .use(async ({ getRawInput, next }) => {
      await refuseUnstorableInput(getRawInput);
      return next();
    });

/** A member of the signed-in tenant; `ctx.tenant` is a client that can only touch that tenant's rows. */
export const staffProcedure = tenantScoped("staff");

/** An admin of the signed-in tenant. */
export const tenantAdminProcedure = tenantScoped("tenant_admin");

function isDatabaseUnavailable(cause: unknown): boolean {
  const seen = new Set<unknown>();
  let error = cause;
  while (error && typeof error === "object" && !seen.has(error)) {
    seen.add(error);
    const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
    if (
      typeof code === "string" &&
      ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "P1001", "P2024"].includes(code)
    )
      return true;
    if (
      typeof message === "string" &&
      /connection terminated|timeout exceeded when trying to connect|Can't reach database|DatabaseNotReachable|Connection closed/i.test(
        message,
      )
    )
      return true;
    if (name === "DriverAdapterError" && typeof message === "string" && /connect/i.test(message)) return true;
    error = (error as { cause?: unknown }).cause;
  }
  return false;
}
