// Portal sign-in (issue 14): a 6-digit code texted to the customer's phone, or a single-use link
// (texted, or emailed when texts are off) bound to the browser that asked for it.
//
// - The answer to "send me a code/link" is the same whether or not the number is a customer's, and
//   the limits count unknown numbers exactly as known ones, so neither tells a stranger who is a
//   customer.
// - Codes: 10 minutes, 5 tries (the attempt is counted in its own committed statement before the
//   comparison, so the 6th try is refused even with the right code), stored as SHA-256 of
//   (row id, code) and compared in constant time. A new code replaces the previous one.
// - Links: 256 random bits, 15 minutes, single use; opened in another browser they ask for a code
//   instead and stay usable where they were asked for.
// - Limits live in PostgreSQL (shared-limits.ts), so every server process counts together.
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { type Database, type TenantTx, tenantDb } from "@servicepro/db";
import { AppError, rateLimited, waitWords } from "@servicepro/errors";
import { PORTAL_LIMITS } from "@servicepro/identity";
import { customerThread, isOptedOut } from "@servicepro/sms";
import { formatPhone, PORTAL_CODE, PORTAL_LINK } from "@servicepro/validators";
import type { Context } from "../context.ts";
import { createSharedLimiter, type LimitVerdict, type SharedLimiter, strictest } from "../shared-limits.ts";
import { cookieJar, linkBindingCookieName, startPortalSession } from "./sessions.ts";
import { type PortalTenant, portalTenant } from "./tenant.ts";

const MINUTE = 60_000;
const HOUR_SECONDS = 3600;

type PortalLimiters = {
  resend: SharedLimiter;
  sendsPerPhone: SharedLimiter;
  sendsPerAddress: SharedLimiter;
  sendsPerBusiness: SharedLimiter;
  failuresPerPhone: SharedLimiter;
  failuresPerAddress: SharedLimiter;
  failuresPerBusiness: SharedLimiter;
};

const limiters = new WeakMap<Database, PortalLimiters>();

/** One set of limiters per database (the counters themselves are rows, shared by every process). */
function limitsOf(db: Database): PortalLimiters {
  let found = limiters.get(db);
  if (!found) {
    const L = PORTAL_LIMITS;
    const make = (name: string, points: number, durationSeconds: number) =>
      createSharedLimiter(db, { name, points, durationSeconds });
    found = {
      resend: make("portal-resend", 1, L.resendAfterSeconds),
      sendsPerPhone: make("portal-send-phone", L.sendsPerPhonePerHour, HOUR_SECONDS),
      sendsPerAddress: make("portal-send-address", L.sendsPerAddressPerHour, HOUR_SECONDS),
      sendsPerBusiness: make("portal-send-business", L.sendsPerBusinessPerHour, HOUR_SECONDS),
      failuresPerPhone: make("portal-fail-phone", L.failuresPerPhonePerHour, HOUR_SECONDS),
      failuresPerAddress: make("portal-fail-address", L.failuresPerAddressPerHour, HOUR_SECONDS),
      failuresPerBusiness: make("portal-fail-business", L.failuresPerBusinessPerHour, HOUR_SECONDS),
    };
    limiters.set(db, found);
  }
  return found;
}

const addressKey = (ctx: Context) => ctx.request.ip ?? "unknown-address";
// Keyed by the business's slug (unique, and known before any lookup): a refused guess costs no
// more than the limit check itself.
const phoneKey = (slug: string, phone: string) => `${slug}|${phone}`;

function refuse(verdict: LimitVerdict, what: string): void {
  if (!verdict.allowed)
    throw rateLimited(
      `Too many ${what} in a short time. Try again ${waitWords(verdict.retryAfterSeconds)}.`,
      verdict.retryAfterSeconds,
    );
}

/** Counts one send against every limit; refused when any is spent (the cool-down first). */
async function takeSend(ctx: Context, tenant: PortalTenant, phone: string): Promise<void> {
  const limits = limitsOf(ctx.db);
  const cooldown = await limits.resend.consume(phoneKey(tenant.slug, phone));
  if (!cooldown.allowed)
    throw rateLimited(
      `We just sent one. You can ask for another ${waitWords(cooldown.retryAfterSeconds)}.`,
      cooldown.retryAfterSeconds,
    );
  refuse(
    strictest(
      await Promise.all([
        limits.sendsPerPhone.consume(phoneKey(tenant.slug, phone)),
        limits.sendsPerAddress.consume(addressKey(ctx)),
        limits.sendsPerBusiness.consume(tenant.slug),
      ]),
    ),
    "sign-in requests",
  );
}

/**
 * Takes one failure point under each key (phone, address, business: narrowest first) before the code
 * or link is checked, so guesses sent at once cannot all pass a check none of them has counted yet.
 * A refusal gives back what this attempt took; the caller gives the points back when the attempt
 * turns out not to be a guess (the right code, a link opened in the wrong browser).
 */
async function takeAttempt(ctx: Context, slug: string, phone: string | null): Promise<() => Promise<void>> {
  const limits = limitsOf(ctx.db);
  const keys: [SharedLimiter, string][] = [
    ...(phone ? [[limits.failuresPerPhone, phoneKey(slug, phone)] as [SharedLimiter, string]] : []),
    [limits.failuresPerAddress, addressKey(ctx)],
    [limits.failuresPerBusiness, slug],
  ];
  const taken: [SharedLimiter, string][] = [];
  const giveBack = async () => {
    await Promise.all(taken.map(([limiter, key]) => limiter.refund(key)));
  };
  for (const [limiter, key] of keys) {
    const verdict = await limiter.consume(key);
    taken.push([limiter, key]);
    if (!verdict.allowed) {
      await giveBack();
      refuse(verdict, "sign-in attempts");
    }
  }
  return giveBack;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const codeHash = (challengeId: string, code: string) => sha256(`${challengeId}:${code}`);

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

type PortalCustomer = { id: string; email: string | null };

/** The customer with this phone (primary or another of theirs), if any. */
async function customerByPhone(tx: TenantTx, phone: string): Promise<PortalCustomer | null> {
  // Ids by index (app_customers_matching: under RLS `alt_phones @> …` would walk every customer of
  // the business), then the row by id under RLS.
  const matches = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM app_customers_matching(ARRAY[${phone}]::text[], '{}'::text[])`;
  if (matches.length === 0) return null;
  return tx.customer.findFirst({
    where: { id: { in: matches.map((m) => m.id) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true },
  });
}

/** Marks every open challenge of this phone used: a new code or link replaces the ones before. */
const retireOpenChallenges = (tx: TenantTx, phone: string, now: Date) =>
  tx.portalChallenge.updateMany({ where: { phone, usedAt: null }, data: { usedAt: now } });

/** Queues the sign-in text from the business's number; false when it can't be texted (opted out, no number). */
async function queueSignInText(
  ctx: Context,
  tx: TenantTx,
  tenant: PortalTenant,
  args: { customerId: string; phone: string; body: string; purposeKey: string },
): Promise<boolean> {
  if (await isOptedOut(tx, args.phone)) return false;
  const conversation = await customerThread(tx, tenant.id, args.customerId);
  if (!conversation) return false;
  const queued = await ctx.messaging.outbox.queueSms(tx, {
    conversationId: conversation.id,
    body: args.body,
    kind: "portal_sign_in",
    purposeKey: args.purposeKey,
  });
  return queued.status === "queued" || queued.status === "duplicate";
}

const codeMessage = (tenant: PortalTenant, phone: string) =>
  `If ${formatPhone(phone)} belongs to a customer of ${tenant.name}, we've texted it a ${PORTAL_CODE.digits}-digit code ` +
  `(or, if texts to it are turned off, emailed a sign-in link to the address on file). ` +
  `The code works for ${PORTAL_CODE.ttlMinutes} minutes.`;

const linkMessage = (tenant: PortalTenant, phone: string, channel: "sms" | "email") =>
  channel === "sms"
    ? `If ${formatPhone(phone)} belongs to a customer of ${tenant.name}, we've texted it a sign-in link ` +
      `(or emailed it, if texts are turned off). Open it on this device within ${PORTAL_LINK.ttlMinutes} minutes.`
    : `If ${formatPhone(phone)} belongs to a customer of ${tenant.name} with an email address on file, we've emailed ` +
      `a sign-in link. Open it on this device within ${PORTAL_LINK.ttlMinutes} minutes.`;

type LinkDelivery = { to: "sms" | "email"; customerId: string; phone: string; email: string | null };

/** Creates a link challenge bound to this browser and sends it; the email goes after commit. */
async function issueLink(
  ctx: Context,
  tx: TenantTx,
  tenant: PortalTenant,
  delivery: LinkDelivery,
  browserHash: string,
): Promise<{ email: { to: string; url: string } | null }> {
  if (!ctx.publicBaseUrl) return { email: null };
  const now = ctx.now();
  const token = randomBytes(32).toString("base64url");
  await retireOpenChallenges(tx, delivery.phone, now);
  const challenge = await tx.portalChallenge.create({
    data: {
      tenantId: tenant.id,
      kind: "link",
      customerId: delivery.customerId,
      phone: delivery.phone,
      channel: delivery.to,
      secretHash: sha256(token),
      browserHash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PORTAL_LINK.ttlMinutes * MINUTE),
    },
  });
  const url = `${ctx.publicBaseUrl}/portal/${tenant.slug}/link?token=${token}`;
  if (delivery.to === "email") return { email: delivery.email ? { to: delivery.email, url } : null };
  const texted = await queueSignInText(ctx, tx, tenant, {
    customerId: delivery.customerId,
    phone: delivery.phone,
    body: `Tap to sign in to ${tenant.name}: ${url} It works once, for ${PORTAL_LINK.ttlMinutes} minutes, in the browser where you asked for it.`,
    purposeKey: `portal-link:${challenge.id}`,
  });
  if (texted || !delivery.email) return { email: null };
  return { email: { to: delivery.email, url } };
}

async function sendLinkEmail(ctx: Context, tenant: PortalTenant, email: { to: string; url: string }): Promise<void> {
  if (!ctx.messaging.email) {
    ctx.logger.warn({ tenantId: tenant.id }, "portal: a sign-in link was due by email, but no email sender is set up");
    return;
  }
  try {
    await ctx.messaging.email.send({
      to: email.to,
      subject: `Your sign-in link for ${tenant.name}`,
      text:
        `Open this link to sign in to your account with ${tenant.name}:\n\n${email.url}\n\n` +
        `It works once, for ${PORTAL_LINK.ttlMinutes} minutes, and only in the browser where you asked for it. ` +
        "If you didn't ask for it, ignore this email.",
    });
  } catch (error) {
    // The answer is the same either way (it never says whether a number is known); staff see the log.
    ctx.logger.error({ err: error, tenantId: tenant.id }, "portal: the sign-in link email failed");
  }
}

/** A fresh nonce for this browser, in a short-lived cookie; the link stores only its hash. */
function bindThisBrowser(ctx: Context, tenant: PortalTenant): string {
  const nonce = randomBytes(32).toString("base64url");
  cookieJar(ctx, linkBindingCookieName(tenant.slug)).set(
    nonce,
    new Date(ctx.now().getTime() + PORTAL_LINK.ttlMinutes * MINUTE),
  );
  return sha256(nonce);
}

export type ChallengeAnswer = { message: string; resendAfterSeconds: number };

/** `portal.auth.requestCode`. */
export async function requestCode(ctx: Context, tenant: PortalTenant, phone: string): Promise<ChallengeAnswer> {
  await takeSend(ctx, tenant, phone);
  const now = ctx.now();
  const email = await tenantDb(ctx.db, tenant.id).run(async (tx) => {
    const customer = await customerByPhone(tx, phone);
    if (!customer) return null;
    if (await isOptedOut(tx, phone)) {
      // A code is transactional, but a carrier blocks texts to a number that said STOP: email a link.
      const { email } = await issueLink(
        ctx,
        tx,
        tenant,
        { to: "email", customerId: customer.id, phone, email: customer.email },
        bindThisBrowser(ctx, tenant),
      );
      return email;
    }
    await retireOpenChallenges(tx, phone, now);
    const code = String(randomInt(0, 10 ** PORTAL_CODE.digits)).padStart(PORTAL_CODE.digits, "0");
    const id = randomUUID();
    await tx.portalChallenge.create({
      data: {
        tenantId: tenant.id,
        id,
        kind: "code",
        customerId: customer.id,
        phone,
        channel: "sms",
        secretHash: codeHash(id, code),
        createdAt: now,
        expiresAt: new Date(now.getTime() + PORTAL_CODE.ttlMinutes * MINUTE),
      },
    });
    await queueSignInText(ctx, tx, tenant, {
      customerId: customer.id,
      phone,
      body: `${code} is your ${tenant.name} sign-in code. It expires in ${PORTAL_CODE.ttlMinutes} minutes. Don't share it with anyone.`,
      purposeKey: `portal-code:${id}`,
    });
    return null;
  });
  if (email) await sendLinkEmail(ctx, tenant, email);
  return { message: codeMessage(tenant, phone), resendAfterSeconds: PORTAL_LIMITS.resendAfterSeconds };
}

/** `portal.auth.requestLink`: texted, or emailed (asked for, or because texts are off). */
export async function requestLink(
  ctx: Context,
  tenant: PortalTenant,
  phone: string,
  channel: "sms" | "email",
): Promise<ChallengeAnswer> {
  if (!ctx.publicBaseUrl)
    throw new AppError("PRECONDITION_FAILED", "Sign-in links aren't available here. Ask for a code instead.");
  await takeSend(ctx, tenant, phone);
  // Every asker gets a binding cookie, known number or not, so the answer looks the same.
  const browserHash = bindThisBrowser(ctx, tenant);
  const email = await tenantDb(ctx.db, tenant.id).run(async (tx) => {
    const customer = await customerByPhone(tx, phone);
    if (!customer) return null;
    const to = channel === "sms" && !(await isOptedOut(tx, phone)) ? "sms" : "email";
    if (to === "email" && !customer.email) return null;
    const { email } = await issueLink(
      ctx,
      tx,
      tenant,
      { to, customerId: customer.id, phone, email: customer.email },
      browserHash,
    );
    return email;
  });
  if (email) await sendLinkEmail(ctx, tenant, email);
  return { message: linkMessage(tenant, phone, channel), resendAfterSeconds: PORTAL_LIMITS.resendAfterSeconds };
}

const codeExpired = (message: string) => new AppError("BAD_REQUEST", message, { reason: { code: "CODE_EXPIRED" } });

/** `portal.auth.verifyCode`: signs the customer in, or says what went wrong and how many tries are left. */
export async function verifyCode(
  ctx: Context,
  input: { slug: string; phone: string; code: string; remember: boolean },
): Promise<void> {
  const giveBack = await takeAttempt(ctx, input.slug, input.phone);
  const tenant = await portalTenant(ctx, input.slug, "portal.auth.verifyCode").catch(async (error: unknown) => {
    await giveBack();
    throw error;
  });
  const now = ctx.now();
  // The try is counted and committed before the comparison: a crash or a parallel request can't
  // buy a sixth try.
  const counted = await tenantDb(ctx.db, tenant.id).run(async (tx) => {
    const challenge = await tx.portalChallenge.findFirst({
      where: { phone: input.phone, kind: "code", usedAt: null },
      orderBy: { createdAt: "desc" },
    });
    if (!challenge || challenge.expiresAt.getTime() <= now.getTime()) return { state: "expired" as const };
    const { count } = await tx.portalChallenge.updateMany({
      where: { id: challenge.id, usedAt: null, attempts: { lt: PORTAL_CODE.maxAttempts } },
      data: { attempts: { increment: 1 } },
    });
    if (count === 0) return { state: "locked" as const };
    return { state: "counted" as const, challenge: { ...challenge, attempts: challenge.attempts + 1 } };
  });
  if (counted.state !== "counted") {
    throw codeExpired(
      counted.state === "locked"
        ? "That code has had too many wrong tries. Ask for a new code."
        : "That code has expired or was replaced by a newer one. Ask for a new code.",
    );
  }
  const { challenge } = counted;
  if (!sameHash(challenge.secretHash, codeHash(challenge.id, input.code))) {
    const triesLeft = PORTAL_CODE.maxAttempts - challenge.attempts;
    if (triesLeft <= 0) throw codeExpired("That code isn't right, and it was the last try. Ask for a new code.");
    throw new AppError(
      "BAD_REQUEST",
      `That code isn't right. You have ${triesLeft} ${triesLeft === 1 ? "try" : "tries"} left.`,
      { reason: { code: "CODE_INVALID", triesLeft } as { code: string } },
    );
  }
  // Single use: only the request that marks it used signs in.
  const { count } = await tenantDb(ctx.db, tenant.id).run((tx) =>
    tx.portalChallenge.updateMany({ where: { id: challenge.id, usedAt: null }, data: { usedAt: now } }),
  );
  if (count === 0) throw codeExpired("That code was just used. Ask for a new code.");
  await giveBack();
  await startPortalSession(ctx, tenant, challenge.customerId, input.remember);
}

/** `portal.auth.redeemLink`. */
export async function redeemLink(
  ctx: Context,
  input: { slug: string; token: string; remember: boolean },
): Promise<void> {
  const giveBack = await takeAttempt(ctx, input.slug, null);
  const tenant = await portalTenant(ctx, input.slug, "portal.auth.redeemLink").catch(async (error: unknown) => {
    await giveBack();
    throw error;
  });
  const now = ctx.now();
  const binding = cookieJar(ctx, linkBindingCookieName(tenant.slug));
  const challenge = await tenantDb(ctx.db, tenant.id).run((tx) =>
    tx.portalChallenge.findFirst({ where: { secretHash: sha256(input.token), kind: "link" } }),
  );
  if (!challenge || challenge.usedAt || challenge.expiresAt.getTime() <= now.getTime()) {
    throw new AppError(
      "BAD_REQUEST",
      "This sign-in link has expired or was already used. Ask for a new one, or sign in with a code.",
      { reason: { code: "LINK_EXPIRED" } },
    );
  }
  const nonce = binding.read();
  if (!nonce || !challenge.browserHash || !sameHash(challenge.browserHash, sha256(nonce))) {
    // Not burned, and not a guess (the token was right): the browser that asked for it can still use it.
    await giveBack();
    throw new AppError(
      "BAD_REQUEST",
      "For your safety, a sign-in link works only in the browser where you asked for it. Sign in with a code instead.",
      { reason: { code: "LINK_OTHER_BROWSER" } },
    );
  }
  const { count } = await tenantDb(ctx.db, tenant.id).run((tx) =>
    tx.portalChallenge.updateMany({ where: { id: challenge.id, usedAt: null }, data: { usedAt: now } }),
  );
  if (count === 0)
    throw new AppError("BAD_REQUEST", "This sign-in link was already used. Ask for a new one.", {
      reason: { code: "LINK_EXPIRED" },
    });
  binding.clear();
  await giveBack();
  await startPortalSession(ctx, tenant, challenge.customerId, input.remember);
}
