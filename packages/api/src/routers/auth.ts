import { loginInputSchema } from "@servicepro/identity";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { login, logout } from "../identity/login.ts";
import type { AuthState } from "../identity/sessions.ts";
import { createRouter, publicProcedure } from "../trpc.ts";

export const authContextSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  role: z.enum(["platform_owner", "tenant_admin", "tenant_staff"]).nullable(),
  tenantId: z.string().nullable(),
  tenantName: z.string().nullable(),
});
export type AuthContext = z.infer<typeof authContextSchema>;

// The session id stays on the server.
const publicView = ({ user, role, tenantId, tenantName }: AuthState): AuthContext => ({ user, role, tenantId, tenantName });

export const authRouter = createRouter({
  login: publicProcedure
    .input(loginInputSchema)
    .output(authContextSchema)
    .mutation(async ({ ctx, input }) => {
      const outcome = await login(ctx, input);
      if (!outcome.ok) {
        throw new TRPCError(
          outcome.reason === "no_business"
            ? { code: "FORBIDDEN", message: "Your account is not linked to a business yet. Ask your business's admin to invite you." }
            : { code: "UNAUTHORIZED", message: "Email or password is incorrect." },
        );
      }
      return publicView(outcome.auth);
    }),

  logout: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await logout(ctx);
    return { ok: true as const };
  }),

  context: publicProcedure.output(authContextSchema).query(async ({ ctx }) => publicView(await ctx.auth())),
});
