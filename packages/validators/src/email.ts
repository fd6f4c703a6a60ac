import { z } from "zod";
import { hasUnstorableCharacter } from "./text.ts";

/** Emails are compared case-insensitively: stored and looked up trimmed and lower-cased. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** An email address as the server checks it (zod's email rule, RFC 5321's 254 characters). */
export const emailSchema = z
  .email("Enter a valid email address.")
  .max(254, "That email address is too long.")
  .refine((value) => !hasUnstorableCharacter(value), "That email address contains a character that cannot be stored.");

/** An email typed by a person: trimmed and lower-cased, then checked. `label`: "the owner's email address". */
export const emailInputSchema = (label = "an email address") =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .transform(normalizeEmail)
    .pipe(emailSchema);
