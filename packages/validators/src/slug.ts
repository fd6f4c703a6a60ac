import { z } from "zod";
import { SLUG_PATTERN } from "./patterns.ts";

/**
 * Words a business cannot take as its slug: our own route names (a business at /portal/admin
 * would be confusing at best), and names that would pass for the platform speaking.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "admin",
  "api",
  "app",
  "apps",
  "assets",
  "auth",
  "billing",
  "book",
  "booking",
  "dashboard",
  "docs",
  "healthz",
  "help",
  "login",
  "logout",
  "media",
  "new",
  "owner",
  "platform",
  "portal",
  "root",
  "servicepro",
  "settings",
  "signin",
  "signup",
  "static",
  "status",
  "support",
  "system",
  "trpc",
  "twilio",
  "webhooks",
  "www",
]);

export const isReservedSlug = (slug: string): boolean => RESERVED_SLUGS.has(slug);

/** A business's web address name, from what a person typed: trimmed, lower-cased, then checked. */
export const slugSchema = z
  .string({ error: "Enter a web address name (slug), e.g. green-lawn." })
  .trim()
  .toLowerCase()
  .regex(SLUG_PATTERN, {
    message:
      "The slug is 2–63 lowercase letters, digits and dashes, not starting or ending with a dash, e.g. green-lawn.",
  })
  .refine((slug) => !isReservedSlug(slug), {
    message:
      "That slug is a word ServicePro uses for its own pages. Choose another, e.g. add the town: green-lawn-austin.",
  });

/**
 * A slug or tenant id that names a business which already exists (a lookup, not a new name): the
 * shape only, because existing ids may be reserved words (the platform's own business is "root").
 */
export const existingSlugSchema = (label = "a business id") =>
  z
    .string({ error: `Send ${label}.` })
    .trim()
    .toLowerCase()
    .regex(SLUG_PATTERN, {
      message: `That is not ${label} (2–63 lowercase letters, digits and dashes), e.g. green-lawn.`,
    });

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
