// /portal/<slug>/appointments: upcoming first (each can be moved or cancelled within the business's
// policy), then past ones. After a change, the list is the server's again and a line says what it stored.
import { Alert, Button, LoadErrorAlert, Spinner } from "@servicepro/ui";
import type { PortalAppointment } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AppointmentSummary } from "../customer/AppointmentSummary.tsx";
import { usePortalMe, usePortalSlug } from "../customer/portal-context.ts";
import { dateTimeLabel, formatCents, phoneLabel } from "../customer/portal-format.ts";
import { type AppointmentChange, CancelDialog, RescheduleDialog } from "./ChangeDialogs.tsx";

type Open = { kind: "move" | "cancel"; appointment: PortalAppointment } | null;

export function AppointmentsPage() {
  const slug = usePortalSlug();
  const me = usePortalMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.portal.appointments.list.queryOptions({ slug }));
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<{ kind: "move" | "cancel"; change: AppointmentChange } | null>(null);
  const { business } = me;

  const finished = async (kind: "move" | "cancel", change: AppointmentChange) => {
    setOpen(null);
    setDone({ kind, change });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.portal.appointments.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.portal.me.queryKey({ slug }) }),
    ]);
  };

  const timeZone = list.data?.timeZone ?? business.timeZone;
  const item = (appointment: PortalAppointment, actions: boolean) => (
    <li key={appointment.id} className="portal-item">
      <AppointmentSummary appointment={appointment} timeZone={timeZone} />
      {actions && appointment.lateChangeRefused && (appointment.canReschedule || appointment.canCancel) ? (
        <p className="sp-muted">
          To change it now, call {business.name}
          {business.phone ? (
            <>
              {" "}
              at <a href={`tel:${business.phone}`}>{phoneLabel(business.phone)}</a>
            </>
          ) : null}
          .
        </p>
      ) : actions && (appointment.canReschedule || appointment.canCancel) ? (
        <div className="portal-actions">
          {appointment.canReschedule ? (
            <Button type="button" size="sm" variant="secondary" onClick={() => setOpen({ kind: "move", appointment })}>
              Move
            </Button>
          ) : null}
          {appointment.canCancel ? (
            <Button type="button" size="sm" variant="ghost" onClick={() => setOpen({ kind: "cancel", appointment })}>
              Cancel
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );

  return (
    <>
      <title>{`Appointments · ${business.name}`}</title>
      <h1 className="portal-page__title">Appointments</h1>
      {done ? (
        <Alert tone="success" title={done.kind === "move" ? "Moved" : "Cancelled"}>
          {done.kind === "move"
            ? `Your ${done.change.appointment.serviceName} is now ${dateTimeLabel(done.change.appointment.startsAt, timeZone)}.`
            : `Your ${done.change.appointment.serviceName} on ${dateTimeLabel(done.change.appointment.startsAt, timeZone)} is cancelled.`}
          {done.change.feeCents > 0 ? ` A late-change fee of ${formatCents(done.change.feeCents)} applies.` : ""}
        </Alert>
      ) : null}
      {list.isPending ? (
        <Spinner label="Loading your appointments…" />
      ) : list.isError ? (
        <LoadErrorAlert
          title="Your appointments couldn't load"
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : (
        <>
          <section className="portal-section" aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading" className="portal-section__title">
              Upcoming
            </h2>
            {list.data.upcoming.length === 0 ? (
              <p className="sp-muted">Nothing booked. Book again from your home page.</p>
            ) : (
              <ul className="portal-list">{list.data.upcoming.map((a) => item(a, true))}</ul>
            )}
            {business.cancellationFeeCents > 0 ? (
              <p className="sp-muted">
                Moving or cancelling less than {business.cancellationWindowHours} hours before costs{" "}
                {formatCents(business.cancellationFeeCents)}.
              </p>
            ) : null}
          </section>
          <section className="portal-section" aria-labelledby="past-heading">
            <h2 id="past-heading" className="portal-section__title">
              Past
            </h2>
            {list.data.past.length === 0 ? (
              <p className="sp-muted">No past appointments yet.</p>
            ) : (
              <ul className="portal-list">{list.data.past.map((a) => item(a, false))}</ul>
            )}
          </section>
        </>
      )}
      {open?.kind === "move" ? (
        <RescheduleDialog
          slug={slug}
          appointment={open.appointment}
          business={business}
          onClose={() => setOpen(null)}
          onDone={(change) => void finished("move", change)}
        />
      ) : open?.kind === "cancel" ? (
        <CancelDialog
          slug={slug}
          appointment={open.appointment}
          business={business}
          onClose={() => setOpen(null)}
          onDone={(change) => void finished("cancel", change)}
        />
      ) : null}
    </>
  );
}
