// /app/calendar: the business's jobs by team member or resource, in the business's time zone.
// Day view: a column per bookable; week view: a column per day (one bookable, or everyone's jobs in
// their colours). Drag a job to move it (the server checks the new time like any booking; a refusal
// snaps it back and says why); click an empty stretch to book there. On a phone the same day is an
// agenda list with buttons instead of dragging.
import "./calendar.css";
import { Button, LoadErrorAlert, PageHeader, SelectField, SlotRefusalAlert, Spinner } from "@servicepro/ui";
import type { AppointmentSummary } from "@servicepro/validators";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { BookingDialog, type BookingDraft } from "./BookingDialog.tsx";
import { type CalendarBookable, useAppointments, useBookables, useBusinessTimeZone } from "./calendar-api.ts";
import { addLocalDays, dateText, localDateOf, localDayRange, timeText, weekStart } from "./calendar-time.ts";
import { DayGrid, type GridColumn } from "./DayGrid.tsx";
import { RescheduleDialog } from "./RescheduleDialog.tsx";
import { type MoveProblem, useMoveAppointment } from "./use-move.ts";

const route = getRouteApi("/calendar");

export function CalendarPage() {
  const zone = useBusinessTimeZone();
  if (zone.isPending) return <Spinner size="lg" label="Loading the calendar…" />;
  if (zone.isError) {
    return (
      <LoadErrorAlert
        title="The calendar couldn't load"
        error={zone.error}
        onRetry={() => void zone.refetch()}
        retrying={zone.isFetching}
      />
    );
  }
  return <Calendar timeZone={zone.data} />;
}

/** The calendar once the business's zone is known: the dates, the range and every position depend on it. */
function Calendar({ timeZone }: { timeZone: string }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const view = search.view ?? "day";
  const date = search.date ?? localDateOf(Date.now(), timeZone);
  const days =
    view === "week"
      ? Array.from({ length: 7 }, (_, i) => addLocalDays(weekStart(date, timeZone), i, timeZone))
      : [date];
  const first = days[0]!;
  const last = days.at(-1)!;
  const range = useMemo(
    () => ({ from: localDayRange(first, timeZone).start, to: localDayRange(last, timeZone).end }),
    [first, last, timeZone],
  );
  const bookables = useBookables();
  const appointments = useAppointments(range, view === "week" ? search.bookable : undefined);

  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [moving, setMoving] = useState<AppointmentSummary | null>(null);
  const move = useMoveAppointment();
  const [problem, setProblem] = useState<MoveProblem | null>(null);

  const go = (next: { view?: "day" | "week"; date?: string; bookable?: string | undefined }) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }) });

  if (bookables.isPending || appointments.isPending) return <Spinner size="lg" label="Loading the calendar…" />;
  if (bookables.isError || appointments.isError) {
    const failed = bookables.isError ? bookables : appointments;
    return (
      <LoadErrorAlert
        title="The calendar couldn't load"
        error={failed.error}
        onRetry={() => void failed.refetch()}
        retrying={failed.isFetching}
      />
    );
  }

  const visible = appointments.data.filter((a) => a.status !== "cancelled");
  const onDay = (day: string) => visible.filter((a) => localDateOf(new Date(a.startsAt), timeZone) === day);
  const team: CalendarBookable[] = bookables.data;
  const columns: GridColumn[] =
    view === "day"
      ? team.map((b) => ({
          key: b.id,
          date,
          bookableId: b.id,
          title: b.name,
          appointments: onDay(date).filter((a) => a.bookable.id === b.id),
        }))
      : days.map((day) => ({
          key: day,
          date: day,
          bookableId: search.bookable ?? null,
          title: dateText(day, timeZone).replace(/,.*/, "") + ` ${Number(day.slice(8, 10))}`,
          appointments: onDay(day).filter((a) => !search.bookable || a.bookable.id === search.bookable),
        }));

  const tryMove = async (appointment: AppointmentSummary, startsAt: Date, bookableId: string | null) => {
    setProblem(null);
    const refused = await move(appointment, startsAt, bookableId);
    if (refused) setProblem(refused);
    return refused === null;
  };

  const step = view === "week" ? 7 : 1;
  return (
    <div className="cal">
      <PageHeader
        title="Calendar"
        description={`${view === "week" ? `Week of ${dateText(days[0]!, timeZone)}` : dateText(date, timeZone)} · times in ${timeZone.replace(/_/g, " ")}`}
        actions={
          <Button
            variant="primary"
            onClick={() => setDraft({ date, startsAt: null, bookableId: search.bookable ?? null })}
          >
            Book a job
          </Button>
        }
      />
      <div className="cal__toolbar">
        <div className="cal__nav" role="group" aria-label="Dates">
          <Button size="sm" variant="secondary" onClick={() => go({ date: addLocalDays(date, -step, timeZone) })}>
            {view === "week" ? "Previous week" : "Previous day"}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => go({ date: localDateOf(Date.now(), timeZone) })}>
            Today
          </Button>
          <Button size="sm" variant="secondary" onClick={() => go({ date: addLocalDays(date, step, timeZone) })}>
            {view === "week" ? "Next week" : "Next day"}
          </Button>
        </div>
        <div className="cal__view" role="group" aria-label="View">
          <Button
            size="sm"
            variant={view === "day" ? "primary" : "secondary"}
            aria-pressed={view === "day"}
            onClick={() => go({ view: "day" })}
          >
            Day
          </Button>
          <Button
            size="sm"
            variant={view === "week" ? "primary" : "secondary"}
            aria-pressed={view === "week"}
            onClick={() => go({ view: "week" })}
          >
            Week
          </Button>
        </div>
        {view === "week" ? (
          <SelectField
            label="Team member or resource"
            fieldClassName="cal__who"
            value={search.bookable ?? ""}
            onChange={(event) => go({ bookable: event.target.value || undefined })}
            options={[{ value: "", label: "Everyone" }, ...team.map((b) => ({ value: b.id, label: b.name }))]}
          />
        ) : null}
      </div>

      {problem ? (
        <SlotRefusalAlert
          message={problem.message}
          alternatives={problem.alternatives}
          label={(iso) => {
            const day = localDateOf(new Date(iso), timeZone);
            const sameDay = day === localDateOf(new Date(problem.appointment.startsAt), timeZone);
            return `Move to ${timeText(iso, timeZone)}${sameDay ? "" : `, ${dateText(day, timeZone)}`}`;
          }}
          onPick={(iso) => void tryMove(problem.appointment, new Date(iso), problem.bookableId)}
        />
      ) : null}

      <DayGrid
        className="cal__grid"
        columns={columns}
        timeZone={timeZone}
        onMove={tryMove}
        onBookAt={(column, startsAt) => setDraft({ date: column.date, startsAt, bookableId: column.bookableId })}
      />

      <section className="cal__agenda" aria-label={`Jobs on ${dateText(date, timeZone)}`}>
        <h2 className="cal__agenda-title">{dateText(date, timeZone)}</h2>
        {onDay(date).length === 0 ? <p className="sp-muted">No jobs booked.</p> : null}
        <ul className="cal__agenda-list">
          {onDay(date).map((a) => (
            <li key={a.id} className="cal__agenda-item" style={{ borderLeftColor: a.bookable.color }}>
              <div className="cal__agenda-when">
                {timeText(a.startsAt, timeZone)}–{timeText(a.endsAt, timeZone)}
              </div>
              <div>
                <strong>{a.customer.name ?? a.customer.phone}</strong> · {a.service.name}
              </div>
              <div className="sp-muted">
                {a.bookable.name}
                {a.asset ? ` · ${a.asset.label}` : ""} · {a.priceLabel}
              </div>
              <div className="cal__agenda-actions">
                <Link
                  to="/appointments/$appointmentId"
                  params={{ appointmentId: a.id }}
                  className="sp-button sp-button--secondary sp-button--sm"
                >
                  Open
                </Link>
                <Button size="sm" variant="secondary" onClick={() => setMoving(a)}>
                  Move
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </section>

      {draft ? <BookingDialog draft={draft} timeZone={timeZone} team={team} onClose={() => setDraft(null)} /> : null}
      {moving ? (
        <RescheduleDialog appointment={moving} timeZone={timeZone} team={team} onClose={() => setMoving(null)} />
      ) : null}
    </div>
  );
}
