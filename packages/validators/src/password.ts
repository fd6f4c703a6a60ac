import { z } from "zod";
import { hasUnstorableCharacter } from "./text.ts";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
export const PASSWORD_RULES_HINT = "At least 12 characters. A few unrelated words make a strong, memorable password.";

/** Rules for a new password (NIST 800-63B: length over composition rules; no maximum below 64). */
export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((value) => new Set(value).size >= 4, "Use a less repetitive password.")
  .refine((value) => !hasUnstorableCharacter(value), "The password contains a character that cannot be stored.");

/** A password being presented (sign-in): only presence and size; its rules applied when it was set. */
export const presentedPasswordSchema = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(PASSWORD_MAX_LENGTH, "That password is too long.");
