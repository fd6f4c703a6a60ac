// "Reply C to confirm, R to reschedule": what an inbound text does to the customer's next reminded
// appointment. Runs inside intake's tenant transaction, after consent (STOP and HELP come first).
import { confirmAppointment } from "@servicepro/booking";
import type { TenantTx } from "@servicepro/db";
import { formatLocal } from "@servicepro/scheduling";
import { classifyAppointmentReply, smsTexts } from "@servicepro/telephony";
import type { Outbox } from "./types.ts";

/** A reply counts for an appointment at most this far ahead (the longest reminder offset allowed). */
const REPLY_HORIZON_MS = 7 * 24 * 60 * 60_000;

export type AppointmentReplyResult = {
  /** The confirmation or rescheduling reply queued, if any. */
  queued: string[];
  /** Reminder jobs the confirmation asked for (queued after commit). */
  reminderIds: string[];
  handled: "confirmed" | "reschedule" | null;
};

/**
 * The next live appointment (booked or confirmed, not yet started, within the horizon) that the
 * customer was texted about: a confirmation or reminder went out for its current start.
 */
async function remindedAppointment(tx: TenantTx, customerId: string, now: Date) {
  const next = await tx.appointment.findFirst({
    where: {
      customerId,
      status: { in: ["booked", "confirmed"] },
      startsAt: { gt: now, lte: new Date(now.getTime() + REPLY_HORIZON_MS) },
    },
    orderBy: { startsAt: "asc" },
    select: { id: true, status: true, startsAt: true, service: { select: { name: true } } },
  });
  if (!next) return null;
  const texted = await tx.appointmentReminder.findFirst({
    where: { appointmentId: next.id, status: "sent", forStartsAt: next.startsAt },
    select: { id: true },
  });
  return texted ? next : null;
}

export async function handleAppointmentReply(
  tx: TenantTx,
  deps: { outbox: Outbox; publicBaseUrl: string },
  input: {
    body: string;
    sid: string;
    customerId: string;
    conversationId: string;
    tenant: { name: string; slug: string; timezone: string };
    now: Date;
  },
): Promise<AppointmentReplyResult> {
  const none: AppointmentReplyResult = { queued: [], reminderIds: [], handled: null };
  const reply = classifyAppointmentReply(input.body);
  if (!reply) return none;
  const appointment = await remindedAppointment(tx, input.customerId, input.now);
  if (!appointment) return none;

  let text: string;
  let reminderIds: string[] = [];
  if (reply === "confirm") {
    const change = await confirmAppointment(tx, { id: appointment.id, actor: { kind: "customer" }, now: input.now });
    reminderIds = change.reminderIds;
    text = smsTexts.appointmentConfirmed(
      input.tenant.name,
      appointment.service.name,
      formatLocal(appointment.startsAt, input.tenant.timezone, "dateTime"),
    );
  } else {
    // Nothing changes on the calendar: the business follows up (the text stays unread in the inbox).
    text = smsTexts.appointmentReschedule(input.tenant.name, `${deps.publicBaseUrl}/book/${input.tenant.slug}`);
  }
  const queued = await deps.outbox.queueSms(tx, {
    conversationId: input.conversationId,
    body: text,
    kind: "appointment_reply",
    purposeKey: `appointment_reply:${input.sid}`,
  });
  return {
    queued: queued.status === "queued" ? [queued.message.id] : [],
    reminderIds,
    handled: reply === "confirm" ? "confirmed" : "reschedule",
  };
}
