import { z } from "zod";

/**
 * The canonical IANA name for `value` ("america/chicago" → "America/Chicago"), or null when the
 * runtime does not know it. UTC offsets ("+02:00") are refused: they ignore daylight saving, so
 * business hours would drift by an hour twice a year.
 */
export function canonicalTimeZone(value: string): string | null {
  if (!/^[A-Za-z]/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string({ error: "Choose the business's time zone, e.g. America/Chicago." })
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value.trim());
    if (!zone) {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not a time zone we know: use an IANA name such as America/Chicago or Europe/London.`,
      });
      return z.NEVER;
    }
    return zone;
  });
