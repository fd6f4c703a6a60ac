// The portal's refusals as the server sends them: an AppError's reason arrives as `error.data.cause`
// (packages/api/src/trpc.ts), so screens act on the code, never on the wording of the message.
import { apiErrorCode } from "@servicepro/ui";

export type PortalRefusal =
  /** A wrong sign-in code; `triesLeft` more before a new code is needed. */
  | { code: "CODE_INVALID"; triesLeft: number }
  /** Too many wrong tries, or the code is older than 10 minutes: ask for a new one. */
  | { code: "CODE_EXPIRED" }
  | { code: "RATE_LIMITED"; retryAfterSeconds: number }
  /** A change inside the cancellation window: it costs `feeCents`, to be confirmed and sent back. */
  | { code: "FEE_CONFIRMATION_REQUIRED"; feeCents: number }
  /** A change inside the window the business takes only by phone. */
  | { code: "LATE_CHANGE_REFUSED" }
  /** A sign-in link opened in another browser than the one that asked for it. */
  | { code: "LINK_OTHER_BROWSER" }
  /** A sign-in link already used, or older than 15 minutes. */
  | { code: "LINK_EXPIRED" };

const wholeNumber = (value: unknown): number | null =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;

/** The refusal behind a failed portal call, or null when it is not one of the portal's own. */
export function portalRefusal(error: unknown): PortalRefusal | null {
  if (!(error instanceof Error)) return null;
  const cause = (error as { data?: { cause?: unknown } }).data?.cause;
  if (typeof cause !== "object" || cause === null) return null;
  const reason = cause as Record<string, unknown>;
  switch (reason.code) {
    case "CODE_INVALID": {
      const triesLeft = wholeNumber(reason.triesLeft);
      return triesLeft === null ? null : { code: "CODE_INVALID", triesLeft };
    }
    case "RATE_LIMITED": {
      const retryAfterSeconds = wholeNumber(reason.retryAfterSeconds);
      return retryAfterSeconds === null ? null : { code: "RATE_LIMITED", retryAfterSeconds };
    }
    case "FEE_CONFIRMATION_REQUIRED": {
      const feeCents = wholeNumber(reason.feeCents);
      return feeCents === null ? null : { code: "FEE_CONFIRMATION_REQUIRED", feeCents };
    }
    case "CODE_EXPIRED":
    case "LATE_CHANGE_REFUSED":
    case "LINK_OTHER_BROWSER":
    case "LINK_EXPIRED":
      return { code: reason.code };
    default:
      return null;
  }
}

/** Not signed in (no session, or it ended): the portal shows its sign-in screen. */
export const isSignedOut = (error: unknown): boolean => apiErrorCode(error) === "UNAUTHORIZED";
