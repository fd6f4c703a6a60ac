/** What a customer record is found and sorted by (columns `search_text` and `sort_name`). */
export type CustomerSearchFields = {
  name?: string | null | undefined;
  email?: string | null | undefined;
  phone: string;
  altPhones?: readonly string[] | null | undefined;
};

const digits = (phone: string) => phone.replace(/\D/g, "");

/**
 * The derived keys every writer of a customer row stores with it, so the list can sort by name and
 * search by name, email or any phone with one indexed column each:
 * - `sortName`: the lower-cased name, or the phone when there is no name yet;
 * - `searchText`: lower-cased name and email plus each phone's digits (a search for "555 0100"
 *   is matched on its digits, see `customerSearchTerm`).
 */
export function customerSearchKeys(fields: CustomerSearchFields): { sortName: string; searchText: string } {
  const name = fields.name?.trim().toLowerCase() || null;
  const phones = [fields.phone, ...(fields.altPhones ?? [])].map(digits);
  return {
    sortName: name ?? fields.phone,
    searchText: [name, fields.email?.trim().toLowerCase() || null, ...phones].filter(Boolean).join(" "),
  };
}

/**
 * What a typed search is matched against `search_text` with: lower-cased; a query that looks like a
 * phone number ("(555) 010-0100", "555.0100") is reduced to its digits.
 */
export function customerSearchTerm(query: string): string {
  const trimmed = query.trim().toLowerCase();
  return /^[\d\s()+.-]+$/.test(trimmed) && /\d{3}/.test(trimmed) ? digits(trimmed) : trimmed;
}
