// A new business owner's one-time link (`onboarding.*`, public): see whose account it opens, then
// set a password and be signed in, exactly as after a sign-in. The link works once, for 72 hours.
import { platformDb, writeAudit } from "@servicepro/db";
import { newPasswordSchema, normalizeEmail } from "@servicepro/identity";
import { onboardingTokenHash } from "@servicepro/provisioning";
import { z } from "zod";
import { logout } from "../identity/login.ts";
import { hashPassword } from "../identity/passwords.ts";
import { type AuthState, createSession } from "../identity/sessions.ts";
import { createRouter, publicProcedure } from "../trpc.ts";
import { authContextSchema, publicView } from "./auth.ts";
import {
  assertNotThrottled,
  checkLink,
  type LinkCheck,
  linkRefusal,
  rawTokenSchema,
  recordLinkFailure,
} from "./onboarding-tokens.ts";

const inspectSchema = z.object({
  businessName: z.string(),
  ownerName: z.string(),
  ownerEmail: z.string(),
  /** ISO time after which the link no longer works. */
  expiresAt: z.string(),
});

type LockedToken = { used_at: Date | null; expires_at: Date };

export const onboardingRouter = createRouter({
  /** Whose account a link opens, or why it cannot be used (404 unknown, 409 used, 403 expired). */
  inspect: publicProcedure
    .input(z.strictObject({ token: rawTokenSchema }))
    .output(inspectSchema)
    .query(async ({ ctx, input }) => {
      const tokenId = onboardingTokenHash(input.token);
      await assertNotThrottled(ctx, tokenId);
      const link = await checkLink(ctx, tokenId);
      if (link.state !== "valid") {
        await recordLinkFailure(ctx, tokenId);
        throw linkRefusal(link);
      }
      return {
        businessName: link.tenant.name,
        ownerName: link.user.name,
        ownerEmail: link.user.email,
        expiresAt: link.expiresAt.toISOString(),
      };
    }),

  /**
   * Sets the owner's password and uses up the link (and any other open link of theirs) in one
   * transaction that holds the token row, so two submissions cannot both succeed. Then signs them
   * in: a new session replaces whatever session this browser had.
   */
  complete: publicProcedure
    .meta({ sensitive: "credentials" })
    .input(z.strictObject({ token: rawTokenSchema, password: newPasswordSchema }))
    .output(authContextSchema)
    .mutation(async ({ ctx, input }) => {
      const { db, request } = ctx;
      const tokenId = onboardingTokenHash(input.token);
      await assertNotThrottled(ctx, tokenId);
      const access = {
        actorUserId: null as string | null,
        purpose: "onboarding.complete",
        requestId: request.requestId,
        ip: request.ip,
        userAgent: request.userAgent,
      };
      const refuse = async (check: Exclude<LinkCheck, { state: "valid" }>) => {
        await recordLinkFailure(ctx, tokenId);
        await writeAudit(db.prisma, access, {
          action: "onboarding.failed",
          outcome: "failure",
          details: { reason: check.state },
        });
        return linkRefusal(check);
      };

      const link = await checkLink(ctx, tokenId);
      if (link.state !== "valid") throw await refuse(link);
      access.actorUserId = link.user.id;
      // Hashing takes tens of milliseconds: done before the row lock, not while holding it.
      const passwordHash = await hashPassword(input.password);

      const outcome = await db.prisma.$transaction(async (tx) => {
        const [locked] = await tx.$queryRaw<
          LockedToken[]
        >`SELECT used_at, expires_at FROM onboarding_tokens WHERE id = ${tokenId} FOR UPDATE`;
        if (!locked) return { state: "unknown" } as const;
        if (locked.used_at) return { state: "used" } as const;
        const at = ctx.now();
        if (new Date(locked.expires_at).getTime() <= at.getTime())
          return { state: "expired", expiresAt: new Date(locked.expires_at) } as const;
        await tx.user.update({ where: { id: link.user.id }, data: { passwordHash } });
        // Every open link of this person dies with this one: a link must never reset a password they set.
        await tx.onboardingToken.updateMany({ where: { userId: link.user.id, usedAt: null }, data: { usedAt: at } });
        await tx.session.deleteMany({ where: { userId: link.user.id } });
        await writeAudit(tx, access, {
          action: "onboarding.completed",
          targetTenantId: link.tenant.id,
          actorTenantId: link.tenant.id,
          objectType: "user",
          objectId: link.user.id,
        });
        return { state: "done" } as const;
      });
      if (outcome.state === "expired")
        throw await refuse({ state: "expired", expiresAt: outcome.expiresAt, timezone: link.tenant.timezone });
      if (outcome.state !== "done") throw await refuse(outcome);
      // The concierge keeps its answer (with the raw link) for retries; a spent link is forgotten there too.
      await platformDb(db, { ...access, purpose: "onboarding.complete: forget the spent link" }).run(
        (tx) =>
          tx.$executeRaw`UPDATE provisioning_requests SET result = jsonb_set(result, '{onboardingLink}', 'null'::jsonb) WHERE target_tenant_id = ${link.tenant.id}`,
      );

      // Signed in as sign-in does it: whoever this browser was signed in as is signed out first.
      const previous = await ctx.auth();
      if (previous.sessionId) await logout(ctx);
      const session = await createSession(db, {
        userId: link.user.id,
        activeTenantId: link.tenant.id,
        now: ctx.now(),
        ip: request.ip,
        userAgent: request.userAgent,
      });
      request.cookies.set(session.token, session.expiresAt);
      await ctx.loginThrottle.recordSuccess(normalizeEmail(link.user.email), request.ip);
      await writeAudit(db.prisma, access, {
        action: "auth.login_succeeded",
        actorTenantId: link.tenant.id,
        details: { via: "onboarding_link" },
      });
      const auth: AuthState = {
        user: link.user,
        role: link.role,
        tenantId: link.tenant.id,
        tenantName: link.tenant.name,
        tenant: null,
        impersonation: null,
        sessionId: session.sessionId,
      };
      return publicView(auth);
    }),
});
