// The time grid: columns (bookables or days) with jobs placed by their local start and length. A
// job is dragged with pointer events: it follows the pointer, snaps to 15 minutes, and on release
// the move is asked of the server; until it answers yes, the job is drawn where the server has it.
import type { AppointmentSummary } from "@servicepro/validators";
import { Link } from "@tanstack/react-router";
import { type PointerEvent as ReactPointerEvent, useRef, useState } from "react";
import { instantAt, timeText, wallMinutesOf } from "./calendar-time.ts";

export type GridColumn = {
  key: string;
  /** The local date the column shows. */
  date: string;
  /** The bookable a job dropped or booked here goes to; null: whoever is free. */
  bookableId: string | null;
  title: string;
  appointments: AppointmentSummary[];
};

const FIRST_HOUR = 6;
const LAST_HOUR = 21;
const PX_PER_MINUTE = 1;
const SNAP_MINUTES = 15;

type Drag = { id: string; pointerId: number; startX: number; startY: number; dx: number; dy: number };

export function DayGrid({
  columns,
  timeZone,
  onMove,
  onBookAt,
  className,
}: {
  columns: GridColumn[];
  timeZone: string;
  onMove: (appointment: AppointmentSummary, startsAt: Date, bookableId: string | null) => Promise<boolean>;
  onBookAt: (column: GridColumn, startsAt: Date) => void;
  className?: string;
}) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const moved = useRef(false);
  const hours = Array.from({ length: LAST_HOUR - FIRST_HOUR }, (_, i) => FIRST_HOUR + i);
  const height = (LAST_HOUR - FIRST_HOUR) * 60 * PX_PER_MINUTE;
  const topOf = (minutes: number) => (minutes - FIRST_HOUR * 60) * PX_PER_MINUTE;
  const snap = (minutes: number) => Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>, a: AppointmentSummary) => {
    if (event.button !== 0 || pending) return;
    moved.current = false;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ id: a.id, pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, dx: 0, dy: 0 });
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (Math.abs(dx) + Math.abs(dy) > 4) moved.current = true;
    setDrag({ ...drag, dx, dy });
  };
  const onPointerUp = async (event: ReactPointerEvent<HTMLElement>, a: AppointmentSummary, from: GridColumn) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { dy } = drag;
    setDrag(null);
    if (!moved.current) return;
    // The column under the pointer (the dragged job itself is not hit-tested: pointer-events none).
    const target = document
      .elementsFromPoint(event.clientX, event.clientY)
      .map((el) => el.closest<HTMLElement>("[data-column]"))
      .find(Boolean);
    const column = columns.find((c) => c.key === target?.dataset.column) ?? from;
    const minutes = snap(wallMinutesOf(a.startsAt, timeZone) + dy / PX_PER_MINUTE);
    const startsAt = instantAt(column.date, minutes, timeZone);
    if (startsAt.getTime() === new Date(a.startsAt).getTime() && column.bookableId === from.bookableId) return;
    setPending(a.id);
    try {
      await onMove(a, startsAt, column.bookableId);
    } finally {
      setPending(null);
    }
  };

  const bookAt = (event: React.MouseEvent<HTMLDivElement>, column: GridColumn) => {
    if (event.target !== event.currentTarget) return;
    const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
    const minutes = Math.floor((FIRST_HOUR * 60 + y / PX_PER_MINUTE) / 30) * 30;
    onBookAt(column, instantAt(column.date, minutes, timeZone));
  };

  // The stylesheet lays the columns out from this custom property.
  const gridStyle: React.CSSProperties & { "--cal-columns": number } = { "--cal-columns": columns.length };
  return (
    <div className={`cal-grid ${className ?? ""}`} style={gridStyle}>
      <div className="cal-grid__head">
        <div className="cal-grid__corner" />
        {columns.map((c) => (
          <div key={c.key} className="cal-grid__title">
            {c.title}
          </div>
        ))}
      </div>
      <div className="cal-grid__body" style={{ height }}>
        <div className="cal-grid__hours" aria-hidden="true">
          {hours.map((h) => (
            <div key={h} className="cal-grid__hour" style={{ top: topOf(h * 60) }}>
              {h === 12 ? "12 PM" : h > 12 ? `${h - 12} PM` : `${h} AM`}
            </div>
          ))}
        </div>
        {columns.map((c) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: empty time is clicked to book; the "Book a job" button is the keyboard way
          // biome-ignore lint/a11y/useKeyWithClickEvents: as above
          <div
            key={c.key}
            className="cal-grid__column"
            data-column={c.key}
            aria-label={`${c.title}: click an empty time to book`}
            onClick={(event) => bookAt(event, c)}
          >
            {c.appointments.map((a) => {
              const start = wallMinutesOf(a.startsAt, timeZone);
              const length = Math.max(20, (new Date(a.endsAt).getTime() - new Date(a.startsAt).getTime()) / 60_000);
              const dragging = drag?.id === a.id;
              return (
                <Link
                  key={a.id}
                  to="/appointments/$appointmentId"
                  params={{ appointmentId: a.id }}
                  className={`cal-job cal-job--${a.status}${dragging ? " cal-job--dragging" : ""}${pending === a.id ? " cal-job--pending" : ""}`}
                  style={{
                    top: topOf(start),
                    height: length * PX_PER_MINUTE,
                    borderLeftColor: a.bookable.color,
                    transform: dragging ? `translate(${drag.dx}px, ${drag.dy}px)` : undefined,
                  }}
                  aria-label={`${timeText(a.startsAt, timeZone)} ${a.customer.name ?? a.customer.phone}, ${a.service.name} (${a.status.replace("_", " ")})`}
                  draggable={false}
                  onPointerDown={(event) => onPointerDown(event, a)}
                  onPointerMove={onPointerMove}
                  onPointerUp={(event) => void onPointerUp(event, a, c)}
                  onPointerCancel={() => setDrag(null)}
                  onClick={(event) => {
                    // A drag ends with a click on the job: it moved, so it is not opened.
                    if (moved.current) event.preventDefault();
                    moved.current = false;
                  }}
                >
                  <span className="cal-job__time">{timeText(a.startsAt, timeZone)}</span>
                  <span className="cal-job__who">{a.customer.name ?? a.customer.phone}</span>
                  <span className="cal-job__what">{a.service.name}</span>
                </Link>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
