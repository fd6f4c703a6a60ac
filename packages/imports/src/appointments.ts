// Appointments from the old system, past and future. A past one is imported completed, with its
// price, and counts as a visit the way a completed booking does (packages/booking completes: visit
// count + 1, lifetime spend + price, last visit = the latest start); a future one is booked. Each
// goes on the first active bookable free at that time (the calendar refuses two at once on one
// bookable); one that fits nowhere is rejected with that reason. The service is matched by name
// (case-blind), else the business's first service, said in the row's report. Imported future
// appointments get no reminder texts queued (the business confirms them as it did before).
import { randomUUID } from "node:crypto";
import type { SqlExecutor } from "@servicepro/db";
import type { BatchContext, PreparedRow, RowReport } from "./customers.ts";
import { type CustomerRef, freshRows, notFound, readRef, recordKeys, resolveCustomers } from "./kinds.ts";
import { cells, type ImportOptions, type RowResult, readDate, readMoney, readWholeNumber } from "./normalize.ts";
import type { Mapping } from "./presets.ts";

export type AppointmentRow = CustomerRef & {
  appointmentId: string | null;
  startsAt: string;
  durationMinutes: number | null;
  service: string | null;
  priceCents: number | null;
  notes: string | null;
};

export function normalizeAppointment(
  row: Record<string, string | undefined>,
  mapping: Mapping,
  options: ImportOptions,
): RowResult<AppointmentRow> {
  const errors: string[] = [];
  const ref = readRef(row, mapping, options, errors);
  const startCell = cells(row, mapping, "startsAt").join(" ");
  const start = startCell ? readDate(startCell, options) : null;
  if (!startCell) errors.push("This appointment has no date.");
  else if (start && !start.ok) errors.push(start.error);
  const durationCell = cells(row, mapping, "durationMinutes")[0];
  let duration: number | null = null;
  if (durationCell) {
    const read = readWholeNumber(durationCell, "Duration");
    if (!read.ok) errors.push(read.error);
    else if (read.value <= 0 || read.value > 24 * 60)
      errors.push(`Duration ${durationCell} should be minutes between 1 and 1440.`);
    else duration = read.value;
  }
  const priceCell = cells(row, mapping, "price")[0];
  let price: number | null = null;
  if (priceCell) {
    const read = readMoney(priceCell);
    if (read.ok) price = read.value;
    else errors.push(read.error);
  }
  if (errors.length > 0 || !start?.ok) return { ok: false, errors };
  return {
    ok: true,
    warnings: [],
    row: {
      ...ref,
      appointmentId: cells(row, mapping, "externalId")[0] ?? null,
      startsAt: start.value.toISOString(),
      durationMinutes: duration,
      service: cells(row, mapping, "service")[0]?.slice(0, 200) ?? null,
      priceCents: price,
      notes: cells(row, mapping, "notes").join("\n").slice(0, 2000) || null,
    },
  };
}

type Range = { start: number; end: number };
const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

export async function applyAppointmentBatch(
  sql: SqlExecutor,
  context: BatchContext,
  rows: readonly PreparedRow<AppointmentRow>[],
  now: Date,
): Promise<RowReport[]> {
  const { tenantId } = context;
  const reports = new Map<number, RowReport>();
  const fresh = await freshRows(sql, context, "appointments", rows, reports);
  const services = await sql.query<{ id: string; name: string; duration_minutes: number }>(
    `SELECT id, name, duration_minutes FROM services WHERE tenant_id = $1 ORDER BY active DESC, position, created_at, id`,
    [tenantId],
  );
  const bookables = await sql.query<{ id: string; name: string }>(
    `SELECT id, name FROM bookables WHERE tenant_id = $1 AND active ORDER BY position, created_at, id`,
    [tenantId],
  );
  if (!services[0] || bookables.length === 0) {
    const why = !services[0]
      ? "This business has no services yet: add at least one service, then import appointments."
      : "This business has no active staff or resource to book: add one, then import appointments.";
    for (const r of fresh) reports.set(r.row, { row: r.row, outcome: "rejected", messages: [why] });
    return rows.map((r) => reports.get(r.row) as RowReport);
  }
  const serviceByName = new Map(services.map((s) => [s.name.trim().toLowerCase(), s]));
  const customers = await resolveCustomers(sql, tenantId, fresh);

  // Where every row would sit, then what already sits there.
  const planned = fresh.map((r) => {
    const service = (r.data.service && serviceByName.get(r.data.service.trim().toLowerCase())) || services[0]!;
    const minutes = r.data.durationMinutes ?? service.duration_minutes;
    const start = Date.parse(r.data.startsAt);
    return { r, service, minutes, range: { start, end: start + minutes * 60_000 } };
  });
  const taken = new Map<string, Range[]>(bookables.map((b) => [b.id, []]));
  if (planned.length > 0) {
    const from = new Date(Math.min(...planned.map((p) => p.range.start))).toISOString();
    const to = new Date(Math.max(...planned.map((p) => p.range.end))).toISOString();
    for (const a of await sql.query<{ bookable_id: string; starts_at: Date; blocks_until: Date }>(
      `SELECT bookable_id, starts_at, blocks_until FROM appointments
        WHERE tenant_id = $1 AND status <> 'cancelled' AND starts_at < $3::timestamptz AND blocks_until > $2::timestamptz`,
      [tenantId, from, to],
    ))
      taken.get(a.bookable_id)?.push({ start: +new Date(a.starts_at), end: +new Date(a.blocks_until) });
  }

  const inserts: Record<string, unknown>[] = [];
  const visits = new Map<string, { count: number; spend: number; last: string }>();
  for (const { r, service, minutes, range } of planned) {
    const customer = customers.get(r.row);
    if (!customer) {
      reports.set(r.row, { row: r.row, outcome: "rejected", messages: [notFound(r.data)] });
      continue;
    }
    const bookable = bookables.find((b) => !(taken.get(b.id) ?? []).some((t) => overlaps(t, range)));
    if (!bookable) {
      reports.set(r.row, {
        row: r.row,
        outcome: "rejected",
        messages: [
          `Every staff member or resource is already booked at ${r.data.startsAt.slice(0, 16).replace("T", " ")} UTC: the calendar can't hold it. Add a staff member or resource, or fix the time.`,
        ],
      });
      continue;
    }
    taken.get(bookable.id)?.push(range);
    const past = range.end <= now.getTime();
    const id = randomUUID();
    const endsAt = new Date(range.end).toISOString();
    inserts.push({
      id,
      customer_id: customer.id,
      service_id: service.id,
      bookable_id: bookable.id,
      starts_at: r.data.startsAt,
      ends_at: endsAt,
      duration_minutes: minutes,
      price_cents: r.data.priceCents,
      status: past ? "completed" : "booked",
      completed_at: past ? endsAt : null,
      notes: r.data.notes,
    });
    if (past) {
      const v = visits.get(customer.id) ?? { count: 0, spend: 0, last: r.data.startsAt };
      v.count++;
      v.spend += r.data.priceCents ?? 0;
      if (r.data.startsAt > v.last) v.last = r.data.startsAt;
      visits.set(customer.id, v);
    }
    const matched = r.data.service && serviceByName.has(r.data.service.trim().toLowerCase());
    reports.set(r.row, {
      row: r.row,
      outcome: "created",
      entityId: id,
      messages: [
        `${past ? "Completed" : "Booked"} ${service.name} with ${bookable.name}.`,
        ...(r.data.service && !matched
          ? [`No service is named "${r.data.service}"; filed under ${service.name}.`]
          : []),
      ],
    });
  }
  if (inserts.length > 0)
    await sql.query(
      `INSERT INTO appointments (tenant_id, id, customer_id, service_id, bookable_id, starts_at, ends_at, blocks_until,
                                 status, duration_minutes, price_cents, staff_notes, booked_by, completed_at, updated_at)
       SELECT $1, r.id, r.customer_id, r.service_id, r.bookable_id, r.starts_at, r.ends_at, r.ends_at,
              r.status::appointment_status, r.duration_minutes, r.price_cents, r.notes, 'import', r.completed_at, now()
         FROM json_to_recordset($2::json) AS r(id uuid, customer_id uuid, service_id uuid, bookable_id uuid,
              starts_at timestamptz, ends_at timestamptz, status text, duration_minutes int, price_cents int,
              notes text, completed_at timestamptz)`,
      [tenantId, JSON.stringify(inserts)],
    );
  if (visits.size > 0)
    await sql.query(
      `UPDATE customers c SET visit_count = c.visit_count + r.count, lifetime_spend_cents = c.lifetime_spend_cents + r.spend,
              last_visit_at = GREATEST(c.last_visit_at, r.last), updated_at = now()
         FROM json_to_recordset($2::json) AS r(id uuid, count int, spend int, last timestamptz)
        WHERE c.tenant_id = $1 AND c.id = r.id`,
      [tenantId, JSON.stringify([...visits].map(([id, v]) => ({ id, ...v })))],
    );
  await recordKeys(
    sql,
    context,
    "appointments",
    fresh.flatMap((r) => {
      const report = reports.get(r.row);
      return report?.outcome === "created" && report.entityId ? [{ key: r.key, entity_id: report.entityId }] : [];
    }),
  );
  return rows.map((r) => reports.get(r.row) as RowReport);
}
