// The customer and asset forms' schemas: what people type (tags and other numbers as one line of
// text, numbers as text) split and converted, then checked with the very field schemas the API's
// inputs use (@servicepro/validators), so the form refuses what the server would, with the same words.
import { type AssetKind, customerFields } from "@servicepro/validators";
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

// The asset form's schema and labels are shared with the customer portal: @servicepro/ui's asset-form.
export { ASSET_FIELD_LABELS, assetFormSchema } from "@servicepro/ui";

export const ASSET_KIND_LABELS: Record<AssetKind, string> = { vehicle: "Vehicle", pet: "Pet", property: "Property" };
