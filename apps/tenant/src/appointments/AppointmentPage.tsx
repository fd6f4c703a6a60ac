// /app/appointments/<id>: one job: when, who, what it costs, the customer and their vehicle or
// property, the actions its status allows, the texts sent about it (with delivery status) and its
// history. Everything shown is the server's record; an action refreshes from its answer.
import "../calendar/calendar.css";
import {
  Alert,
  apiErrorCode,
  apiErrorMessage,
  Badge,
  Button,
  Card,
  CheckboxField,
  DescriptionList,
  Dialog,
  LoadErrorAlert,
  PageHeader,
  Spinner,
  TextField,
} from "@servicepro/ui";
import type { AppointmentDetail } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useBookables } from "../calendar/calendar-api.ts";
import { dateTimeText, localDateOf, timeText } from "../calendar/calendar-time.ts";
import { RescheduleDialog } from "../calendar/RescheduleDialog.tsx";
import { STATUS_LABELS, STATUS_TONES } from "./appointment-status.ts";

const route = getRouteApi("/appointments/$appointmentId");

const money = (cents: number) =>
  new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: cents % 100 ? 2 : 0,
  }).format(cents / 100);

export function AppointmentPage() {
  const { appointmentId } = route.useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.tenant.appointments.get.queryOptions({ id: appointmentId }));
  const bookables = useBookables();
  const [dialog, setDialog] = useState<"cancel" | "move" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tenant.appointments.pathKey() });
  const after = { onSuccess: refresh, onError: (error: unknown) => setFailure(apiErrorMessage(error)) };
  const confirm = useMutation(trpc.tenant.appointments.confirm.mutationOptions(after));
  const complete = useMutation(trpc.tenant.appointments.complete.mutationOptions(after));
  const noShow = useMutation(trpc.tenant.appointments.noShow.mutationOptions(after));

  if (detail.isPending) return <Spinner size="lg" label="Loading the appointment…" />;
  if (detail.isError) {
    if (apiErrorCode(detail.error) === "NOT_FOUND" || apiErrorCode(detail.error) === "BAD_REQUEST")
      return (
        <Alert tone="error" title="There's no such appointment">
          It may have been for another business.
        </Alert>
      );
    return (
      <LoadErrorAlert
        title="The appointment couldn't load"
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  const a = detail.data;
  const tz = a.timeZone;
  const who = a.customer.name ?? a.customer.phone;
  return (
    <div className="appt">
      <title>{`${who} · ${a.service.name}`}</title>
      <PageHeader
        title={`${a.service.name} for ${who}`}
        description={`${dateTimeText(a.startsAt, tz)}–${timeText(a.endsAt, tz)} with ${a.bookable.name}`}
        actions={
          <Link
            to="/calendar"
            search={{ date: localDateOf(new Date(a.startsAt), tz) }}
            className="sp-button sp-button--secondary sp-button--md"
          >
            Back to the calendar
          </Link>
        }
      />
      <div className="appt__status">
        <Badge tone={STATUS_TONES[a.status]}>{STATUS_LABELS[a.status]}</Badge>
        {a.cancelReason ? <span className="sp-muted">Reason: {a.cancelReason}</span> : null}
      </div>
      {failure ? <Alert tone="error" title={failure} /> : null}
      <div className="appt__actions" role="group" aria-label="Actions">
        {a.actions.confirm ? (
          <Button variant="secondary" loading={confirm.isPending} onClick={() => confirm.mutate({ id: a.id })}>
            Confirm
          </Button>
        ) : null}
        {a.actions.complete ? (
          <Button variant="primary" loading={complete.isPending} onClick={() => complete.mutate({ id: a.id })}>
            Mark completed
          </Button>
        ) : null}
        {a.actions.noShow ? (
          <Button variant="secondary" loading={noShow.isPending} onClick={() => noShow.mutate({ id: a.id })}>
            No-show
          </Button>
        ) : null}
        {a.actions.reschedule ? (
          <Button variant="secondary" onClick={() => setDialog("move")}>
            Reschedule
          </Button>
        ) : null}
        {a.actions.cancel ? (
          <Button variant="danger" onClick={() => setDialog("cancel")}>
            Cancel appointment
          </Button>
        ) : null}
      </div>

      <div className="appt__cards">
        <Card>
          <h2 className="appt__heading">Job</h2>
          <DescriptionList
            items={[
              { term: "Service", detail: a.service.name },
              { term: "Add-ons", detail: a.addOns.length > 0 ? a.addOns.map((x) => x.name).join(", ") : "None" },
              { term: "Price", detail: a.priceLabel },
              { term: "Duration", detail: `${a.durationMinutes} minutes` },
              ...(a.depositCents > 0 ? [{ term: "Deposit", detail: money(a.depositCents) }] : []),
              ...(a.cancellationFeeCents > 0
                ? [{ term: "Cancellation fee", detail: money(a.cancellationFeeCents) }]
                : []),
              { term: "Notes from the customer", detail: a.customerNotes ?? "None" },
            ]}
          />
        </Card>
        <Card>
          <h2 className="appt__heading">Customer</h2>
          <DescriptionList
            items={[
              { term: "Name", detail: a.customer.name ?? "Not given" },
              { term: "Phone", detail: a.customer.phone },
              { term: a.asset ? "Vehicle or property" : "Asset", detail: a.asset?.label ?? "None given" },
              { term: "Booked by", detail: a.bookedBy.replace("_", " ") },
            ]}
          />
        </Card>
        <Card>
          <h2 className="appt__heading">Texts about this appointment</h2>
          {a.reminders.length === 0 ? (
            <p className="sp-muted">No texts are planned for this appointment.</p>
          ) : (
            <ul className="appt__list">
              {a.reminders.map((r) => (
                <li key={r.id}>
                  <strong>
                    {r.kind === "confirmation"
                      ? "Confirmation"
                      : `Reminder ${Math.round(r.offsetMinutes / 60)} h before`}
                  </strong>{" "}
                  · {r.status === "scheduled" ? `due ${dateTimeText(r.dueAt, tz)}` : r.status}
                  {r.statusReason ? ` (${r.statusReason.replace(/_/g, " ")})` : ""}
                  {r.message
                    ? ` · text ${r.message.status}${r.message.errorCode ? ` (error ${r.message.errorCode})` : ""}`
                    : ""}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="appt__heading">History</h2>
          <ol className="appt__list">
            {a.events.map((e) => (
              <li key={e.id}>
                {dateTimeText(e.createdAt, tz)}: {e.kind.replace("_", " ")} by {e.actor.replace("_", " ")}
                {typeof e.details.reason === "string" ? ` (${e.details.reason})` : ""}
              </li>
            ))}
          </ol>
        </Card>
      </div>

      {dialog === "cancel" ? (
        <CancelDialog appointment={a} onDone={() => void refresh()} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === "move" && bookables.data ? (
        <RescheduleDialog
          appointment={a}
          timeZone={tz}
          team={bookables.data}
          onClose={() => {
            setDialog(null);
            void refresh();
          }}
        />
      ) : null}
    </div>
  );
}

function CancelDialog({
  appointment,
  onDone,
  onClose,
}: {
  appointment: AppointmentDetail;
  onDone: () => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [waiveFee, setWaiveFee] = useState(false);
  const cancel = useMutation(trpc.tenant.appointments.cancel.mutationOptions());
  const hoursLeft = (new Date(appointment.startsAt).getTime() - Date.now()) / 3_600_000;
  return (
    <Dialog
      open
      onClose={onClose}
      title="Cancel this appointment?"
      description={`${appointment.service.name} for ${appointment.customer.name ?? appointment.customer.phone}, ${dateTimeText(appointment.startsAt, appointment.timeZone)}.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Keep it
          </Button>
          <Button
            variant="danger"
            loading={cancel.isPending}
            onClick={() =>
              cancel.mutate(
                { id: appointment.id, reason: reason || null, waiveFee },
                {
                  onSuccess: () => {
                    onDone();
                    onClose();
                  },
                },
              )
            }
          >
            Cancel appointment
          </Button>
        </>
      }
    >
      <div className="cal-form">
        <TextField label="Reason (optional)" value={reason} onChange={(event) => setReason(event.target.value)} />
        <p className="sp-muted">
          {hoursLeft > 0
            ? `It starts in ${Math.round(hoursLeft)} hours. Inside your cancellation window, your policy's fee is recorded unless you waive it.`
            : "It has already started."}
        </p>
        <CheckboxField
          label="Waive the cancellation fee"
          checked={waiveFee}
          onChange={(e) => setWaiveFee(e.target.checked)}
        />
        {cancel.isError ? <Alert tone="error" title={apiErrorMessage(cancel.error)} /> : null}
      </div>
    </Dialog>
  );
}
