// A campaign's audience as one SQL condition over `customers c`: the live count, the preview and
// the expansion all use it, so the count the composer shows is the set the campaign is sent to.
//
// Marketing consent is not a filter a person can remove: every audience is "customers whose number
// agreed to offers and has not opted out of texts" (marketingAllowed in packages/sms consent.ts),
// narrowed by the filters. The drain checks consent again at send time.
import { Prisma } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import type { Audience } from "@servicepro/validators";

export type AudienceTier = { name: string; minPoints: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The points-earned ranges [min, next tier's min) of the named tiers; a name the business doesn't have is a field error. */
export function tierRanges(
  names: readonly string[],
  tiers: readonly AudienceTier[],
): { min: number; below: number | null }[] {
  const sorted = [...tiers].sort((a, b) => a.minPoints - b.minPoints);
  return names.map((name, index) => {
    const at = sorted.findIndex((tier) => tier.name.toLowerCase() === name.toLowerCase());
    if (at < 0)
      throw new AppError("BAD_REQUEST", `There is no loyalty tier called “${name}”.`, {
        issues: [
          {
            path: ["audience", "tiers", index],
            message: `There is no loyalty tier called “${name}”. Pick one of your tiers on the Loyalty page.`,
          },
        ],
      });
    return { min: sorted[at]!.minPoints, below: sorted[at + 1]?.minPoints ?? null };
  });
}

/**
 * The WHERE condition (without the keyword) selecting the audience among `customers c` of
 * `tenantId`. `now` anchors "days since the last visit", so a preview and the send agree.
 */
export function audienceCondition(
  tenantId: string,
  audience: Audience,
  context: { now: Date; tiers: readonly AudienceTier[] },
): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`c.tenant_id = ${tenantId}`,
    Prisma.sql`EXISTS (SELECT 1 FROM marketing_consents mc
                        WHERE mc.tenant_id = c.tenant_id AND mc.phone = c.phone AND mc.state = 'opted_in')`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM sms_consents sc
                            WHERE sc.tenant_id = c.tenant_id AND sc.phone = c.phone AND sc.state = 'opted_out')`,
  ];
  if (audience.lastVisitMoreThanDays)
    parts.push(Prisma.sql`c.last_visit_at < ${new Date(+context.now - audience.lastVisitMoreThanDays * DAY_MS)}`);
  if (audience.lastVisitWithinDays)
    parts.push(Prisma.sql`c.last_visit_at >= ${new Date(+context.now - audience.lastVisitWithinDays * DAY_MS)}`);
  if (audience.serviceIds?.length)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM appointments a
                                   WHERE a.tenant_id = c.tenant_id AND a.customer_id = c.id AND a.status = 'completed'
                                     AND a.service_id = ANY(${audience.serviceIds}::uuid[]))`);
  if (audience.assetKinds?.length)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM assets s
                                   WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id AND s.archived_at IS NULL
                                     AND s.kind::text = ANY(${audience.assetKinds}::text[]))`);
  if (audience.tags?.length)
    // Tags are matched as staff see them: case-insensitively.
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM unnest(c.tags) t WHERE lower(t) = ANY(${audience.tags.map((t) => t.toLowerCase())}::text[]))`,
    );
  if (audience.tiers?.length) {
    const ranges = tierRanges(audience.tiers, context.tiers).map(({ min, below }) =>
      below === null
        ? Prisma.sql`c.points_earned >= ${min}`
        : Prisma.sql`(c.points_earned >= ${min} AND c.points_earned < ${below})`,
    );
    parts.push(Prisma.sql`(${Prisma.join(ranges, " OR ")})`);
  }
  if (audience.neverBooked)
    parts.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM appointments a WHERE a.tenant_id = c.tenant_id AND a.customer_id = c.id)`,
    );
  return Prisma.join(parts, " AND ");
}
