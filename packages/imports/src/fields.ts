// What each kind of import reads: its target fields, which of them a file must have, and the names
// people commonly give those columns (how an unknown layout is mapped automatically).
export const IMPORT_KINDS = ["customers", "assets", "appointments", "messages", "points"] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export type FieldSpec = {
  /** Shown on the mapping screen. */
  label: string;
  /** Column names (compared case- and punctuation-blind) that map to this field without asking. */
  synonyms: readonly string[];
};

/** How a row finds its customer (assets, appointments, messages, points). */
const CUSTOMER_REF = {
  customerExternalId: { label: "Customer ID", synonyms: ["customer id", "client id", "customer external id"] },
  customerPhone: { label: "Customer phone", synonyms: ["customer phone", "phone", "mobile", "phone number"] },
  customerEmail: { label: "Customer email", synonyms: ["customer email", "email", "e-mail", "email address"] },
} satisfies Record<string, FieldSpec>;

export const KIND_FIELDS = {
  customers: {
    externalId: { label: "ID in the old system", synonyms: ["id", "customer id", "client id", "external id"] },
    name: { label: "Full name", synonyms: ["name", "full name", "display name", "customer name", "client name"] },
    firstName: { label: "First name", synonyms: ["first name", "firstname", "given name"] },
    lastName: { label: "Last name", synonyms: ["last name", "lastname", "surname", "family name"] },
    phone: { label: "Phone", synonyms: ["phone", "mobile", "cell", "phone number", "mobile phone", "mobile number"] },
    altPhone: { label: "Other phone", synonyms: ["home phone", "work phone", "other phone", "alt phone", "phone 2"] },
    email: { label: "Email", synonyms: ["email", "e-mail", "email address"] },
    address: { label: "Address", synonyms: ["address", "street", "street address"] },
    notes: { label: "Notes", synonyms: ["notes", "note", "memo", "comments"] },
    tags: { label: "Tags", synonyms: ["tags", "tag", "groups", "labels"] },
  },
  assets: {
    ...CUSTOMER_REF,
    externalId: { label: "Asset ID", synonyms: ["asset id", "vehicle id", "pet id", "property id"] },
    kind: { label: "Kind (vehicle, pet, property)", synonyms: ["kind", "type", "asset type"] },
    label: { label: "Description", synonyms: ["label", "description", "vehicle", "pet", "property", "name"] },
    notes: { label: "Notes", synonyms: ["notes", "note"] },
  },
  appointments: {
    ...CUSTOMER_REF,
    externalId: { label: "Job ID", synonyms: ["job id", "appointment id", "visit id", "job #"] },
    startsAt: { label: "Start", synonyms: ["start", "date", "start date", "scheduled", "visit date", "starts at"] },
    durationMinutes: { label: "Duration (minutes)", synonyms: ["duration", "minutes", "length"] },
    service: { label: "Service", synonyms: ["service", "job title", "title", "item"] },
    price: { label: "Price", synonyms: ["price", "total", "amount", "job total"] },
    notes: { label: "Notes", synonyms: ["notes", "instructions"] },
  },
  messages: {
    ...CUSTOMER_REF,
    externalId: { label: "Message ID", synonyms: ["message id", "sid", "message sid"] },
    direction: { label: "Direction (in/out)", synonyms: ["direction", "type"] },
    body: { label: "Text", synonyms: ["body", "text", "message", "content"] },
    sentAt: { label: "Sent at", synonyms: ["sent at", "date", "timestamp", "time", "created at"] },
  },
  points: {
    ...CUSTOMER_REF,
    points: { label: "Points balance", synonyms: ["points", "balance", "points balance", "loyalty points"] },
  },
} as const satisfies Record<ImportKindName, Record<string, FieldSpec>>;

export type TargetField<K extends ImportKindName = ImportKindName> = keyof (typeof KIND_FIELDS)[K] & string;

/**
 * Fields a file must map. Customers: a phone (the customer's key) — a row without one is rejected,
 * unless its email finds an existing customer. The other kinds: something that finds the customer.
 */
export const REQUIRED_FIELDS: Record<ImportKindName, readonly (readonly string[])[]> = {
  // Each inner list: at least one of these must be mapped.
  customers: [["phone", "email"]],
  assets: [["customerExternalId", "customerPhone", "customerEmail"], ["label"]],
  appointments: [["customerExternalId", "customerPhone", "customerEmail"], ["startsAt"]],
  messages: [["customerExternalId", "customerPhone", "customerEmail"], ["body"], ["sentAt"], ["direction"]],
  points: [["customerExternalId", "customerPhone", "customerEmail"], ["points"]],
};
