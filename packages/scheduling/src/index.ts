/**
 * @servicepro/scheduling: when a job can be booked. Pure: the caller passes the business's booking
 * rules, the service's rule (duration already totalled by `priceAndDuration`), the staff and their
 * time off, the existing appointments and "now"; nothing is read from a clock, a database or the
 * process's time zone.
 *
 * - `availableStarts` lists every bookable start in [from, to) with the staff members free for it;
 *   `checkStart` says whether one start can be booked, or the first reason it cannot (in
 *   `UNAVAILABLE_REASONS` order), a sentence for the person, and the nearest starts that can.
 * - Times are local to `rules.timeZone` through @date-fns/tz. The grid is wall-clock: a start is on
 *   it when its local time is a multiple of `slotIntervalMinutes` after midnight, so a 9 a.m. slot is
 *   9 a.m. on both sides of a daylight-saving change; 02:30 on a spring-forward day does not exist,
 *   and 01:30 on a fall-back day is offered twice (two instants an hour apart).
 * - A job must fit inside one opening range of its local day (touching ranges count as one), of the
 *   business and of the staff member's own hours. It blocks the member for its duration plus
 *   `bufferMinutes`, and existing appointments are extended by the buffer the same way.
 * - `maxConcurrent` caps the most appointments at any one instant of [start, end + buffer),
 *   unassigned ones included; null means the number of staff members.
 * - Performance: the busy list is sorted once per call and searched by bisection; local days are
 *   walked with a handful of zone look-ups each (more only on a day with an offset change).
 */
export {
  type AvailabilityInput,
  type AvailableStart,
  availableStarts,
  checkStart,
  type StartCheck,
  UNAVAILABLE_REASONS,
  type UnavailableReason,
} from "./availability.ts";
export {
  ADDABLE_BOOKABLE_KINDS,
  addTimeOffInput,
  BOOKABLE_KINDS,
  type BookableOutput,
  type BookingSettingsInput,
  type BookingSettingsOutput,
  bookableColorSchema,
  bookableSchema,
  bookingSettingsFields,
  bookingSettingsInput,
  bookingSettingsOutput,
  type ClosedDateEntry,
  clockTimeSchema,
  closedDateSchema,
  createBookableInput,
  DEFAULT_BOOKING_SETTINGS,
  MAX_CLOSED_DATES,
  MAX_REMINDER_OFFSET_MINUTES,
  MAX_REMINDER_OFFSETS,
  removeTimeOffInput,
  timeOffSchema,
  updateBookableInput,
} from "./booking-settings.ts";
export {
  formatLocal,
  type LocalFormat,
  localDateOf,
  localDayRange,
  weekdayOf,
} from "./local-time.ts";
export { type PriceAddition, type PricedService, priceAndDuration } from "./price.ts";
export {
  type BookingRules,
  type Busy,
  bookingRulesSchema,
  type ServiceRule,
  type StaffMember,
  serviceRuleSchema,
} from "./rules.ts";
export {
  DEFAULT_WEEKLY_HOURS,
  timeRangeSchema,
  WEEKDAYS,
  type Weekday,
  type WeeklyHours,
  weeklyHoursSchema,
} from "./weekly-hours.ts";
