import { z } from "zod";
import { emailInputSchema } from "./email.ts";
import { phoneSchema } from "./phone.ts";
import { optionalTextSchema, storableRefinement, textSchema } from "./text.ts";

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

// ---------------------------------------------------------------------------------------------
// Inputs of tenant.customers.* and the customer forms (one set of rules for the API and the app).

/** Where a customer record came from (the `CustomerSource` enum of the database). */
export const CUSTOMER_SOURCES = ["sms", "call", "booking_page", "import", "staff", "ai_agent", "portal"] as const;
export type CustomerSource = (typeof CUSTOMER_SOURCES)[number];

export const MAX_CUSTOMER_TAGS = 20;
export const MAX_TAG_LENGTH = 32;
export const MAX_ALT_PHONES = 5;

/** The list's last-visit filter: never visited, visited within 30/90/365 days, or not for over a year. */
export const LAST_VISIT_FILTERS = ["never", "30d", "90d", "365d", "over365d"] as const;
export type LastVisitFilter = (typeof LAST_VISIT_FILTERS)[number];

const customerId = z.uuid("That customer id is not valid.");

/** One tag: trimmed and lower-cased, so "VIP" and " vip " are the same tag. */
export const customerTagSchema = z
  .string({ error: "Each tag must be text." })
  .trim()
  .toLowerCase()
  .min(1, "A tag can't be empty.")
  .max(MAX_TAG_LENGTH, `Each tag can be at most ${MAX_TAG_LENGTH} characters.`)
  .refine(...storableRefinement("a tag"));

/** The tags of one customer: each normalised, duplicates dropped, at most 20. */
export const customerTagsSchema = z
  .array(customerTagSchema, { error: "Send the tags as a list." })
  .transform((tags) => [...new Set(tags)])
  .refine((tags) => tags.length <= MAX_CUSTOMER_TAGS, `Use at most ${MAX_CUSTOMER_TAGS} tags.`);

/** Other numbers of the customer, each stored E.164, duplicates dropped. */
export const altPhonesSchema = z
  .array(phoneSchema("the other phone number"), { error: "Send the other phone numbers as a list." })
  .max(MAX_ALT_PHONES, `Add at most ${MAX_ALT_PHONES} other phone numbers.`)
  .transform((phones) => [...new Set(phones)]);

/** An optional email: "" and null mean none (null); undefined stays undefined ("unchanged"). */
export const optionalEmailSchema = z
  .string({ error: "Send the email address as text, or leave it empty." })
  .nullable()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    if (value === null || value.trim() === "") return null;
    const parsed = emailInputSchema("the email address").safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });

/** An optional text that can be cleared: "" and null mean none (null); undefined stays undefined. */
const clearableText = (label: string, max: number) =>
  z
    .union([textSchema(label, { min: 0, max }), z.null()], { error: `Send ${label} as text, or leave it empty.` })
    .optional()
    .transform((value) => (value === undefined ? undefined : value || null));

/** The customer's fields one by one, for forms that type some of them differently (tags as a line of text). */
export const customerFields = {
  name: textSchema("the customer's name", { max: 120 }),
  phone: phoneSchema("the customer's phone number"),
  altPhones: altPhonesSchema,
  email: optionalEmailSchema,
  address: clearableText("the address", 300),
  notes: clearableText("the notes", 4000),
  tags: customerTagsSchema,
} as const;

const noAltEqualsPrimary = (value: { phone?: string; altPhones?: string[] }) =>
  !value.phone || !value.altPhones?.includes(value.phone);
const ALT_IS_PRIMARY = {
  message: "The other phone numbers already include the primary number; remove it from the list.",
  path: ["altPhones"],
};

export const customerCreateInput = z
  .strictObject({
    name: customerFields.name,
    phone: customerFields.phone,
    altPhones: customerFields.altPhones.default([]),
    email: customerFields.email.transform((value) => value ?? null),
    address: customerFields.address.transform((value) => value ?? null),
    notes: customerFields.notes.transform((value) => value ?? null),
    tags: customerFields.tags.default([]),
    source: z.enum(CUSTOMER_SOURCES, { error: "Choose where the customer came from." }).default("staff"),
  })
  .refine(noAltEqualsPrimary, ALT_IS_PRIMARY);
export type CustomerCreateInput = z.input<typeof customerCreateInput>;

export const customerUpdateInput = z
  .strictObject({
    id: customerId,
    name: customerFields.name.optional(),
    phone: customerFields.phone.optional(),
    altPhones: customerFields.altPhones.optional(),
    email: customerFields.email,
    address: customerFields.address,
    notes: customerFields.notes,
    tags: customerFields.tags.optional(),
  })
  .refine(noAltEqualsPrimary, ALT_IS_PRIMARY)
  .refine((value) => Object.entries(value).some(([key, field]) => key !== "id" && field !== undefined), {
    message: "Send at least one field to change.",
  });
export type CustomerUpdateInput = z.input<typeof customerUpdateInput>;

/** The list's opaque page cursor: base64url of the last row's sort keys. */
export const customerCursorSchema = z
  .string({ error: "That page cursor is not valid; reload the list." })
  .max(1000, "That page cursor is not valid; reload the list.")
  .regex(/^[A-Za-z0-9_-]+$/, "That page cursor is not valid; reload the list.");

export const customersListInput = z
  .strictObject({
    search: textSchema("the search", { min: 0, max: 100 }).optional(),
    tag: customerTagSchema.optional(),
    lastVisit: z
      .enum(LAST_VISIT_FILTERS, { error: `Choose a last-visit filter: ${LAST_VISIT_FILTERS.join(", ")}.` })
      .optional(),
    cursor: customerCursorSchema.nullish(),
    limit: z
      .number({ error: "Send the page size as a number." })
      .int("The page size is a whole number.")
      .min(1, "Ask for at least 1 customer.")
      .max(100, "Ask for at most 100 customers a page.")
      .default(50),
    /** tRPC's infinite queries add it; only forward paging exists. */
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .default({ limit: 50 });
export type CustomersListInput = z.input<typeof customersListInput>;

export const customerIdInput = z.strictObject({ id: customerId });

/**
 * Staff record a customer's marketing consent (offers by text). Giving it needs a note saying how
 * the customer agreed (it is the consent's evidence); withdrawing it does not.
 */
export const customerMarketingConsentInput = z
  .strictObject({
    customerId,
    allow: z.boolean({ error: "Choose whether the customer agreed to offers by text." }),
    note: optionalTextSchema("a note", { max: 500 }),
  })
  .superRefine((input, ctx) => {
    if (input.allow && !input.note)
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "Say how the customer agreed to offers by text (e.g. “asked at the counter on 3 March”).",
      });
  });
export type CustomerMarketingConsentInput = z.input<typeof customerMarketingConsentInput>;
