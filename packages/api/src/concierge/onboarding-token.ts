import { randomBytes } from "node:crypto";
import { sessionIdOf } from "../identity/sessions.ts";

/**
 * A new owner's one-time link token: 32 random bytes (256 bits), URL-safe. Only its SHA-256 is
 * stored (onboarding_tokens.id), like session tokens, so a database read cannot be replayed as a
 * link. Redeeming hashes what the link carries with `onboardingTokenHash` and looks that up.
 */
export function newOnboardingToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: onboardingTokenHash(token) };
}

/** Same scheme as session ids: the SHA-256 (hex) of the token. */
export const onboardingTokenHash: (token: string) => string = sessionIdOf;
