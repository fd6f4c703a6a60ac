// A server's field errors (a tRPC BAD_REQUEST's `error.data.issues`, each with a `path`) shown on
// the form's own fields, so a rule only the server can check (a slug already taken, a number
// another business has) reads like any other field error.
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { apiErrorCode, apiErrorMessage } from "../api-errors.ts";
import { isValidationIssueList } from "../utils.ts";

/** Issues of a failed call keyed by their whole path ("owner.email"), first message per path. */
export function apiIssuesByPath(error: unknown): Record<string, string> {
  if (apiErrorCode(error) !== "BAD_REQUEST") return {};
  const issues = (error as { data?: { issues?: unknown } }).data?.issues;
  if (!isValidationIssueList(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.join(".");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/**
 * Puts each of the server's field errors on the form field at its path (or the one `fieldOf`
 * names for it: the server's `price.maxCents` may be the form's `priceMax`), and returns what the
 * form should say above its buttons: a message no field shows, or the error's own message when it
 * is not about fields at all; null when every message is on a field.
 */
export function applyServerErrors<Values extends FieldValues>(
  setError: UseFormSetError<Values>,
  error: unknown,
  fields: readonly FieldPath<Values>[],
  fieldOf: (path: string) => FieldPath<Values> | undefined = () => undefined,
): string | null {
  const unplaced: string[] = [];
  let placed = 0;
  const known = new Set<string>(fields);
  for (const [path, message] of Object.entries(apiIssuesByPath(error))) {
    const field = fieldOf(path) ?? (known.has(path) ? (path as FieldPath<Values>) : undefined);
    if (field) {
      setError(field, { type: "server", message }, { shouldFocus: placed === 0 });
      placed += 1;
    } else unplaced.push(message);
  }
  if (unplaced.length > 0) return unplaced.join(" ");
  return placed > 0 ? null : apiErrorMessage(error);
}
