// The shape rules as bare regular expressions, without zod: cheap for code that only tests a
// string (a URL path segment, a database guard). The schemas in this package are built on them.

/** Tenant ids and slugs: lower-case letters, digits and hyphens, 2–63 characters, no edge hyphens. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;

/** A phone number as Twilio speaks it: "+", a country code, up to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;
