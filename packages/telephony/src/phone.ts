// Phone numbers are parsed and formatted by @servicepro/validators (libphonenumber-js), the one
// rule the browser and the server share. Re-exported here for the callers that still import them
// from telephony; new code imports @servicepro/validators.
import { isValidPhone, normalizePhone } from "@servicepro/validators";

export { E164_PATTERN, formatPhone, isE164, normalizePhone } from "@servicepro/validators";

/** Who called, as far as a call's `From` tells: a number we may keep and text, or a withheld caller ID. */
export type CallerId = { kind: "phone"; e164: string } | { kind: "withheld"; label: string };

export const WITHHELD_CALLER_LABEL = "Private number";

/**
 * Words carriers put in place of a caller ID. Twilio sends some of them as text ("Anonymous") and
 * some spelled on the keypad as digits ("+266696687" is A-N-O-N-Y-M-O-U-S), so both forms of each
 * word count as withheld.
 */
const WITHHELD_WORDS = [
  "anonymous",
  "restricted",
  "unknown",
  "unavailable",
  "private",
  "blocked",
  "withheld",
  "unidentified",
  "notavailable",
  "outofarea",
  "nocallerid",
  "callerid",
  "nonumber",
] as const;

const KEYPAD: Record<string, string> = Object.fromEntries(
  Object.entries({ 2: "abc", 3: "def", 4: "ghi", 5: "jkl", 6: "mno", 7: "pqrs", 8: "tuv", 9: "wxyz" }).flatMap(
    ([digit, letters]) => [...letters].map((letter) => [letter, digit]),
  ),
);
const keypadDigits = (word: string) => [...word].map((letter) => KEYPAD[letter]).join("");
const WITHHELD_DIGITS = new Set(WITHHELD_WORDS.map(keypadDigits));

/**
 * A call's caller ID (Twilio's `From`): a phone when it is a real, dialable number, otherwise
 * withheld (anonymous and restricted calls, carrier placeholders, empty, letters, too short or long,
 * numbers that no numbering plan has). A withheld caller gets no customer row and no text: a text
 * to a number that is not a phone costs money and invites toll fraud.
 *
 * North American numbers are checked by the numbering plan (area code and exchange start with 2-9,
 * as @servicepro/validators does) rather than libphonenumber's list of assigned area codes, which
 * refuses the 555 numbers of demos and documentation; other countries by libphonenumber's
 * isValidPhone (isValidPhoneNumber).
 */
export function callerIdOf(raw: string | null | undefined): CallerId {
  const withheld = { kind: "withheld", label: WITHHELD_CALLER_LABEL } as const;
  const trimmed = (raw ?? "").trim();
  if (!trimmed) return withheld;
  const compact = trimmed.toLowerCase().replace(/[\s_\-.()+]/g, "");
  if ((WITHHELD_WORDS as readonly string[]).includes(compact)) return withheld;
  if (/^\d+$/.test(compact) && WITHHELD_DIGITS.has(compact)) return withheld;
  const e164 = normalizePhone(trimmed);
  if (!e164 || WITHHELD_DIGITS.has(e164.slice(1)) || WITHHELD_DIGITS.has(e164.slice(2))) return withheld;
  if (!e164.startsWith("+1") && !isValidPhone(e164)) return withheld;
  return { kind: "phone", e164 };
}

/** CNAM placeholders carriers send instead of a name. */
const NOT_A_NAME =
  /^(wireless caller|cell phone|cellular|mobile|unknown name|unknown caller|name unavailable|name not available|toll free( call(er)?)?|no name|caller|not found|[a-z]{2})$/;

/**
 * Twilio's CallerName (a CNAM lookup) when it is a name: not empty, not a number, not a withheld
 * placeholder ("ANONYMOUS", "UNAVAILABLE") or a carrier's stand-in ("WIRELESS CALLER"), and not
 * only a US state ("CA", "NY": some carriers send the caller's state). Trimmed, at most 100 characters.
 */
export function callerNameOf(raw: string | null | undefined): string | null {
  const name = (raw ?? "").replace(/\s+/g, " ").trim();
  if (!/\p{L}/u.test(name)) return null;
  const folded = name.toLowerCase();
  const compact = folded.replace(/[\s_\-.()+]/g, "");
  if ((WITHHELD_WORDS as readonly string[]).includes(compact) || NOT_A_NAME.test(folded)) return null;
  return name.slice(0, 100);
}
