/**
 * The database reads behind the snapshot, also used directly when there is no snapshot (or it
 * cannot be trusted: the change feed is down). Each is what the voice and SMS entries read before
 * the snapshot existed, so a cached answer is the same as a fresh one.
 */
import {
  type Database,
  type PlanTier,
  type TenantPhoneConfig,
  type TenantStatus,
  type TenantTx,
  tenantDb,
} from "@servicepro/db";
import type { DirectoryMatch } from "@servicepro/telephony";

/** What a call to a number is answered with, as stored: the voice package turns it into the IVR's context. */
export type IvrSnapshot = {
  readonly tenant: {
    readonly name: string;
    readonly slug: string;
    readonly planTier: PlanTier;
    readonly status: TenantStatus;
    readonly timezone: string;
  };
  /** The called number's config; for a call routed by fallback (no number of its own), the tenant's first number's. Null when none. */
  readonly config: Readonly<
    Pick<
      TenantPhoneConfig,
      | "ivrMode"
      | "forwardTo"
      | "greeting"
      | "afterHoursMode"
      | "voicemailEnabled"
      | "bookingUrl"
      | "address"
      | "missedCallTextEnabled"
      | "missedCallText"
      | "missedCallTextWindowMinutes"
    >
  > | null;
  /** The business's weekly opening hours (booking settings), null when it has none (the IVR's defaults apply). */
  readonly hours: unknown;
  /** Booking settings' closed dates as stored (the voice package keeps the well-formed ones). */
  readonly closedDates: unknown;
  readonly faqs: readonly { readonly question: string; readonly answer: string }[];
};

const CONFIG_SELECT = {
  ivrMode: true,
  forwardTo: true,
  greeting: true,
  afterHoursMode: true,
  voicemailEnabled: true,
  bookingUrl: true,
  address: true,
  missedCallTextEnabled: true,
  missedCallText: true,
  missedCallTextWindowMinutes: true,
} as const;

/**
 * The directory's answer for a called number (else a Messaging Service): app_route_inbound(), a
 * narrow SECURITY DEFINER function, so webhook code never needs the platform role.
 */
export async function loadDirectoryMatch(
  db: Database,
  to: string,
  messagingServiceSid: string | null,
): Promise<DirectoryMatch | null> {
  const [row] = await db.sql.query<{
    tenant_id: string;
    phone_number: string;
    matched_by: "number" | "messaging_service";
  }>("SELECT tenant_id, phone_number, matched_by FROM app_route_inbound($1, $2)", [to, messagingServiceSid]);
  return row ? { tenantId: row.tenant_id, phoneNumber: row.phone_number, matchedBy: row.matched_by } : null;
}

/** The IVR context of `phoneNumber` (null: the fallback's, the tenant's first number) under the tenant's scope. */
export function loadIvrSnapshot(db: Database, tenantId: string, phoneNumber: string | null): Promise<IvrSnapshot> {
  return tenantDb(db, tenantId).run((tx) => readIvrSnapshot(tx, phoneNumber));
}

/** The same reads inside a tenant transaction the caller already has open (the menu and dial-result webhooks). */
export async function readIvrSnapshot(tx: TenantTx, phoneNumber: string | null): Promise<IvrSnapshot> {
  const tenant = await tx.tenant.findFirstOrThrow({
    select: { name: true, slug: true, planTier: true, status: true, timezone: true },
  });
  // A call routed by fallback has no number of its own: it answers with the tenant's first number's settings.
  const config = phoneNumber
    ? await tx.tenantPhoneConfig.findFirst({ where: { phoneNumber }, select: CONFIG_SELECT })
    : await tx.tenantPhoneConfig.findFirst({ orderBy: { createdAt: "asc" }, select: CONFIG_SELECT });
  // Opening hours belong to the business (booking settings), shared with online booking.
  const settings = await tx.bookingSettings.findFirst({ select: { hours: true, closedDates: true } });
  const faqs = await tx.faq.findMany({ orderBy: { position: "asc" }, select: { question: true, answer: true } });
  return { tenant, config, hours: settings?.hours ?? null, closedDates: settings?.closedDates ?? [], faqs };
}
