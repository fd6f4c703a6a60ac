// Expanding a campaign into its outbox (campaign_sends): one INSERT … SELECT, never a row at a time
// from Node. Each row names the number the text goes out from — the number the customer last
// talked to, when the business still has it, else the business's first number — and the sender
// that paces it (the number's Messaging Service when it has one, so a pool is paced as one).
import { Prisma, type TenantTx } from "@servicepro/db";
import type { Audience } from "@servicepro/validators";
import { type AudienceTier, audienceCondition } from "./audience.ts";

export type Expansion = { recipients: number };

/**
 * Writes one queued send per customer in the audience (the primary key makes a second expansion of
 * the same campaign add nothing). Runs in the caller's transaction, which also moves the campaign
 * to `sending`, so a campaign is never half-expanded.
 */
export async function expandCampaign(
  tx: TenantTx,
  tenantId: string,
  campaignId: string,
  audience: Audience,
  context: { now: Date; tiers: readonly AudienceTier[] },
): Promise<Expansion> {
  const where = audienceCondition(tenantId, audience, context);
  const recipients = await tx.$executeRaw(Prisma.sql`
    INSERT INTO campaign_sends (tenant_id, campaign_id, customer_id, phone, sender_key, from_number)
    SELECT c.tenant_id, ${campaignId}::uuid, c.id, c.phone,
           COALESCE(pc.messaging_service_sid, pc.phone_number), pc.phone_number
      FROM customers c
      LEFT JOIN (SELECT DISTINCT ON (customer_id) customer_id, tenant_number
                   FROM conversations
                  WHERE tenant_id = ${tenantId}
                  ORDER BY customer_id, last_message_at DESC) last ON last.customer_id = c.id
      JOIN tenant_phone_configs pc
        ON pc.tenant_id = c.tenant_id
       AND pc.phone_number = COALESCE(
             (SELECT p.phone_number FROM tenant_phone_configs p
               WHERE p.tenant_id = c.tenant_id AND p.phone_number = last.tenant_number),
             (SELECT p.phone_number FROM tenant_phone_configs p
               WHERE p.tenant_id = c.tenant_id ORDER BY p.created_at, p.phone_number LIMIT 1))
     WHERE ${where}
    ON CONFLICT DO NOTHING`);
  return { recipients };
}

/** How many customers the audience holds right now. */
export async function countAudience(
  tx: TenantTx,
  tenantId: string,
  audience: Audience,
  context: { now: Date; tiers: readonly AudienceTier[] },
): Promise<number> {
  const [row] = await tx.$queryRaw<{ count: number }[]>(
    Prisma.sql`SELECT count(*)::int AS count FROM customers c WHERE ${audienceCondition(tenantId, audience, context)}`,
  );
  return row?.count ?? 0;
}

export type AudienceMember = { id: string; name: string | null; phone: string; pointsBalance: number };

/** A few members for the composer's per-recipient preview (most recent visitors first). */
export async function sampleAudience(
  tx: TenantTx,
  tenantId: string,
  audience: Audience,
  context: { now: Date; tiers: readonly AudienceTier[] },
  limit: number,
): Promise<AudienceMember[]> {
  return tx.$queryRaw<AudienceMember[]>(Prisma.sql`
    SELECT c.id, c.name, c.phone, c.points_balance AS "pointsBalance"
      FROM customers c
     WHERE ${audienceCondition(tenantId, audience, context)}
     ORDER BY c.last_visit_at DESC NULLS LAST, c.id
     LIMIT ${limit}`);
}
