import { AppError, rateLimited, waitWords } from "@servicepro/errors";
import { loginInputSchema } from "@servicepro/identity";
import { z } from "zod";
import { login, logout } from "../identity/login.ts";
import type { AuthState } from "../identity/sessions.ts";
import { createRouter, publicProcedure } from "../trpc.ts";

export const authContextSchema = z.object({
  /** The real person signed in (the platform owner while impersonating). */
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  role: z.enum(["platform_owner", "tenant_admin", "tenant_staff"]).nullable(),
  /** The tenant the session acts in: the impersonated one while impersonating. */
  tenantId: z.string().nullable(),
  tenantName: z.string().nullable(),
  /** Set while the platform owner is "logged in as" the tenant above (ISO times). */
  impersonationStartedAt: z.string().nullable(),
  impersonationExpiresAt: z.string().nullable(),
  /**
   * The business is cancelled: this sign-in can only export its data (every other tenant procedure
   * answers 403), so the app shows only "Export your data". Not set for the platform owner looking in.
   */
  exportOnly: z.boolean().optional(),
});
export type AuthContext = z.infer<typeof authContextSchema>;

// The session id, plan and impersonation reason stay on the server.
export const publicView = ({ user, role, tenantId, tenantName, impersonation, tenant }: AuthState): AuthContext => ({
  user,
  role,
  tenantId,
  tenantName,
  impersonationStartedAt: impersonation?.startedAt.toISOString() ?? null,
  impersonationExpiresAt: impersonation?.expiresAt.toISOString() ?? null,
  ...(tenant?.status === "cancelled" && !impersonation ? { exportOnly: true } : {}),
});

function loginError(outcome: Exclude<Awaited<ReturnType<typeof login>>, { ok: true }>): AppError {
  switch (outcome.reason) {
    case "throttled":
      return rateLimited(
        `Too many sign-in attempts. Try again ${waitWords(outcome.retryAfterSeconds)}.`,
        outcome.retryAfterSeconds,
      );
    case "no_business":
      return new AppError(
        "FORBIDDEN",
        "Your account is not linked to a business yet. Ask your business's admin to invite you.",
      );
    case "bad_credentials":
      return new AppError("UNAUTHORIZED", "Email or password is incorrect.");
  }
}

export const authRouter = createRouter({
  login: publicProcedure
    .input(loginInputSchema)
    .output(authContextSchema)
    .mutation(async ({ ctx, input }) => {
      const outcome = await login(ctx, input);
      if (!outcome.ok) throw loginError(outcome);
      return publicView(outcome.auth);
    }),

  logout: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await logout(ctx);
    return { ok: true as const };
  }),

  context: publicProcedure.output(authContextSchema).query(async ({ ctx }) => publicView(await ctx.auth())),
});
