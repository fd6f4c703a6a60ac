import { createHash, randomBytes } from "node:crypto";

/**
 * A new owner's one-time link token: 32 random bytes (256 bits), URL-safe. Only its SHA-256 is
 * stored (onboarding_tokens.id), like session tokens, so a database read cannot be replayed as a
 * link. Minted by the set-up (the link shown at the end) and by the notice worker (each channel's
 * link, at send time); redeemed by onboarding.inspect/complete through `onboardingTokenHash`.
 */
export function newOnboardingToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: onboardingTokenHash(token) };
}

/** Same scheme as session ids: the SHA-256 (hex) of the token. */
export const onboardingTokenHash = (token: string): string => createHash("sha256").update(token).digest("hex");
