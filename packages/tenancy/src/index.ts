// @servicepro/tenancy: what a tenant is, independent of storage. Pure: no I/O.
// Browser code that needs only constants imports "@servicepro/tenancy/constants" (no zod).
import { z } from "zod";

export * from "./constants.ts";

import { TENANT_SLUG_PATTERN } from "./constants.ts";

/** A tenant slug from user input: trimmed, lower-cased, then held to TENANT_SLUG_PATTERN. */
export const tenantSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(TENANT_SLUG_PATTERN, "Use 2–63 lower-case letters, digits or hyphens, not starting or ending with a hyphen.");

/** Suggests a slug from a business name: "Green Lawn Co." → "green-lawn-co". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/g, "");
}
