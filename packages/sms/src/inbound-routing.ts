import type { Database } from "@servicepro/db";
import {
  type InboundAddress,
  type InboundRoute,
  resolveTenantFromInbound,
  type UnroutedPolicy,
} from "@servicepro/telephony";
import type { IntakeDeps } from "./inbound.ts";

/**
 * Which tenant an inbound text or call belongs to. The lookup goes through app_route_inbound(),
 * a SECURITY DEFINER function that answers only "who owns this number or service": webhook code
 * never needs the platform role.
 */
export async function routeInbound(
  db: Database,
  address: InboundAddress,
  policy: UnroutedPolicy,
): Promise<InboundRoute> {
  const [match] = await db.prisma.$queryRaw<
    { tenant_id: string; phone_number: string; matched_by: "number" | "messaging_service" }[]
  >`
    SELECT tenant_id, phone_number, matched_by FROM app_route_inbound(${address.to}, ${address.messagingServiceSid ?? null})`;
  return resolveTenantFromInbound(
    address,
    match ? { tenantId: match.tenant_id, phoneNumber: match.phone_number, matchedBy: match.matched_by } : null,
    policy,
  );
}

/**
 * routeInbound through the routing snapshot when the deps have one (no database round trip when
 * warm; it reads the database itself while its change feed is down), else straight from the database.
 */
export function routeInboundVia(
  deps: Pick<IntakeDeps, "db" | "routing">,
  address: InboundAddress,
  policy: UnroutedPolicy,
): Promise<InboundRoute> {
  return deps.routing ? deps.routing.route(address, policy) : routeInbound(deps.db, address, policy);
}

export type UnroutedRecord = {
  kind: "sms" | "voice" | "sms_status" | "voice_status";
  sid: string | null;
  to: string | null;
  from: string | null;
  reason: string;
  params: Record<string, string>;
};

/** Keeps traffic nobody claims for the owner to review. Insert-only for the app role (it cannot read the table). */
export async function recordUnrouted(db: Database, record: UnroutedRecord): Promise<void> {
  // Plain SQL, one statement: no Prisma compile, no RETURNING (the app role may insert, not read).
  await db.sql.query(
    `INSERT INTO unrouted_webhooks (id, kind, sid, to_number, from_number, reason, params)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6::jsonb)`,
    [record.kind, record.sid, record.to, record.from, record.reason, JSON.stringify(record.params)],
  );
}
