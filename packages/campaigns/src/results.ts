// What a campaign did: its progress (sent, delivered, failed, replied, opted out) and the bookings
// it brought. A booking counts for a campaign when the customer booked within 7 days of its text
// and no later campaign text reached them before they booked (last touch wins), so two campaigns
// never claim the same booking. Computed from the rows, never stored, so it is always current.
import { Prisma, type TenantTx } from "@servicepro/db";

/** Bookings made within this many days of a campaign text are credited to it. */
export const ATTRIBUTION_DAYS = 7;

export type CampaignProgress = {
  total: number;
  queued: number;
  /** Handed to Twilio (includes delivered). */
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
  replied: number;
  optedOut: number;
};

export type CampaignBookings = { count: number; revenueCents: number };

const ZERO: CampaignProgress = {
  total: 0,
  queued: 0,
  sent: 0,
  delivered: 0,
  failed: 0,
  skipped: 0,
  replied: 0,
  optedOut: 0,
};

/** Progress of each campaign in `ids` (absent: no sends yet). */
export async function campaignProgress(
  tx: TenantTx,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, CampaignProgress>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<(CampaignProgress & { campaignId: string })[]>(Prisma.sql`
    SELECT s.campaign_id AS "campaignId",
           count(*)::int AS total,
           count(*) FILTER (WHERE s.status IN ('queued', 'sending'))::int AS queued,
           count(*) FILTER (WHERE s.status = 'sent' AND coalesce(m.status::text, '') NOT IN ('failed', 'undelivered', 'suppressed'))::int AS sent,
           count(*) FILTER (WHERE m.status = 'delivered')::int AS delivered,
           count(*) FILTER (WHERE s.status = 'failed' OR m.status IN ('failed', 'undelivered'))::int AS failed,
           count(*) FILTER (WHERE s.status = 'skipped' OR m.status = 'suppressed')::int AS skipped,
           count(*) FILTER (WHERE s.sent_at IS NOT NULL AND EXISTS (
             SELECT 1 FROM messages r
              WHERE r.tenant_id = s.tenant_id AND r.conversation_id = m.conversation_id AND r.direction = 'inbound'
                AND r.created_at > s.sent_at AND r.created_at < s.sent_at + make_interval(days => ${ATTRIBUTION_DAYS})))::int AS replied,
           count(*) FILTER (WHERE s.sent_at IS NOT NULL AND EXISTS (
             SELECT 1 FROM sms_consent_events e
              WHERE e.tenant_id = s.tenant_id AND e.phone = s.phone AND e.state = 'opted_out'
                AND e.created_at > s.sent_at AND e.created_at < s.sent_at + make_interval(days => ${ATTRIBUTION_DAYS})))::int AS "optedOut"
      FROM campaign_sends s
      LEFT JOIN messages m ON m.tenant_id = s.tenant_id AND m.id = s.message_id
     WHERE s.tenant_id = ${tenantId} AND s.campaign_id = ANY(${ids}::uuid[])
     GROUP BY s.campaign_id`);
  return new Map(rows.map(({ campaignId, ...progress }) => [campaignId, progress]));
}

export const progressOf = (map: Map<string, CampaignProgress>, id: string): CampaignProgress => map.get(id) ?? ZERO;

/** The bookings credited to a campaign (see the header), with what they are worth. */
export async function campaignBookings(tx: TenantTx, tenantId: string, campaignId: string): Promise<CampaignBookings> {
  const [row] = await tx.$queryRaw<CampaignBookings[]>(Prisma.sql`
    SELECT count(*)::int AS count, coalesce(sum(a.price_cents), 0)::int AS "revenueCents"
      FROM ${attributedBookings(tenantId, campaignId)}`);
  return row ?? { count: 0, revenueCents: 0 };
}

/** `attributed a` with a.created_at and a.price_cents: the appointments credited to the campaign. */
const attributedBookings = (tenantId: string, campaignId: string) => Prisma.sql`(
  SELECT DISTINCT ON (a.id) a.id, a.created_at, a.price_cents
    FROM campaign_sends s
    JOIN appointments a
      ON a.tenant_id = s.tenant_id AND a.customer_id = s.customer_id AND a.status <> 'cancelled'
     AND a.created_at > s.sent_at AND a.created_at < s.sent_at + make_interval(days => ${ATTRIBUTION_DAYS})
   WHERE s.tenant_id = ${tenantId} AND s.campaign_id = ${campaignId}::uuid AND s.sent_at IS NOT NULL
     AND NOT EXISTS (
       SELECT 1 FROM campaign_sends later
        WHERE later.tenant_id = s.tenant_id AND later.customer_id = s.customer_id
          AND later.sent_at > s.sent_at AND later.sent_at < a.created_at)
) a`;

export type TimelineDay = { day: string; sent: number; replies: number; bookings: number };

/**
 * Per local day from the first text to the end of the attribution window: texts sent, replies and
 * credited bookings (the results chart).
 */
export async function campaignTimeline(
  tx: TenantTx,
  tenantId: string,
  campaignId: string,
  timeZone: string,
): Promise<TimelineDay[]> {
  return tx.$queryRaw<TimelineDay[]>(Prisma.sql`
    WITH sends AS (
      SELECT s.sent_at, m.conversation_id FROM campaign_sends s
        LEFT JOIN messages m ON m.tenant_id = s.tenant_id AND m.id = s.message_id
       WHERE s.tenant_id = ${tenantId} AND s.campaign_id = ${campaignId}::uuid AND s.sent_at IS NOT NULL
    ), bounds AS (
      SELECT min(sent_at) AS first FROM sends
    ), days AS (
      SELECT generate_series(
               date_trunc('day', (SELECT first FROM bounds) AT TIME ZONE ${timeZone}),
               date_trunc('day', ((SELECT first FROM bounds) + make_interval(days => ${ATTRIBUTION_DAYS})) AT TIME ZONE ${timeZone}),
               interval '1 day') AS day
       WHERE (SELECT first FROM bounds) IS NOT NULL
    ), replies AS (
      SELECT DISTINCT ON (r.conversation_id) r.created_at
        FROM sends s JOIN messages r
          ON r.tenant_id = ${tenantId} AND r.conversation_id = s.conversation_id AND r.direction = 'inbound'
         AND r.created_at > s.sent_at AND r.created_at < s.sent_at + make_interval(days => ${ATTRIBUTION_DAYS})
       ORDER BY r.conversation_id, r.created_at
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           (SELECT count(*)::int FROM sends WHERE date_trunc('day', sent_at AT TIME ZONE ${timeZone}) = d.day) AS sent,
           (SELECT count(*)::int FROM replies WHERE date_trunc('day', created_at AT TIME ZONE ${timeZone}) = d.day) AS replies,
           (SELECT count(*)::int FROM ${attributedBookings(tenantId, campaignId)}
             WHERE date_trunc('day', a.created_at AT TIME ZONE ${timeZone}) = d.day) AS bookings
      FROM days d ORDER BY d.day`);
}
