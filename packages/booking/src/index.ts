/**
 * @servicepro/booking: the booking domain service over a tenant transaction (`TenantTx`), shared by
 * the tRPC routers and, later, the SMS agent. The pure rules (hours, grid, lead time, clashes) are
 * @servicepro/scheduling's; this package loads what they need (one indexed query for the busy
 * list), writes appointments and their history, and turns refusals into AppErrors:
 * - a start the schedule refuses: 400 with `reason` `{ code: "SLOT_UNAVAILABLE", reason, alternatives }`;
 * - a start someone else has (found by the check, or refused by the database's exclusion
 *   constraint when two bookings race): 409 `{ code: "SLOT_TAKEN", reason: "taken", alternatives }`;
 * - an unknown service, customer, asset, bookable or appointment (other tenants' rows are
 *   invisible): 404; a status that does not allow the change: 400.
 * Every mutation writes an AppointmentEvent and calls `syncReminders` in the same transaction and
 * returns the reminder ids whose jobs the caller enqueues after commit.
 */
export {
  type Actor,
  type AppointmentChange,
  allowedActions,
  appointmentNotFound,
  type CancelArgs,
  type CompleteArgs,
  type ConfirmArgs,
  type CreateAppointmentArgs,
  cancelAppointment,
  completeAppointment,
  confirmAppointment,
  createAppointment,
  markNoShow,
  type NoShowArgs,
  type RescheduleArgs,
  rescheduleAppointment,
} from "./appointments.ts";
export {
  type BookableView,
  type BookingContext,
  type BookingSettingsView,
  isOnline,
  loadBookingContext,
  loadBusy,
  rulesFor,
} from "./context.ts";
export { type Job, type JobRequest, loadJob, type SizeAdjustment, serviceNotFound, sizeAdjustmentsOf } from "./job.ts";
export {
  cadencesOf,
  enqueueRebookReminders,
  inSeason,
  loadRebookCadences,
  type RebookReminderJob,
  type RebookReminderQueue,
  rebookCadenceFor,
  rebookDueAt,
  scheduleRebookReminder,
} from "./rebook-reminders.ts";
export { enqueueReminders, type ReminderJob, type ReminderQueue, syncReminders } from "./reminders.ts";
export {
  enqueueReviewRequests,
  type ReviewRequestJob,
  type ReviewRequestQueue,
  scheduleReviewRequest,
} from "./review-requests.ts";
export {
  type CancelSeriesArgs,
  type CreateSeriesArgs,
  cancelSeries,
  createSeries,
  type SeriesResult,
  type SkippedVisit,
  seriesStarts,
} from "./series.ts";
export {
  type Availability,
  type AvailabilityRequest,
  bookableNotFound,
  checkSlot,
  getAvailability,
  isDoubleBooking,
  justTaken,
  slotRefusal,
} from "./slots.ts";
export {
  type AppointmentDetailRow,
  type AppointmentRow,
  appointmentDetail,
  appointmentRow,
  listAppointments,
} from "./views.ts";
