// Reading one source row: phones to E.164, emails case-folded, dates in the business's zone, money
// to cents. Each reader returns the clean value or a message a person can act on ("Row 12: phone
// "555-01" is not a number we can dial…"); nothing here touches the database.
import { TZDate } from "@date-fns/tz";
import { normalizePhone } from "@servicepro/validators";
import type { CountryCode } from "libphonenumber-js/min";
import type { Mapping } from "./presets.ts";

export const DATE_FORMATS = ["YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type ImportOptions = {
  /** Where numbers without "+" are read (the business's country). */
  defaultCountry: CountryCode;
  dateFormat: DateFormat;
  /** The business's IANA zone: a date without an offset is its local time. */
  timeZone: string;
};

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (error: string): Read<never> => ({ ok: false, error });

const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;
const SEPARATORS = /[\s().-]/g;

/**
 * E.164 of a phone as exported. A million-row file is mostly "+15125550100" or "(512) 555-0100":
 * those North American shapes are read here in a few string operations; anything else goes to
 * libphonenumber-js (normalizePhone), which is ~50× slower.
 */
export function readPhone(input: string, country: CountryCode): Read<string> {
  const trimmed = input.trim();
  if (trimmed.startsWith("+1") && trimmed.length === 12 && NANP.test(trimmed.slice(2))) return ok(trimmed);
  if (country === "US" || country === "CA") {
    const bare = trimmed.replace(SEPARATORS, "");
    if (bare.length === 10 && NANP.test(bare)) return ok(`+1${bare}`);
    if (bare.length === 11 && bare.startsWith("1") && NANP.test(bare.slice(1))) return ok(`+${bare}`);
  }
  const e164 = normalizePhone(trimmed, country);
  return e164
    ? ok(e164)
    : fail(
        `Phone "${input}" is not a number we can dial. Correct it in the file (e.g. (512) 555-0100 or +44 20 7946 0958).`,
      );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readEmail(input: string): Read<string> {
  const email = input.trim().toLowerCase();
  return EMAIL.test(email)
    ? ok(email)
    : fail(`Email "${input}" is not an email address (it needs a name, @ and a domain).`);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i;

/**
 * A date (and optional time) as the mapping's format says, in the business's zone. A value with
 * an explicit offset ("2026-01-02T10:00:00Z") is read as that instant whatever the format.
 */
export function readDate(input: string, options: Pick<ImportOptions, "dateFormat" | "timeZone">): Read<Date> {
  const text = input.trim();
  const example = { "YYYY-MM-DD": "2026-03-31", "MM/DD/YYYY": "03/31/2026", "DD/MM/YYYY": "31/03/2026" }[
    options.dateFormat
  ];
  const unreadable = fail(
    `Date "${input}" can't be read as ${options.dateFormat} (e.g. ${example}, optionally followed by a time like 14:30 or 2:30 PM). Fix the date or choose the file's date format.`,
  );
  if (ISO_INSTANT.test(text)) {
    const at = new Date(text);
    return Number.isNaN(+at) ? unreadable : ok(at);
  }
  const [datePart = "", ...rest] = text.split(/[\sT]+/);
  const timePart = rest.join(" ");
  const parts = datePart.split(/[-/.]/).map((p) => Number(p));
  if (parts.length !== 3 || parts.some((p) => !Number.isInteger(p))) return unreadable;
  const [a, b, c] = parts as [number, number, number];
  // A four-digit year first ("2026-03-01") can only be year-month-day, whatever the chosen format.
  const [year, month, day] =
    options.dateFormat === "YYYY-MM-DD" || /^\d{4}[-/.]/.test(datePart)
      ? [a, b, c]
      : options.dateFormat === "MM/DD/YYYY"
        ? [c, a, b]
        : [c, b, a];
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return unreadable;
  let hour = 0;
  let minute = 0;
  if (timePart) {
    const time = TIME.exec(timePart);
    if (!time) return unreadable;
    hour = Number(time[1]);
    minute = Number(time[2]);
    const meridiem = time[4]?.toLowerCase().replace(/\./g, "");
    if (meridiem) {
      if (hour < 1 || hour > 12) return unreadable;
      hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
    }
    if (hour > 23 || minute > 59) return unreadable;
  }
  const at = new TZDate(year, month - 1, day, hour, minute, options.timeZone);
  // 31/02 rolls into March: refuse rather than move the visit.
  if (at.getDate() !== day || at.getMonth() !== month - 1) return unreadable;
  return ok(new Date(+at));
}

/** Money as exported ("$1,234.50", "85", "85.5") → cents. */
export function readMoney(input: string): Read<number> {
  const text = input.trim().replace(/^\$/, "").replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(text))
    return fail(`Amount "${input}" is not a price (write it like 85 or 1,234.50, without other text).`);
  const [whole = "0", cents = ""] = text.split(".");
  return ok(Number(whole) * 100 + Number(cents.padEnd(2, "0")));
}

export function readWholeNumber(input: string, label: string): Read<number> {
  const text = input.trim().replace(/,/g, "");
  if (!/^-?\d+$/.test(text) || Math.abs(Number(text)) > 1_000_000_000)
    return fail(`${label} "${input}" is not a whole number.`);
  return ok(Number(text));
}

/** The source values of one target field: its columns' non-empty cells, in mapping order. */
export function cells(row: Record<string, string | undefined>, mapping: Mapping, field: string): string[] {
  const columns = mapping[field];
  if (!columns) return [];
  const values: string[] = [];
  for (const column of columns) {
    const value = row[column]?.trim();
    if (value) values.push(value);
  }
  return values;
}

export type CustomerRow = {
  externalId: string | null;
  name: string | null;
  phone: string | null;
  altPhones: string[];
  email: string | null;
  address: string | null;
  notes: string | null;
  tags: string[];
};

export type RowResult<T> = { ok: true; row: T; warnings: string[] } | { ok: false; errors: string[] };

const MAX_TEXT = 2000;
const clip = (value: string | null) => (value && value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value);

// NUL and lone surrogates are refused everywhere else at the edge (validators/text.ts); here they are dropped.
const CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const clean = (value: string) => value.replace(CONTROL, "").trim();

/** One customer row, mapped and normalised, or why it can't be imported. */
export function normalizeCustomer(
  row: Record<string, string | undefined>,
  mapping: Mapping,
  options: ImportOptions,
): RowResult<CustomerRow> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const first = (field: string) => {
    const value = cells(row, mapping, field)[0];
    return value ? clean(value) || null : null;
  };
  const joined = (field: string, separator: string) => clean(cells(row, mapping, field).join(separator)) || null;

  const fullName = first("name") ?? ([first("firstName"), first("lastName")].filter(Boolean).join(" ") || null);

  const phones: string[] = [];
  const phoneCells = [...cells(row, mapping, "phone"), ...cells(row, mapping, "altPhone")];
  cells(row, mapping, "phone").forEach((value, index) => {
    const phone = readPhone(value, options.defaultCountry);
    if (phone.ok) phones.push(phone.value);
    else if (index === 0) errors.push(phone.error);
    else warnings.push(`${phone.error} It was left out.`);
  });
  for (const value of cells(row, mapping, "altPhone")) {
    const phone = readPhone(value, options.defaultCountry);
    if (phone.ok) phones.push(phone.value);
    else warnings.push(`${phone.error} It was left out.`);
  }
  const unique = [...new Set(phones)];

  let email: string | null = null;
  const emailCell = first("email");
  if (emailCell) {
    const read = readEmail(emailCell);
    if (read.ok) email = read.value;
    else errors.push(read.error);
  }
  if (phoneCells.length === 0 && !emailCell) errors.push("This row has neither a phone nor an email: add one of them.");
  if (errors.length > 0) return { ok: false, errors };

  const tags = [
    ...new Set(
      cells(row, mapping, "tags")
        .flatMap((cell) => cell.split(/[,;|]/))
        .map((tag) => clean(tag).toLowerCase())
        .filter((tag) => tag.length > 0 && tag.length <= 40),
    ),
  ];
  return {
    ok: true,
    warnings,
    row: {
      externalId: first("externalId"),
      name: clip(fullName),
      phone: unique[0] ?? null,
      altPhones: unique.slice(1),
      email,
      address: clip(joined("address", ", ")),
      notes: clip(joined("notes", "\n")),
      tags,
    },
  };
}

/** The text a row's idempotency key is hashed from when the file has no id column (stable field order). */
export function customerKeyText(row: CustomerRow): string {
  return JSON.stringify([row.name, row.phone, row.altPhones, row.email, row.address, row.notes, row.tags]);
}

/** True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours (a typo). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
