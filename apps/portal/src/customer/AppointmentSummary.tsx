import { Badge, type BadgeTone } from "@servicepro/ui";
import type { PortalAppointment } from "@servicepro/validators";
import { dateTimeLabel, STATUS_LABELS } from "./portal-format.ts";

const STATUS_TONES: Record<PortalAppointment["status"], BadgeTone> = {
  booked: "info",
  confirmed: "success",
  completed: "neutral",
  cancelled: "danger",
  no_show: "warning",
};

/** One appointment as the customer reads it: what, on what, when (the business's time), the price. */
export function AppointmentSummary({
  appointment,
  timeZone,
  headingLevel = 3,
}: {
  appointment: PortalAppointment;
  timeZone: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const extras = [appointment.assetLabel, ...appointment.addOnNames.map((name) => `+ ${name}`)].filter(Boolean);
  return (
    <div className="portal-appointment">
      <div className="portal-appointment__top">
        <Heading className="portal-appointment__service">{appointment.serviceName}</Heading>
        <Badge tone={STATUS_TONES[appointment.status]}>{STATUS_LABELS[appointment.status]}</Badge>
      </div>
      <p className="portal-appointment__when">{dateTimeLabel(appointment.startsAt, timeZone)}</p>
      {extras.length > 0 ? <p className="sp-muted">{extras.join(" · ")}</p> : null}
      <p className="sp-muted">{appointment.priceLabel}</p>
      {appointment.rewards.length > 0 ? (
        <p className="portal-appointment__rewards">Reward applied: {appointment.rewards.join(", ")}</p>
      ) : null}
    </div>
  );
}
