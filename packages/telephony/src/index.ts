// @servicepro/telephony: the pure core of phone and SMS handling. No I/O: routing decisions,
// IVR TwiML, opt-out classification, status ordering, business hours, phone numbers.
export * from "./constants.ts";
export { normalizePhone, isE164, formatPhone, E164_PATTERN } from "./phone.ts";
export { businessHoursSchema, DEFAULT_BUSINESS_HOURS, isOpen, describeHours, localTime } from "./hours.ts";
