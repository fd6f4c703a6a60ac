// Moving an appointment to another open time, and cancelling one: each shows the late-change fee
// before the confirming button, and says what the server stored once it is done.
import { localDateOf } from "@servicepro/scheduling";
import {
  Alert,
  apiErrorMessage,
  Button,
  Dialog,
  Form,
  FormTextAreaField,
  SelectField,
  Spinner,
  useZodForm,
} from "@servicepro/ui";
import { type PortalAppointment, type PortalMe, portalCancelInput } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { dateLabel, timeLabel } from "../customer/portal-format.ts";
import { confirmLabel, LateChangeNotice, useLateChange } from "./late-change.tsx";

export type AppointmentChange = RouterOutputs["portal"]["appointments"]["cancel"];

/** How far ahead the move dialog offers times. */
const MOVE_DAYS = 21;

type DialogProps = {
  slug: string;
  appointment: PortalAppointment;
  business: PortalMe["business"];
  onClose: () => void;
  onDone: (change: AppointmentChange) => void;
};

export function RescheduleDialog({ slug, appointment, business, onClose, onDone }: DialogProps) {
  const trpc = useTRPC();
  const { timeZone } = business;
  const [range] = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + MOVE_DAYS * 86_400_000).toISOString() };
  });
  const availability = useQuery(
    trpc.portal.appointments.availability.queryOptions({ slug, appointmentId: appointment.id, ...range }),
  );
  const startsByDay = useMemo(() => {
    const byDay = new Map<string, string[]>();
    for (const start of availability.data?.starts ?? []) {
      if (start === appointment.startsAt) continue;
      const date = localDateOf(new Date(start), timeZone);
      byDay.set(date, [...(byDay.get(date) ?? []), start]);
    }
    return byDay;
  }, [availability.data, timeZone, appointment.startsAt]);
  const [day, setDay] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const shownDay = day ?? startsByDay.keys().next().value ?? null;
  const reschedule = useMutation(trpc.portal.appointments.reschedule.mutationOptions());
  const { state, run } = useLateChange(appointment);
  const formId = useId();

  const move = async () => {
    if (!startsAt) return;
    const change = await run((acceptFeeCents) =>
      reschedule.mutateAsync({
        slug,
        appointmentId: appointment.id,
        startsAt,
        ...(acceptFeeCents === undefined ? {} : { acceptFeeCents }),
      }),
    );
    if (change) onDone(change);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Move your ${appointment.serviceName}`}
      description={`Now ${dateLabel(appointment.startsAt, timeZone)} at ${timeLabel(appointment.startsAt, timeZone)}. Times are ${business.name}'s local time.`}
      footer={
        state.refused ? (
          <Button type="button" variant="secondary" onClick={onClose}>
            Close
          </Button>
        ) : (
          <>
            <Button type="button" variant="secondary" onClick={onClose}>
              Keep it
            </Button>
            <Button type="submit" form={formId} variant="primary" disabled={!startsAt} loading={reschedule.isPending}>
              {confirmLabel("Move", state.feeCents)}
            </Button>
          </>
        )
      }
    >
      <form
        id={formId}
        className="sp-stack"
        aria-label="Choose a new time"
        onSubmit={(event) => {
          event.preventDefault();
          void move();
        }}
      >
        {state.refused ? null : availability.isPending ? (
          <Spinner label="Finding open times…" />
        ) : availability.isError ? (
          <Alert tone="error">{apiErrorMessage(availability.error)}</Alert>
        ) : startsByDay.size === 0 ? (
          <p className="sp-muted">
            Nothing is open in the next {MOVE_DAYS} days. Call or text {business.name} to move it.
          </p>
        ) : (
          <>
            <SelectField
              label="Day"
              name="day"
              value={shownDay ?? ""}
              onChange={(event) => {
                setDay(event.target.value);
                setStartsAt(null);
              }}
              options={[...startsByDay.keys()].map((date) => ({
                value: date,
                label: dateLabel(startsByDay.get(date)![0]!, timeZone),
              }))}
            />
            <div className="portal-times" role="group" aria-label="Open times">
              {(shownDay ? (startsByDay.get(shownDay) ?? []) : []).map((iso) => (
                <Button
                  key={iso}
                  type="button"
                  variant={startsAt === iso ? "primary" : "secondary"}
                  aria-pressed={startsAt === iso}
                  onClick={() => setStartsAt(iso)}
                >
                  {timeLabel(iso, timeZone)}
                </Button>
              ))}
            </div>
          </>
        )}
        <LateChangeNotice state={state} business={business} action="Moving" />
      </form>
    </Dialog>
  );
}

const cancelForm = portalCancelInput.pick({ reason: true });

export function CancelDialog({ slug, appointment, business, onClose, onDone }: DialogProps) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.portal.appointments.cancel.mutationOptions());
  const { state, run } = useLateChange(appointment);
  const form = useZodForm(cancelForm, { defaultValues: { reason: "" } });
  const formId = useId();

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Cancel your ${appointment.serviceName}?`}
      description={`${dateLabel(appointment.startsAt, business.timeZone)} at ${timeLabel(appointment.startsAt, business.timeZone)}.`}
      footer={
        state.refused ? (
          <Button type="button" variant="secondary" onClick={onClose}>
            Close
          </Button>
        ) : (
          <>
            <Button type="button" variant="secondary" onClick={onClose}>
              Keep it
            </Button>
            <Button type="submit" form={formId} variant="danger" loading={cancel.isPending}>
              {confirmLabel("Cancel", state.feeCents)}
            </Button>
          </>
        )
      }
    >
      <Form
        form={form}
        id={formId}
        className="sp-stack"
        aria-label="Cancel the appointment"
        onSubmit={async ({ reason }) => {
          const change = await run((acceptFeeCents) =>
            cancel.mutateAsync({
              slug,
              appointmentId: appointment.id,
              ...(reason ? { reason } : {}),
              ...(acceptFeeCents === undefined ? {} : { acceptFeeCents }),
            }),
          );
          if (change) onDone(change);
        }}
      >
        {state.refused ? null : <FormTextAreaField name="reason" label="Reason (optional)" rows={2} />}
        <LateChangeNotice state={state} business={business} action="Cancelling" />
      </Form>
    </Dialog>
  );
}
