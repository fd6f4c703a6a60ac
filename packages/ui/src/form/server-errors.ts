// A server's field errors (a tRPC BAD_REQUEST's `error.data.issues`, each with a `path`) shown on
// the form's own fields, so a rule only the server can check (a slug already taken, a number
// another business has) reads like any other field error.
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { apiErrorCode } from "../api-errors.ts";
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
 * names for it: the server's `price.maxCents` may be the form's `priceMax`). Returns the messages
 * no field of the form shows, for a form-level alert.
 */
export function setServerFieldErrors<Values extends FieldValues>(
  setError: UseFormSetError<Values>,
  error: unknown,
  fields: readonly FieldPath<Values>[],
  fieldOf: (path: string) => FieldPath<Values> | undefined = () => undefined,
): string[] {
  const unplaced: string[] = [];
  const known = new Set<string>(fields);
  for (const [path, message] of Object.entries(apiIssuesByPath(error))) {
    const field = fieldOf(path) ?? (known.has(path) ? (path as FieldPath<Values>) : undefined);
    if (field) setError(field, { type: "server", message }, { shouldFocus: true });
    else unplaced.push(message);
  }
  return unplaced;
}
