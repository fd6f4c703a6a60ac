/** Joins class names, skipping falsy values: `cx("a", cond && "b")`. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats an ISO date string (the API sends dates as plain JSON strings) for display, e.g.
 * "Mar 4, 2025". Returns `fallback` for missing or unparsable input instead of "Invalid Date".
 */
export function formatDate(
  value: string | Date | null | undefined,
  options: { locale?: string; style?: "medium" | "long" | "short"; fallback?: string; timeZone?: string } = {},
): string {
  const { locale, style = "medium", fallback = "—", timeZone } = options;
  if (value === null || value === undefined || value === "") return fallback;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return fallback;
  const key = `${locale ?? ""}|${style}|${timeZone ?? ""}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: style, ...(timeZone ? { timeZone } : {}) });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** One validation issue as sent by the API (`error.data.issues`). */
export interface ValidationIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/** Narrows an unknown value (e.g. `error.data.issues`) to a list of validation issues. */
export function isValidationIssueList(value: unknown): value is ValidationIssue[] {
  return (
    Array.isArray(value) &&
    value.every(
      (issue: unknown) =>
        typeof issue === "object" &&
        issue !== null &&
        typeof (issue as { message?: unknown }).message === "string" &&
        Array.isArray((issue as { path?: unknown }).path),
    )
  );
}

/**
 * Maps validation issues to a `{ fieldName: message }` record keyed by the first path segment,
 * keeping the first message per field. Issues without a path land under `""` (form-level).
 */
export function fieldErrorsFromIssues(issues: ReadonlyArray<ValidationIssue>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "";
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** Up to two initials for an avatar: "Ada Lovelace" → "AL", "ops@x.com" → "O". */
export function initials(nameOrEmail: string): string {
  const base = nameOrEmail.includes("@") ? (nameOrEmail.split("@")[0] ?? "") : nameOrEmail;
  const words = base
    .split(/[\s._-]+/)
    .map((word) => word.trim())
    .filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (nameOrEmail.includes("@") ? first : first + last).toUpperCase();
}
