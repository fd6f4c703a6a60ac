import { z } from "zod";

/** Emails are compared case-insensitively: stored and looked up trimmed and lower-cased. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const emailSchema = z.email("Enter a valid email address.").max(254, "That email address is too long.");

/** Sign-in input. The password is only checked for presence and size: its rules apply when it is set. */
export const loginInputSchema = z.strictObject({
  email: z.string({ error: "Enter your email address." }).trim().min(1, "Enter your email address.").pipe(emailSchema),
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(1024, "That password is too long."),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

/** Rules for a new password (NIST 800-63B: length over composition rules; no maximum below 64). */
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(1024, "Use at most 1024 characters.")
  .refine((value) => new Set(value).size >= 4, "Use a less repetitive password.");
