import { ROOT_TENANT_ID } from "@servicepro/tenancy/constants";

/** What Twilio told us about an inbound SMS or call that decides whose it is. */
export type InboundAddress = {
  channel: "sms" | "voice";
  /** The number that was texted or called (Twilio's `To`), E.164. */
  to: string;
  /** Present on SMS sent to a number inside a Messaging Service. */
  messagingServiceSid?: string | null | undefined;
};

/** The directory's answer (app_route_inbound): the tenant owning the number or service, if any. */
export type DirectoryMatch = { tenantId: string; phoneNumber: string; matchedBy: "number" | "messaging_service" };

/**
 * What to do with traffic no tenant claims: hand it to the root tenant (the seeds' behaviour,
 * flagged for the owner to review), or quarantine it (stored for review, nobody's inbox).
 */
export type UnroutedPolicy = "fallback-to-root" | "quarantine";

export type InboundRoute =
  | {
      kind: "tenant";
      tenantId: string;
      phoneNumber: string | null;
      matchedBy: "number" | "messaging_service" | "fallback";
      routedByFallback: boolean;
    }
  | { kind: "quarantine"; reason: string };

/**
 * Called number → tenant; else Messaging Service → tenant; else the policy for unknown traffic.
 * The directory lookup is done by the caller (one indexed query); this decides, and is the one
 * place the rule lives.
 */
export function resolveTenantFromInbound(
  inbound: InboundAddress,
  match: DirectoryMatch | null,
  policy: UnroutedPolicy,
): InboundRoute {
  if (match) {
    // A number match is authoritative; a service match only counts when the number is unknown.
    return {
      kind: "tenant",
      tenantId: match.tenantId,
      phoneNumber: match.phoneNumber,
      matchedBy: match.matchedBy,
      routedByFallback: false,
    };
  }
  const what = inbound.messagingServiceSid ? `${inbound.to} (service ${inbound.messagingServiceSid})` : inbound.to;
  if (policy === "quarantine") return { kind: "quarantine", reason: `No tenant has ${what}.` };
  return { kind: "tenant", tenantId: ROOT_TENANT_ID, phoneNumber: null, matchedBy: "fallback", routedByFallback: true };
}
