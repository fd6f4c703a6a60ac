// What the calendar reads from the API, in one place: the team's bookable columns and the
// appointments of a range (with the business's time zone, which every position is computed in).
import type { AppointmentSummary } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";

export type CalendarBookable = { id: string; name: string; kind: string; color: string };

export function useBookables() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.tenant.team.bookables.queryOptions(),
    select: (rows): CalendarBookable[] =>
      rows.filter((b) => b.active).map((b) => ({ id: b.id, name: b.name, kind: b.kind, color: b.color })),
  });
}

export function useAppointments(range: { from: Date; to: Date }, bookableId: string | undefined) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.tenant.appointments.list.queryOptions({
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      bookableId: bookableId ?? null,
    }),
    select: (data): { timeZone: string; appointments: AppointmentSummary[] } => data,
  });
}
