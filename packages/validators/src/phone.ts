// Phone numbers as people type them, stored as Twilio speaks them (E.164, "+15555550100").
// libphonenumber-js does the parsing and the display formatting, so "(555) 555-0100", "555.555.0100",
// "+1 555 555 0100" and "020 7946 0958" (in Great Britain) are read the same way everywhere.
import { type CountryCode, isValidPhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js/min";
import { z } from "zod";
import { E164_PATTERN } from "./patterns.ts";

/** The platform's market today: numbers typed without a country code are read as North American. */
export const DEFAULT_PHONE_COUNTRY: CountryCode = "US";

export const isE164 = (value: string): boolean => E164_PATTERN.test(value);

// Only digits and the usual separators (and one leading plus): letters or other marks mean it is
// not a plain number ("555a555b0100", "whatsapp:+1…", "1-800-FLOWERS" are not reduced to digits).
const PLAIN_NUMBER = /^\+?[\d\s().\-/]+$/;
// North American area codes and exchanges start with 2–9. libphonenumber's `isValid` would also
// refuse the 555 numbers that tests, demos and documentation use, so the rule is checked here.
const NANP_NATIONAL = /^[2-9]\d{2}[2-9]\d{6}$/;

/**
 * The E.164 form of a number a person typed, or null when it is not a number we can dial.
 * `country` is where a number without "+" is read (the tenant's country; US by default).
 */
export function normalizePhone(input: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  // Every webhook parses its To and From: the same few numbers, over and over, and parsing is about a
  // tenth of the inbound text's CPU. The answer depends only on the input, so it is remembered.
  const key = `${country}|${input}`;
  const known = normalized.get(key);
  if (known !== undefined) return known;
  const result = parsePhone(input, country);
  if (normalized.size >= NORMALIZED_MAX) normalized.delete(normalized.keys().next().value as string);
  normalized.set(key, result);
  return result;
}

const NORMALIZED_MAX = 20_000;
/** Insertion-ordered, so the first key is the oldest: a bounded first-in-first-out memo. */
const normalized = new Map<string, string | null>();

function parsePhone(input: string, country: CountryCode): string | null {
  const trimmed = input.trim();
  if (!PLAIN_NUMBER.test(trimmed) || trimmed.indexOf("+") > 0) return null;
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length > 15) return null;
  // A leading 1 on a North American number without "+" is the trunk prefix people type.
  const parsed = parsePhoneNumberFromString(trimmed, country);
  if (!parsed?.isPossible()) return null;
  if (parsed.countryCallingCode === "1" && !NANP_NATIONAL.test(parsed.nationalNumber)) return null;
  const e164 = parsed.number;
  return isE164(e164) ? e164 : null;
}

/**
 * A number for people to read: national format for numbers of `country` ("(555) 555-0100" in the
 * US), international format otherwise ("+44 20 7946 0958"); anything unparsable as given.
 */
export function formatPhone(e164: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === country || (parsed.countryCallingCode === "1" && country === "US")
    ? parsed.formatNational()
    : parsed.formatInternational();
}

const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/**
 * A phone number field: any spelling a person types, stored as E.164. `label` names the field
 * ("the owner's mobile number").
 */
export const phoneSchema = (label: string, country: CountryCode = DEFAULT_PHONE_COUNTRY) =>
  z.string({ error: `Enter ${label}.` }).transform((value, ctx) => {
    if (value.trim() === "") {
      ctx.addIssue({ code: "custom", message: `Enter ${label}.` });
      return z.NEVER;
    }
    const e164 = normalizePhone(value, country);
    if (!e164) {
      ctx.addIssue({
        code: "custom",
        message: `${capitalise(label)} is not a phone number we can dial. Type it as you would dial it, e.g. (512) 555-0100 or +44 20 7946 0958.`,
      });
      return z.NEVER;
    }
    return e164;
  });

/**
 * An optional phone number field: "" (what an empty form field sends) and null mean "none" (null);
 * a missing field stays undefined ("unchanged" in an update); anything else must be a number
 * `phoneSchema` accepts.
 */
export const optionalPhoneSchema = (label: string, country: CountryCode = DEFAULT_PHONE_COUNTRY) => {
  const phone = phoneSchema(label, country);
  return z
    .string({ error: `Send ${label} as text, e.g. (512) 555-0100, or leave it empty.` })
    .nullable()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      if (value === null || value.trim() === "") return null;
      const parsed = phone.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    });
};

export type { CountryCode };

/**
 * Whether an E.164 number is one a numbering plan actually has (libphonenumber's metadata), beyond
 * having a possible length. Callers decide what to do with North American numbers, whose 555
 * demo numbers this refuses.
 */
export const isValidPhone = (e164: string): boolean => isValidPhoneNumber(e164);
