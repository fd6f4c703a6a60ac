// How an appointment's status reads and looks, wherever it is shown (detail page, today's jobs).
import type { AppointmentStatus } from "@servicepro/validators";

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: "Booked",
  confirmed: "Confirmed",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};

export const STATUS_TONES = {
  booked: "info",
  confirmed: "success",
  completed: "neutral",
  cancelled: "danger",
  no_show: "warning",
} as const satisfies Record<AppointmentStatus, string>;
