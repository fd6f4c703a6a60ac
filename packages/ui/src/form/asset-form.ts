// The asset form (a vehicle, pet or property) as people fill it in: every field as text, numbers
// converted and empty fields dropped, then checked with the kind's own schema from
// @servicepro/validators, so the form refuses what the API would, with the same words. Shared by
// the customer portal's asset form and the staff customer page's asset dialog.
import { ASSET_FIELDS, type AssetKind, assetDetailsSchemas } from "@servicepro/validators";
import { z } from "zod";

/** Form fields that hold numbers as typed text ("" → not given). */
export const ASSET_NUMBER_FIELDS: ReadonlySet<string> = new Set(["year", "squareFeet"]);
/** The fields that hold a size class: a choice from the business's price list, not free text. */
export const ASSET_SIZE_FIELDS: ReadonlySet<string> = new Set(["sizeClass", "size"]);
/** The one field each kind cannot do without (its label is built from it). */
export const ASSET_REQUIRED_FIELD: Readonly<Record<AssetKind, string>> = {
  vehicle: "make",
  pet: "name",
  property: "address",
};

/**
 * Every field as text; number fields converted, empty ones dropped, then the kind's own schema
 * (its messages land on the field they name). Notes travel beside the details.
 */
export const assetFormSchema = (kind: AssetKind) =>
  z.record(z.string(), z.string()).transform((form, ctx) => {
    const { notes = "", ...fields } = form;
    const raw = Object.fromEntries(
      Object.entries(fields)
        .filter(([, value]) => value.trim() !== "")
        .map(([key, value]) => [key, ASSET_NUMBER_FIELDS.has(key) ? Number(value.trim().replace(/,/g, "")) : value]),
    );
    const details = assetDetailsSchemas[kind].safeParse(raw);
    if (!details.success) {
      for (const issue of details.error.issues)
        ctx.addIssue({ code: "custom", path: issue.path.filter((p) => typeof p !== "symbol"), message: issue.message });
      return z.NEVER;
    }
    return { details: details.data, notes: notes.trim() || null };
  });

/** An asset's form values: each field of its kind as text (from stored details, or empty), and its notes. */
export function assetFormValues(
  kind: AssetKind,
  asset?: { details: Record<string, unknown>; notes: string | null },
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of ASSET_FIELDS[kind]) {
    const value = asset?.details[field];
    values[field] = typeof value === "string" || typeof value === "number" ? String(value) : "";
  }
  values.notes = asset?.notes ?? "";
  return values;
}

export const ASSET_FIELD_LABELS: Readonly<Record<string, string>> = {
  year: "Year",
  make: "Make",
  model: "Model",
  sizeClass: "Size",
  colour: "Colour",
  name: "Name",
  species: "Species",
  breed: "Breed",
  size: "Size",
  temperament: "Temperament notes",
  address: "Address",
  lotSize: "Lot size",
  squareFeet: "Square feet",
  gateNotes: "Gate and access notes",
};

export const ASSET_KIND_LABELS: Readonly<Record<AssetKind, string>> = {
  vehicle: "Vehicle",
  pet: "Pet",
  property: "Property",
};
