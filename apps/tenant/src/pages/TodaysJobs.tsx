// The overview's "Today's jobs": every appointment of the business's current day (in its zone, not
// the browser's), earliest first, with its status as the server last recorded it and a link to it.
import "./todays-jobs.css";
import { Badge, Card, LoadErrorAlert, Spinner } from "@servicepro/ui";
import { Link } from "@tanstack/react-router";
import { useMemo } from "react";
import { STATUS_LABELS, STATUS_TONES } from "../appointments/appointment-status.ts";
import { useAppointments, useBusinessTimeZone } from "../calendar/calendar-api.ts";
import { dateText, localDateOf, localDayRange, timeText } from "../calendar/calendar-time.ts";

export function TodaysJobs() {
  const zone = useBusinessTimeZone();
  const timeZone = zone.data;
  const today = timeZone ? localDateOf(Date.now(), timeZone) : null;
  const range = useMemo(() => {
    if (!timeZone || !today) return { from: new Date(0), to: new Date(0) };
    const day = localDayRange(today, timeZone);
    return { from: day.start, to: day.end };
  }, [timeZone, today]);
  // Cancelled jobs stay listed (marked so): a job that fell through today is worth seeing.
  const jobs = useAppointments(range, undefined, { enabled: Boolean(timeZone), includeCancelled: true });

  const failed = zone.isError ? zone : jobs.isError ? jobs : null;
  return (
    <Card
      title="Today's jobs"
      description={timeZone && today ? `${dateText(today, timeZone)}, ${timeZone.replace(/_/g, " ")} time` : undefined}
      actions={
        <Link
          to="/calendar"
          search={today ? { date: today } : {}}
          className="sp-button sp-button--secondary sp-button--sm"
        >
          Open the calendar
        </Link>
      }
    >
      {failed ? (
        <LoadErrorAlert
          title="Today's jobs couldn't load"
          error={failed.error}
          onRetry={() => void failed.refetch()}
          retrying={failed.isFetching}
        />
      ) : !timeZone || jobs.isPending || !jobs.data ? (
        <Spinner label="Loading today's jobs…" />
      ) : jobs.data.length === 0 ? (
        <p className="sp-muted">No jobs booked for today.</p>
      ) : (
        <ul className="today-jobs" aria-label="Today's jobs">
          {jobs.data.map((job) => (
            <li key={job.id} className="today-jobs__item">
              <Link to="/appointments/$appointmentId" params={{ appointmentId: job.id }} className="today-jobs__link">
                <span className="today-jobs__when">
                  {timeText(job.startsAt, timeZone)}–{timeText(job.endsAt, timeZone)}
                </span>
                <span className="today-jobs__what">
                  <strong>{job.customer.name ?? job.customer.phone}</strong>
                  <span className="sp-muted">
                    {job.service.name} · {job.bookable.name}
                  </span>
                </span>
                <Badge tone={STATUS_TONES[job.status]}>{STATUS_LABELS[job.status]}</Badge>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
