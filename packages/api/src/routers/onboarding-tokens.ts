// Reading an onboarding link: the raw token is only in the link (SMS and email); the database holds
// its SHA-256, like session tokens. A link is good for one use, until it expires (72 hours after
// set-up), for a person who is still a member of the business it was made for.
import { userDb } from "@servicepro/db";
import { AppError, rateLimited, waitWords } from "@servicepro/errors";
import { z } from "zod";
import type { Context } from "../context.ts";

export const INVALID_LINK = "This link is not valid.";
export const USED_LINK = "This link was already used. Sign in with your email and password.";

/** Any token our links carry (base64url or hex); anything else cannot be a link of ours. */
export const rawTokenSchema = z
  .string({ error: INVALID_LINK })
  .trim()
  // One check, so a bad token gets one sentence, not one per rule it breaks.
  .regex(/^[A-Za-z0-9_-]{16,256}$/, INVALID_LINK);

export type ValidLink = {
  state: "valid";
  tokenId: string;
  expiresAt: Date;
  user: { id: string; name: string; email: string };
  tenant: { id: string; name: string; timezone: string };
  role: "tenant_admin" | "tenant_staff";
};

export type LinkCheck =
  | ValidLink
  | { state: "unknown" }
  | { state: "used" }
  | { state: "expired"; expiresAt: Date; timezone: string };

/** What a token is worth right now. Reads only; `complete` re-checks under a row lock. */
export async function checkLink(ctx: Pick<Context, "db" | "now">, tokenId: string): Promise<LinkCheck> {
  const token = await ctx.db.prisma.onboardingToken.findUnique({
    where: { id: tokenId },
    select: {
      expiresAt: true,
      usedAt: true,
      tenantId: true,
      user: { select: { id: true, name: true, email: true, disabledAt: true } },
    },
  });
  if (!token || token.user.disabledAt) return { state: "unknown" };
  // Read as the person the link is for: RLS shows their own memberships and those tenants only.
  const membership = await userDb(ctx.db, token.user.id).run((tx) =>
    tx.membership.findFirst({
      where: { userId: token.user.id, tenantId: token.tenantId },
      select: { role: true, tenant: { select: { id: true, name: true, timezone: true } } },
    }),
  );
  if (!membership) return { state: "unknown" };
  if (token.usedAt) return { state: "used" };
  if (token.expiresAt.getTime() <= ctx.now().getTime())
    return { state: "expired", expiresAt: token.expiresAt, timezone: membership.tenant.timezone };
  const { id, name, email } = token.user;
  return {
    state: "valid",
    tokenId,
    expiresAt: token.expiresAt,
    user: { id, name, email },
    tenant: membership.tenant,
    role: membership.role,
  };
}

/** "November 24, 2026, 9:00 AM CST", in the business's time zone (UTC if it has none we know). */
export function formatExpiry(at: Date, timezone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  };
  try {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone: timezone }).format(at);
  } catch {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" }).format(at);
  }
}

/** The refusal for a link that cannot be used, with the sentence the welcome page shows. */
export function linkRefusal(check: Exclude<LinkCheck, ValidLink>): AppError {
  switch (check.state) {
    case "unknown":
      return new AppError("NOT_FOUND", INVALID_LINK);
    case "used":
      return new AppError("CONFLICT", USED_LINK);
    case "expired":
      return new AppError(
        "FORBIDDEN",
        `This link expired on ${formatExpiry(check.expiresAt, check.timezone)}. Ask ServicePro for a new one.`,
      );
  }
}

/**
 * Onboarding links share the sign-in throttle, the link standing for the account: guessing links
 * from one address trips that address's limit across accounts (50), whatever links it tries.
 */
export async function assertNotThrottled(
  ctx: Pick<Context, "loginThrottle" | "request">,
  tokenId: string,
): Promise<void> {
  const verdict = await ctx.loginThrottle.check(`onboarding:${tokenId}`, ctx.request.ip);
  if (verdict.allowed) return;
  throw rateLimited(`Too many attempts. Try again ${waitWords(verdict.retryAfterSeconds)}.`, verdict.retryAfterSeconds);
}

export const recordLinkFailure = (ctx: Pick<Context, "loginThrottle" | "request">, tokenId: string) =>
  ctx.loginThrottle.recordFailure(`onboarding:${tokenId}`, ctx.request.ip);
