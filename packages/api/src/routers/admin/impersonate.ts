import { writeAudit } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
// "Login as tenant" (seed phase 6): the platform owner opens one business's dashboard as its admin,
// for support and QA. The session keeps the owner as the actor and gains the tenant as the subject;
// its id is rotated at start and stop; the visit ends by itself after 60 minutes.
import { decideImpersonationStart, impersonationExpiry, impersonationReasonSchema } from "@servicepro/identity";
import { ROOT_TENANT_ID } from "@servicepro/tenancy";
import { storableRefinement } from "@servicepro/validators";
import { z } from "zod";
import { forgetSession } from "../../identity/session-cache.ts";
import { type AuthState, impersonationDetails, rotateSession } from "../../identity/sessions.ts";
import { createRouter, ownerProcedure } from "../../trpc.ts";
import { authContextSchema, publicView } from "../auth.ts";

const startInputSchema = z.strictObject(
  {
    tenantId: z
      .string({ error: "Choose the business to view." })
      .trim()
      .min(1, "Choose the business to view.")
      .max(63, "That is not a business id.")
      .refine(...storableRefinement("the business id")),
    reason: impersonationReasonSchema,
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown field ${issue.keys.map((key) => `"${key}"`).join(", ")}: send only tenantId and reason.`
        : undefined,
  },
);

const sessionGone = () => new AppError("UNAUTHORIZED", "Your session has ended. Please sign in again.");

export const adminImpersonateRouter = createRouter({
  /** Starts viewing a tenant as its admin; answers with the new `auth.context`. */
  start: ownerProcedure
    .meta({ sensitive: "impersonation" })
    .input(startInputSchema)
    .output(authContextSchema)
    .mutation(async ({ ctx, input }) => {
      const { auth } = ctx;
      const startedAt = ctx.now();
      const rotated = await ctx.platform("admin.impersonate.start").run(async (tx) => {
        const tenant = await tx.tenant.findUnique({
          where: { id: input.tenantId },
          select: { id: true, name: true, planTier: true, status: true },
        });
        const decision = decideImpersonationStart({
          actorIsPlatformOwner: auth.role === "platform_owner",
          actorIsImpersonating: auth.impersonation !== null,
          target: tenant,
          rootTenantId: ROOT_TENANT_ID,
        });
        if (decision === "tenant_not_found")
          throw new AppError("NOT_FOUND", `There is no business with the id "${input.tenantId}".`);
        if (decision === "root_tenant") {
          throw new AppError(
            "FORBIDDEN",
            "The root business is the platform's own; open it from its own staff account instead of impersonating it.",
          );
        }
        // ownerProcedure has already refused non-owners and nested impersonation; this keeps the rule whole.
        if (decision !== "allow") throw new AppError("FORBIDDEN", "You cannot start an impersonation now.");
        const session = await rotateSession(
          tx,
          auth.sessionId!,
          { impersonatedTenantId: tenant!.id, impersonationStartedAt: startedAt, impersonationReason: input.reason },
          startedAt,
        );
        if (!session) throw sessionGone();
        // Written directly rather than with the platform path's `audit`: this row already belongs to
        // the visit, so it carries the impersonated tenant like every row after it.
        const actor = {
          actorUserId: auth.user!.id,
          purpose: "admin.impersonate.start",
          requestId: ctx.request.requestId,
          ip: ctx.request.ip,
          userAgent: ctx.request.userAgent,
        };
        await writeAudit(
          tx,
          { ...actor, impersonatedTenantId: tenant!.id },
          {
            action: "impersonation_start",
            targetTenantId: tenant!.id,
            objectType: "tenant",
            objectId: tenant!.id,
            details: impersonationDetails({ startedAt, reason: input.reason }),
          },
        );
        return { session, tenant: tenant! };
      });
      // The old id is gone: forgotten here at once, in other processes when the notification arrives.
      forgetSession(ctx.db, auth.sessionId!);
      ctx.request.cookies.set(rotated.session.token, rotated.session.expiresAt);
      ctx.logger.info({ userId: auth.user!.id, tenantId: rotated.tenant.id }, "impersonation started");
      const next: AuthState = {
        ...auth,
        tenantId: rotated.tenant.id,
        tenantName: rotated.tenant.name,
        tenant: { planTier: rotated.tenant.planTier, status: rotated.tenant.status },
        impersonation: {
          tenantId: rotated.tenant.id,
          tenantName: rotated.tenant.name,
          startedAt,
          expiresAt: impersonationExpiry(startedAt),
          reason: input.reason,
        },
        sessionId: rotated.session.sessionId,
      };
      return publicView(next);
    }),

  /** Stops viewing a tenant and returns to the platform console; a no-op when not impersonating. */
  stop: ownerProcedure
    .meta({ impersonationExit: true })
    .output(authContextSchema)
    .mutation(async ({ ctx }) => {
      const { auth } = ctx;
      const impersonation = auth.impersonation;
      if (!impersonation) return publicView(auth);
      const stoppedAt = ctx.now();
      const session = await ctx.platform("admin.impersonate.stop").run(async (tx, audit) => {
        const rotated = await rotateSession(
          tx,
          auth.sessionId!,
          { impersonatedTenantId: null, impersonationStartedAt: null, impersonationReason: null },
          stoppedAt,
        );
        if (!rotated) throw sessionGone();
        await audit({
          action: "impersonation_stop",
          targetTenantId: impersonation.tenantId,
          objectType: "tenant",
          objectId: impersonation.tenantId,
          details: impersonationDetails(impersonation, {
            endedBy: "owner",
            durationSeconds: Math.round((stoppedAt.getTime() - impersonation.startedAt.getTime()) / 1000),
          }),
        });
        return rotated;
      });
      forgetSession(ctx.db, auth.sessionId!);
      ctx.request.cookies.set(session.token, session.expiresAt);
      ctx.logger.info({ userId: auth.user!.id, tenantId: impersonation.tenantId }, "impersonation stopped");
      return publicView({
        ...auth,
        tenantId: null,
        tenantName: null,
        tenant: null,
        impersonation: null,
        sessionId: session.sessionId,
      });
    }),
});
