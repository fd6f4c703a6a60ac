// The customer and asset forms' schemas: what people type (tags and other numbers as one line of
// text, numbers as text) split and converted, then checked with the very field schemas the API's
// inputs use (@servicepro/validators), so the form refuses what the server would, with the same words.
import { type AssetKind, assetDetailsSchemas, customerFields } from "@servicepro/validators";
import { z } from "zod";

/** "vip, Fleet ,weekend" → ["vip", "Fleet", "weekend"] (the shared schema lower-cases them). */
export const splitList = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * A list typed as one line, checked item by item with `schema`: the message of a bad item is shown
 * on the field itself (the form has one input for the whole list, not one per item).
 */
const listText = <T>(schema: z.ZodType<T, string[]>) =>
  z.string().transform((text, ctx) => {
    const parsed = schema.safeParse(splitList(text));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });

export const customerFormSchema = z.object({
  name: customerFields.name,
  phone: customerFields.phone,
  altPhones: listText(customerFields.altPhones),
  email: customerFields.email,
  address: customerFields.address,
  notes: customerFields.notes,
  tags: listText(customerFields.tags),
});
export type CustomerFormValues = z.input<typeof customerFormSchema>;

/** Form fields that hold numbers as typed text ("" → not given). */
const NUMBER_FIELDS = new Set(["year", "squareFeet"]);

/**
 * The asset form: every field as text; number fields converted, empty ones dropped, then the kind's
 * own schema (its messages land on the field they name). Notes travel beside the details.
 */
export const assetFormSchema = (kind: AssetKind) =>
  z.record(z.string(), z.string()).transform((form, ctx) => {
    const { notes = "", ...fields } = form;
    const raw = Object.fromEntries(
      Object.entries(fields)
        .filter(([, value]) => value.trim() !== "")
        .map(([key, value]) => [key, NUMBER_FIELDS.has(key) ? Number(value.trim().replace(/,/g, "")) : value]),
    );
    const details = assetDetailsSchemas[kind].safeParse(raw);
    if (!details.success) {
      for (const issue of details.error.issues)
        ctx.addIssue({ code: "custom", path: issue.path.filter((p) => typeof p !== "symbol"), message: issue.message });
      return z.NEVER;
    }
    return { details: details.data, notes: notes.trim() || null };
  });

export const ASSET_FIELD_LABELS: Record<string, string> = {
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

export const ASSET_KIND_LABELS: Record<AssetKind, string> = { vehicle: "Vehicle", pet: "Pet", property: "Property" };
