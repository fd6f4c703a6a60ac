// What the calendar reads from the API, in one place: the team's bookable columns, the business's
// time zone (every position and label is computed in it, never the browser's) and the appointments
// of a range.
import type { AppointmentSummary } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";

export type CalendarBookable = { id: string; name: string; kind: string; color: string };

export function useBookables() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.tenant.team.list.queryOptions(),
    select: (rows): CalendarBookable[] =>
      rows.filter((b) => b.active).map((b) => ({ id: b.id, name: b.name, kind: b.kind, color: b.color })),
  });
}

/** The business's IANA zone (Tenant.timezone), as the booking settings report it. */
export function useBusinessTimeZone() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.tenant.booking.settings.queryOptions(), select: (settings) => settings.timeZone });
}

export function useAppointments(
  range: { from: Date; to: Date },
  bookableId: string | undefined,
  options: { enabled?: boolean; includeCancelled?: boolean } = {},
) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.tenant.appointments.list.queryOptions({
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      bookableId: bookableId ?? null,
      includeCancelled: options.includeCancelled ?? false,
    }),
    enabled: options.enabled ?? true,
    select: (rows): AppointmentSummary[] => rows,
  });
}
