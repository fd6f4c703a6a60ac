/**
 * tRPC set-up: initialisation, error shape, and one base procedure per access class.
 *
 * Routers never use `t.procedure` directly: they pick the base procedure of their access class
 * (publicProcedure, ownerProcedure, staffProcedure, tenantAdminProcedure). Each one records its
 * class in the procedure's meta, and the procedure inventory test fails on any procedure without
 * one. @see https://trpc.io/docs/server/procedures#reusable-base-procedures
 */
import { platformDb, tenantDb, type PlatformAccess } from "@servicepro/db";
import { decideAccess, type AccessClass } from "@servicepro/identity";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { principalOf, type Context } from "./context.ts";

export type ProcedureMeta = { access: AccessClass };

export type ValidationIssue = { path: (string | number)[]; message: string };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const issues: ValidationIssue[] | undefined =
        error.cause instanceof ZodError
          ? error.cause.issues.map((issue) => ({ path: issue.path.filter((p) => typeof p !== "symbol"), message: issue.message }))
          : undefined;
      // Unexpected errors never leak internals; the request id lets support find the log line.
      const message =
        error.code === "INTERNAL_SERVER_ERROR"
          ? `Something went wrong on our side. Please try again; if it keeps happening, contact support with reference ${ctx?.request.requestId ?? "unknown"}.`
          : issues
            ? issues.map((issue) => issue.message).join(" ")
            : shape.message;
      return { ...shape, message, data: { ...shape.data, stack: undefined, ...(issues ? { issues } : {}) } };
    },
  });

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns "the database is down" into a 503 the caller can act on, instead of an opaque 500. */
const databaseAvailability = t.middleware(async ({ next, ctx }) => {
  const result = await next();
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) {
    ctx.logger.error({ err: result.error.cause }, "database unavailable");
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The database is unavailable right now. Please try again in a moment.", cause: result.error.cause });
  }
  return result;
});

const requireAccess = (access: AccessClass) =>
  t.middleware(async ({ ctx, next }) => {
    const auth = await ctx.auth();
    const decision = decideAccess(access, principalOf(auth));
    if (decision === "unauthenticated") throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
    if (decision === "forbidden") {
      ctx.logger.warn({ userId: auth.user?.id, access }, "access denied");
      throw new TRPCError({ code: "FORBIDDEN", message: forbiddenMessage(access) });
    }
    return next({ ctx: { auth } });
  });

const forbiddenMessage = (access: AccessClass) =>
  access === "owner" ? "Only the ServicePro platform owner can do this." : "Your account does not have access to this business's data.";

const base = (access: AccessClass) => t.procedure.meta({ access }).use(databaseAvailability);

export const publicProcedure = base("public");

/** The platform owner. Cross-tenant reads and writes go through `ctx.platform(purpose)`, which logs and audits. */
export const ownerProcedure = base("owner")
  .use(requireAccess("owner"))
  .use(({ ctx, next, path }) => {
    const access = (purpose: string): PlatformAccess => ({
      actorUserId: ctx.auth.user!.id,
      purpose: purpose || path,
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent,
    });
    return next({ ctx: { platform: (purpose = path) => platformDb(ctx.db, access(purpose), ctx.logger) } });
  });

const tenantScoped = (access: "staff" | "tenant_admin") =>
  base(access)
    .use(requireAccess(access))
    .use(({ ctx, next }) => {
      const tenantId = ctx.auth.tenantId!; // requireAccess only lets tenant classes through with a tenant
      return next({ ctx: { tenantId, tenant: tenantDb(ctx.db, tenantId), logger: ctx.logger.child({ tenantId }) } });
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
    if (typeof code === "string" && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "P1001", "P2024"].includes(code)) return true;
    if (typeof message === "string" && /connection terminated|timeout exceeded when trying to connect|Can't reach database|DatabaseNotReachable|Connection closed/i.test(message)) return true;
    if (name === "DriverAdapterError" && typeof message === "string" && /connect/i.test(message)) return true;
    error = (error as { cause?: unknown }).cause;
  }
  return false;
}
