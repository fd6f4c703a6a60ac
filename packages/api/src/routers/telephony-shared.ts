// Shared by the telephony screens' procedures (admin phone numbers, tenant inbox and calls log):
// the API speaks the telephony package's names ("ai-voice", "ai-handled"); Prisma's enums use
// identifiers ("ai_voice", "ai_handled") because a TypeScript name cannot contain "-".
import { AFTER_HOURS_MODES, CALL_OUTCOME_LABELS, type CallOutcome, IVR_MODES, isE164 } from "@servicepro/telephony";
import { z } from "zod";

type DbCallOutcome = "in_progress" | "answered" | "forwarded" | "voicemail" | "missed" | "ai_handled";

/** The database spells it ai_voice (a Prisma enum name), the product "ai-voice"; the mapping lives in messaging. */
export { fromDbIvrMode as ivrModeFromDb, toDbIvrMode as ivrModeToDb } from "@servicepro/voice";
export const callOutcomeFromDb = (outcome: DbCallOutcome): CallOutcome =>
  outcome === "ai_handled" ? "ai-handled" : outcome;

export const ivrModeSchema = z.enum(IVR_MODES);
export const afterHoursModeSchema = z.enum(AFTER_HOURS_MODES);
export const callOutcomeSchema = z.enum(Object.keys(CALL_OUTCOME_LABELS) as [CallOutcome, ...CallOutcome[]]);

/** A phone number as Twilio speaks it. The admin screens show this message next to the field. */
export const e164Schema = z.string().trim().refine(isE164, {
  message:
    "Enter the number in international E.164 format, e.g. +15555550100 (a plus, the country code, then the number).",
});

/**
 * Optional free text: trimmed, "" means "not set" (stored as null, so the standard wording applies).
 * Forms send "" for a cleared field; scripts may send null.
 */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} can be at most ${max} characters.` })
    .nullable()
    .transform((value) => (value ? value : null));

/** Keyset pagination cursor "<ISO time>_<uuid>": stable under inserts, unlike offsets. */
export const cursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, { message: "That page cursor is not valid; reload the list." });

export const encodeCursor = (at: Date, id: string) => `${at.toISOString()}_${id}`;

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const split = cursor.lastIndexOf("_");
  return { at: new Date(cursor.slice(0, split)), id: cursor.slice(split + 1) };
}

export const pageLimitSchema = z.number().int().min(1).max(100).default(25);

/**
 * tRPC's infinite queries send `direction` with the cursor. Only forward paging exists, but a
 * strict input must still accept the key the client adds.
 */
export const pageDirectionSchema = z.enum(["forward", "backward"]).optional();
