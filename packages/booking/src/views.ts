// What the calendar and the appointment screen read. One joined query per list (no Prisma
// `include`, which turns into `tenant_id IN (…copies)` and a full scan on PostgreSQL).
import { type AppointmentStatus, type ActorKind as DbActorKind, Prisma, type TenantTx } from "@servicepro/db";
import { appointmentNotFound } from "./appointments.ts";

export type AppointmentRow = {
  id: string;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  blocksUntil: Date;
  durationMinutes: number;
  priceCents: number | null;
  priceMinCents: number | null;
  priceMaxCents: number | null;
  seriesId: string | null;
  bookedBy: DbActorKind;
  customer: { id: string; name: string | null; phone: string };
  service: { id: string; name: string };
  asset: { id: string; label: string } | null;
  bookable: { id: string; name: string; kind: string; color: string };
};

type RawRow = {
  id: string;
  status: AppointmentStatus;
  starts_at: Date;
  ends_at: Date;
  blocks_until: Date;
  duration_minutes: number;
  price_cents: number | null;
  price_min_cents: number | null;
  price_max_cents: number | null;
  series_id: string | null;
  booked_by: DbActorKind;
  customer_id: string;
  customer_name: string | null;
  customer_phone: string;
  service_id: string;
  service_name: string;
  asset_id: string | null;
  asset_label: string | null;
  bookable_id: string;
  bookable_name: string;
  bookable_kind: string;
  bookable_color: string;
};

const toRow = (r: RawRow): AppointmentRow => ({
  id: r.id,
  status: r.status,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  blocksUntil: r.blocks_until,
  durationMinutes: r.duration_minutes,
  priceCents: r.price_cents,
  priceMinCents: r.price_min_cents,
  priceMaxCents: r.price_max_cents,
  seriesId: r.series_id,
  bookedBy: r.booked_by,
  customer: { id: r.customer_id, name: r.customer_name, phone: r.customer_phone },
  service: { id: r.service_id, name: r.service_name },
  asset: r.asset_id ? { id: r.asset_id, label: r.asset_label ?? "" } : null,
  bookable: { id: r.bookable_id, name: r.bookable_name, kind: r.bookable_kind, color: r.bookable_color },
});

// A job never spans more than a day, so one that overlaps [from, to) starts after from − 1 day.
const DAY = 86_400_000;

const SELECT = Prisma.sql`
  SELECT a.id::text, a.status::text AS status, a.starts_at, a.ends_at, a.blocks_until, a.duration_minutes,
         a.price_cents, a.price_min_cents, a.price_max_cents, a.series_id::text, a.booked_by::text AS booked_by,
         a.customer_id::text, c.name AS customer_name, c.phone AS customer_phone,
         a.service_id::text, s.name AS service_name,
         a.asset_id::text, x.label AS asset_label,
         a.bookable_id::text, b.name AS bookable_name, b.kind::text AS bookable_kind, b.color AS bookable_color
    FROM appointments a
    JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
    JOIN services s ON s.tenant_id = a.tenant_id AND s.id = a.service_id
    JOIN bookables b ON b.tenant_id = a.tenant_id AND b.id = a.bookable_id
    LEFT JOIN assets x ON x.tenant_id = a.tenant_id AND x.id = a.asset_id`;

/** Appointments overlapping [from, to), by start time; cancelled ones only when asked for. */
export async function listAppointments(
  tx: TenantTx,
  tenantId: string,
  args: { from: Date; to: Date; bookableId?: string | null; includeCancelled?: boolean },
): Promise<AppointmentRow[]> {
  const earliest = new Date(args.from.getTime() - DAY);
  const rows = await tx.$queryRaw<RawRow[]>`${SELECT}
    WHERE a.tenant_id = ${tenantId}
      AND a.starts_at >= ${earliest} AND a.starts_at < ${args.to} AND a.ends_at > ${args.from}
      ${args.bookableId ? Prisma.sql`AND a.bookable_id = ${args.bookableId}::uuid` : Prisma.empty}
      ${args.includeCancelled ? Prisma.empty : Prisma.sql`AND a.status <> 'cancelled'`}
    ORDER BY a.starts_at, a.id`;
  return rows.map(toRow);
}

export async function appointmentRow(tx: TenantTx, tenantId: string, id: string): Promise<AppointmentRow> {
  const rows = await tx.$queryRaw<RawRow[]>`${SELECT} WHERE a.tenant_id = ${tenantId} AND a.id = ${id}::uuid`;
  if (!rows[0]) throw appointmentNotFound();
  return toRow(rows[0]);
}

export type AppointmentDetailRow = AppointmentRow & {
  addOns: { id: string; name: string }[];
  customerNotes: string | null;
  staffNotes: string | null;
  depositCents: number;
  cancellationFeeCents: number;
  cancelReason: string | null;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  events: {
    id: string;
    kind: string;
    actor: DbActorKind;
    actorUserId: string | null;
    details: Record<string, unknown>;
    createdAt: Date;
  }[];
  reminders: {
    id: string;
    kind: "confirmation" | "reminder";
    offsetMinutes: number;
    forStartsAt: Date;
    dueAt: Date;
    status: "scheduled" | "sent" | "skipped" | "cancelled";
    statusReason: string | null;
    message: { id: string; status: string; errorCode: number | null } | null;
  }[];
};

/** One appointment with its add-ons, history (oldest first) and reminders with their texts' delivery status. */
export async function appointmentDetail(tx: TenantTx, tenantId: string, id: string): Promise<AppointmentDetailRow> {
  const row = await appointmentRow(tx, tenantId, id);
  const [full, events, reminders] = await Promise.all([
    tx.appointment.findFirstOrThrow({ where: { id } }),
    tx.appointmentEvent.findMany({ where: { appointmentId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    tx.appointmentReminder.findMany({ where: { appointmentId: id }, orderBy: [{ dueAt: "asc" }, { id: "asc" }] }),
  ]);
  const messageIds = reminders.flatMap((r) => (r.messageId ? [r.messageId] : []));
  const [addOns, messages] = await Promise.all([
    full.addOnIds.length === 0
      ? []
      : tx.addOn.findMany({ where: { id: { in: full.addOnIds } }, select: { id: true, name: true } }),
    messageIds.length === 0
      ? []
      : tx.message.findMany({ where: { id: { in: messageIds } }, select: { id: true, status: true, errorCode: true } }),
  ]);
  const addOnName = new Map(addOns.map((a) => [a.id, a.name]));
  const messageById = new Map(messages.map((m) => [m.id, m]));
  return {
    ...row,
    addOns: full.addOnIds.map((addOnId) => ({ id: addOnId, name: addOnName.get(addOnId) ?? "Removed add-on" })),
    customerNotes: full.customerNotes,
    staffNotes: full.staffNotes,
    depositCents: full.depositCents,
    cancellationFeeCents: full.cancellationFeeCents,
    cancelReason: full.cancelReason,
    confirmedAt: full.confirmedAt,
    cancelledAt: full.cancelledAt,
    completedAt: full.completedAt,
    createdAt: full.createdAt,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: e.actor,
      actorUserId: e.actorUserId,
      details: (e.details ?? {}) as Record<string, unknown>,
      createdAt: e.createdAt,
    })),
    reminders: reminders.map((r) => {
      const message = r.messageId ? messageById.get(r.messageId) : undefined;
      return {
        id: r.id,
        kind: r.kind,
        offsetMinutes: r.offsetMinutes,
        forStartsAt: r.forStartsAt,
        dueAt: r.dueAt,
        status: r.status,
        statusReason: r.statusReason,
        message: message ? { id: message.id, status: message.status, errorCode: message.errorCode } : null,
      };
    }),
  };
}
