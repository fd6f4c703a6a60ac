// @servicepro/tenancy: what a tenant is, independent of storage. Pure: no I/O.
// Browser code that needs only constants imports "@servicepro/tenancy/constants" (no zod).
// The slug rules (slugSchema, existingSlugSchema, slugify) live in @servicepro/validators.
export * from "./constants.ts";
