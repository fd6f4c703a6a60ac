// Moving a job without dragging (a phone, a keyboard): a day, a time and who does it. The server
// checks the new time; a refusal shows its reason and the nearest free times as buttons.
import { Button, Dialog, SelectField, SlotRefusalAlert, TextField } from "@servicepro/ui";
import type { AppointmentSummary } from "@servicepro/validators";
import { useState } from "react";
import type { CalendarBookable } from "./calendar-api.ts";
import { dateTimeText, instantAt, localDateOf, timeText, wallMinutesOf } from "./calendar-time.ts";
import { type MoveProblem, useMoveAppointment } from "./use-move.ts";

/** Quarter hours from 6 AM to 9 PM, as minutes after midnight. */
export const QUARTER_HOURS = Array.from({ length: (21 - 6) * 4 + 1 }, (_, i) => 6 * 60 + i * 15);

export const minutesLabel = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = String(minutes % 60).padStart(2, "0");
  return `${h % 12 === 0 ? 12 : h % 12}:${m} ${h < 12 ? "AM" : "PM"}`;
};

export function RescheduleDialog({
  appointment,
  timeZone,
  team,
  onClose,
}: {
  appointment: AppointmentSummary;
  timeZone: string;
  team: CalendarBookable[];
  onClose: () => void;
}) {
  const move = useMoveAppointment();
  const [date, setDate] = useState(localDateOf(new Date(appointment.startsAt), timeZone));
  const [minutes, setMinutes] = useState(wallMinutesOf(appointment.startsAt, timeZone));
  const [bookableId, setBookableId] = useState(appointment.bookable.id);
  const [problem, setProblem] = useState<MoveProblem | null>(null);
  const [saving, setSaving] = useState(false);

  const tryMove = async (startsAt: Date) => {
    setSaving(true);
    const refused = await move(appointment, startsAt, bookableId);
    setSaving(false);
    if (refused) setProblem(refused);
    else onClose();
  };

  const title = `Move ${appointment.customer.name ?? appointment.customer.phone}'s ${appointment.service.name}`;
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      description={`Now ${dateTimeText(appointment.startsAt, timeZone)} with ${appointment.bookable.name}.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Keep it
          </Button>
          <Button variant="primary" loading={saving} onClick={() => void tryMove(instantAt(date, minutes, timeZone))}>
            Move
          </Button>
        </>
      }
    >
      <div className="cal-form">
        <TextField label="Day" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        <SelectField
          label="Time"
          value={String(minutes)}
          onChange={(event) => setMinutes(Number(event.target.value))}
          options={QUARTER_HOURS.map((m) => ({ value: String(m), label: minutesLabel(m) }))}
        />
        <SelectField
          label="Who"
          value={bookableId}
          onChange={(event) => setBookableId(event.target.value)}
          options={team.map((b) => ({ value: b.id, label: b.name }))}
        />
        {problem ? (
          <SlotRefusalAlert
            message={problem.message}
            alternatives={problem.alternatives}
            label={(iso) =>
              localDateOf(new Date(iso), timeZone) === date ? timeText(iso, timeZone) : dateTimeText(iso, timeZone)
            }
            onPick={(iso) => void tryMove(new Date(iso))}
          />
        ) : null}
      </div>
    </Dialog>
  );
}
