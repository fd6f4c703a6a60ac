// What each kind of import reads (issue 16): its target fields, with the label and help the mapping
// screen shows, whether a field takes several columns, which fields a file must map, and the names
// people commonly give those columns (how an unknown layout is mapped automatically). One catalogue
// for the server (`@servicepro/imports` reads rows with it) and the browser (the mapping screen).
// `mappingProblems` is the one check of a column mapping against a file's header: the API refuses
// what it finds, and the mapping form shows the same words before sending.
import { z } from "zod";

export const IMPORT_KINDS = ["customers", "assets", "appointments", "messages", "points"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportFieldSpec = {
  /** Shown on the mapping screen. */
  label: string;
  /** One line under the field on the mapping screen. */
  help: string;
  /** Column names (compared case- and punctuation-blind) that map to this field without asking. */
  synonyms: readonly string[];
  /** Several columns allowed: joined (an address in parts) or read one after the other (phones, tags). */
  several?: boolean;
  /** May read a column another field reads too (a copy kept in the notes is harmless). */
  shareable?: boolean;
};

/** How a row finds its customer (assets, appointments, messages, points). */
const CUSTOMER_REF = {
  customerExternalId: {
    label: "Customer ID",
    help: "The customer's ID in the old system, as in your customers file.",
    synonyms: ["customer id", "client id", "customer external id"],
  },
  customerPhone: {
    label: "Customer phone",
    help: "Finds the customer by phone number.",
    synonyms: ["customer phone", "phone", "mobile", "phone number"],
  },
  customerEmail: {
    label: "Customer email",
    help: "Finds the customer by email address.",
    synonyms: ["customer email", "email", "e-mail", "email address"],
  },
} satisfies Record<string, ImportFieldSpec>;

const NOTES_HELP = "Kept on the record as written; several columns are put one under the other.";

export const IMPORT_FIELDS = {
  customers: {
    externalId: {
      label: "ID in the old system",
      help: "Importing the same file again then updates these customers instead of adding them twice.",
      synonyms: ["id", "customer id", "client id", "external id"],
    },
    name: {
      label: "Full name",
      help: "Or map the first and last name below.",
      synonyms: ["name", "full name", "display name", "customer name", "client name"],
    },
    firstName: {
      label: "First name",
      help: "Used when there is no full name.",
      synonyms: ["first name", "firstname", "given name"],
    },
    lastName: {
      label: "Last name",
      help: "Used when there is no full name.",
      synonyms: ["last name", "lastname", "surname", "family name"],
    },
    phone: {
      label: "Phone",
      help: "The number texts go to. A second column becomes another phone of the customer.",
      synonyms: ["phone", "mobile", "cell", "phone number", "mobile phone", "mobile number"],
      several: true,
    },
    altPhone: {
      label: "Other phone",
      help: "Home or work numbers, kept as the customer's other phones.",
      synonyms: ["home phone", "work phone", "other phone", "alt phone", "phone 2"],
      several: true,
    },
    email: { label: "Email", help: "One address per customer.", synonyms: ["email", "e-mail", "email address"] },
    address: {
      label: "Address",
      help: "Street, city, state and ZIP may be separate columns: they are joined in order.",
      synonyms: ["address", "street", "street address"],
      several: true,
    },
    notes: {
      label: "Notes",
      help: NOTES_HELP,
      synonyms: ["notes", "note", "memo", "comments"],
      several: true,
      shareable: true,
    },
    tags: {
      label: "Tags",
      help: "Separated by commas; every column chosen adds its tags.",
      synonyms: ["tags", "tag", "groups", "labels"],
      several: true,
    },
  },
  assets: {
    ...CUSTOMER_REF,
    externalId: {
      label: "Asset ID",
      help: "The vehicle's, pet's or property's ID in the old system.",
      synonyms: ["asset id", "vehicle id", "pet id", "property id"],
    },
    kind: {
      label: "Kind (vehicle, pet, property)",
      help: "Each row's kind; without it the business's own kind is used.",
      synonyms: ["kind", "type", "asset type"],
    },
    label: {
      label: "Description",
      help: "E.g. year, make and model: several columns are joined with spaces.",
      synonyms: ["label", "description", "vehicle", "pet", "property", "name"],
      several: true,
    },
    notes: { label: "Notes", help: NOTES_HELP, synonyms: ["notes", "note"], several: true, shareable: true },
  },
  appointments: {
    ...CUSTOMER_REF,
    externalId: {
      label: "Job ID",
      help: "The job's ID in the old system.",
      synonyms: ["job id", "appointment id", "visit id", "job #"],
    },
    startsAt: {
      label: "Start",
      help: "Date and time; a date column and a time column are read together.",
      synonyms: ["start", "date", "start date", "scheduled", "visit date", "starts at"],
      several: true,
    },
    durationMinutes: {
      label: "Duration (minutes)",
      help: "A whole number of minutes.",
      synonyms: ["duration", "minutes", "length"],
    },
    service: {
      label: "Service",
      help: "What was done, as one line.",
      synonyms: ["service", "job title", "title", "item"],
    },
    price: {
      label: "Price",
      help: "In dollars, e.g. 120 or $120.00.",
      synonyms: ["price", "total", "amount", "job total"],
    },
    notes: { label: "Notes", help: NOTES_HELP, synonyms: ["notes", "instructions"], several: true, shareable: true },
  },
  messages: {
    ...CUSTOMER_REF,
    externalId: {
      label: "Message ID",
      help: "The text's ID in the old system.",
      synonyms: ["message id", "sid", "message sid"],
    },
    direction: {
      label: "Direction (in/out)",
      help: "Whether the customer sent it (in) or the business did (out).",
      synonyms: ["direction", "type"],
    },
    body: {
      label: "Text",
      help: "The message itself; several columns are put one under the other.",
      synonyms: ["body", "text", "message", "content"],
      several: true,
    },
    sentAt: {
      label: "Sent at",
      help: "Date and time the text was sent.",
      synonyms: ["sent at", "date", "timestamp", "time", "created at"],
    },
  },
  points: {
    ...CUSTOMER_REF,
    points: {
      label: "Points balance",
      help: "A whole number: the customer's balance is set to it.",
      synonyms: ["points", "balance", "points balance", "loyalty points"],
    },
  },
} as const satisfies Record<ImportKind, Record<string, ImportFieldSpec>>;

export type ImportField<K extends ImportKind = ImportKind> = keyof (typeof IMPORT_FIELDS)[K] & string;

/** A kind's fields in screen order, each with its name. */
export function importFieldsOf(kind: ImportKind): (ImportFieldSpec & { field: string })[] {
  return Object.entries(IMPORT_FIELDS[kind] as Record<string, ImportFieldSpec>).map(([field, spec]) => ({
    field,
    ...spec,
  }));
}

/**
 * Fields a file must map; each inner list: at least one of these. Customers: a phone (the customer's
 * key) or an email that finds an existing customer. The other kinds: something that finds the customer.
 */
export const IMPORT_REQUIRED_FIELDS: Record<ImportKind, readonly (readonly string[])[]> = {
  customers: [["phone", "email"]],
  assets: [["customerExternalId", "customerPhone", "customerEmail"], ["label"]],
  appointments: [["customerExternalId", "customerPhone", "customerEmail"], ["startsAt"]],
  messages: [["customerExternalId", "customerPhone", "customerEmail"], ["body"], ["sentAt"], ["direction"]],
  points: [["customerExternalId", "customerPhone", "customerEmail"], ["points"]],
};

/** Whether a field is one the file must map (alone, or as one of a group: "Phone or Email"). */
export const isRequiredImportField = (kind: ImportKind, field: string): boolean =>
  IMPORT_REQUIRED_FIELDS[kind].some((group) => group.includes(field));

/** Target field → the source columns it is read from (several: joined, or further phones). */
export type ImportMapping = Record<string, string[]>;

const column = z.string().trim().min(1, "Choose a column.").max(200, "A column name is at most 200 characters.");

/** A column mapping as the API takes it: each target field → the file's columns (none: not imported). */
export const importMappingSchema = z
  .record(
    z.string().max(40, "A field name is at most 40 characters."),
    z.array(column).max(8, "Choose at most 8 columns."),
  )
  .refine((m) => Object.keys(m).length <= 20, "Map at most 20 fields.");

export const importSetMappingInput = z.strictObject({
  importId: z.uuid("That import id is not valid."),
  mapping: importMappingSchema,
});
export type ImportSetMappingInput = z.infer<typeof importSetMappingInput>;

/** One thing wrong with a mapping: the field it is about (null: the mapping as a whole) and what to do. */
export type MappingProblem = { field: string | null; message: string };

const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

/**
 * What is wrong with `mapping` for a file with `headers`, in words a person can act on (empty: it can
 * run). Finds: a field the kind does not have; a column the file does not have (named); several
 * columns for a field that reads one; a column read by two fields (the notes excepted); a required
 * field left unmapped ("Map a column to Phone or Email", on the group's first field).
 */
export function mappingProblems(
  kind: ImportKind,
  headers: readonly string[],
  mapping: Readonly<Record<string, readonly string[]>>,
): MappingProblem[] {
  const specs = IMPORT_FIELDS[kind] as Record<string, ImportFieldSpec>;
  const known = new Set(headers);
  const problems: MappingProblem[] = [];
  const usedBy = new Map<string, string>();
  for (const [field, columns] of Object.entries(mapping)) {
    const spec = specs[field];
    if (!spec) {
      problems.push({ field, message: `"${field}" is not a field of a ${kind} import.` });
      continue;
    }
    const missing = columns.filter((c) => !known.has(c));
    if (missing.length > 0)
      problems.push({
        field,
        message: `The file has no column ${quoted(missing)} (chosen for ${spec.label}). Choose one of its columns.`,
      });
    if (!spec.several && columns.length > 1)
      problems.push({ field, message: `${spec.label} reads one column: choose one of ${quoted(columns)}.` });
    const twice = columns.filter((c, i) => columns.indexOf(c) !== i);
    if (twice.length > 0)
      problems.push({ field, message: `${spec.label} has ${quoted([...new Set(twice)])} chosen twice.` });
    if (spec.shareable) continue;
    for (const c of new Set(columns)) {
      if (!known.has(c)) continue;
      const other = usedBy.get(c);
      if (other)
        problems.push({
          field,
          message: `"${c}" is already read as ${specs[other]?.label ?? other}: a column fills one field. Choose another column for ${spec.label}.`,
        });
      else usedBy.set(c, field);
    }
  }
  for (const group of IMPORT_REQUIRED_FIELDS[kind]) {
    if (group.some((field) => (mapping[field]?.length ?? 0) > 0)) continue;
    const labels = group.map((field) => specs[field]?.label ?? field);
    problems.push({ field: group[0] ?? null, message: `Map a column to ${labels.join(" or ")}.` });
  }
  return problems;
}
