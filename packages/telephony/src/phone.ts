// Phone numbers are parsed and formatted by @servicepro/validators (libphonenumber-js), the one
// rule the browser and the server share. Re-exported here for the callers that still import them
// from telephony; new code imports @servicepro/validators.
export { E164_PATTERN, formatPhone, isE164, normalizePhone } from "@servicepro/validators";
