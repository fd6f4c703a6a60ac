// `portal.auth.*`: a customer signs in to one business's portal by a texted code or a single-use
// link, and signs out of this device or every device. See portal/challenges.ts for the rules.
import {
  portalChallengeOutput,
  portalRedeemLinkInput,
  portalRequestCodeInput,
  portalRequestLinkInput,
  portalSignedInOutput,
  portalSlugInput,
  portalVerifyCodeInput,
} from "@servicepro/validators";
import { z } from "zod";
import { redeemLink, requestCode, requestLink, verifyCode } from "../../portal/challenges.ts";
import { endAllPortalSessions, endPortalSession, requirePortalSession } from "../../portal/sessions.ts";
import { portalTenant } from "../../portal/tenant.ts";
import { createRouter, publicProcedure } from "../../trpc.ts";

export const portalAuthRouter = createRouter({
  requestCode: publicProcedure
    .input(portalRequestCodeInput)
    .output(portalChallengeOutput)
    .mutation(async ({ ctx, input }) =>
      requestCode(ctx, await portalTenant(ctx, input.slug, "portal.auth.requestCode"), input.phone),
    ),

  verifyCode: publicProcedure
    .input(portalVerifyCodeInput)
    .output(portalSignedInOutput)
    .mutation(async ({ ctx, input }) => {
      await verifyCode(ctx, input);
      return { ok: true as const };
    }),

  requestLink: publicProcedure
    .input(portalRequestLinkInput)
    .output(portalChallengeOutput)
    .mutation(async ({ ctx, input }) =>
      requestLink(ctx, await portalTenant(ctx, input.slug, "portal.auth.requestLink"), input.phone, input.channel),
    ),

  redeemLink: publicProcedure
    .input(portalRedeemLinkInput)
    .output(portalSignedInOutput)
    .mutation(async ({ ctx, input }) => {
      await redeemLink(ctx, input);
      return { ok: true as const };
    }),

  signOut: publicProcedure
    .input(portalSlugInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await endPortalSession(ctx, await portalTenant(ctx, input.slug, "portal.auth.signOut"));
      return { ok: true as const };
    }),

  /** Ends the customer's session on every device (a lost phone, a shared computer). */
  signOutEverywhere: publicProcedure
    .input(portalSlugInput)
    .output(z.object({ ok: z.literal(true), sessionsEnded: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const tenant = await portalTenant(ctx, input.slug, "portal.auth.signOutEverywhere");
      const session = await requirePortalSession(ctx, tenant);
      return { ok: true as const, sessionsEnded: await endAllPortalSessions(ctx, session) };
    }),
});
