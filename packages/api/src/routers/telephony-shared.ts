// Shared by the telephony screens' procedures (admin phone numbers, tenant inbox and calls log):
// the API speaks the telephony package's names ("ai-voice", "ai-handled"); Prisma's enums use
// identifiers ("ai_voice", "ai_handled") because a TypeScript name cannot contain "-".
import { AFTER_HOURS_MODES, CALL_OUTCOME_LABELS, type CallOutcome, IVR_MODES } from "@servicepro/telephony";
import { phoneSchema, storableRefinement } from "@servicepro/validators";
import { z } from "zod";

type DbCallOutcome = "in_progress" | "answered" | "forwarded" | "voicemail" | "missed" | "ai_handled";

/** The database spells it ai_voice (a Prisma enum name), the product "ai-voice"; the mapping lives in messaging. */
export { fromDbIvrMode as ivrModeFromDb, toDbIvrMode as ivrModeToDb } from "@servicepro/voice";
export const callOutcomeFromDb = (outcome: DbCallOutcome): CallOutcome =>
  outcome === "ai_handled" ? "ai-handled" : outcome;

export const ivrModeSchema = z.enum(IVR_MODES);
export const afterHoursModeSchema = z.enum(AFTER_HOURS_MODES);
export const callOutcomeSchema = z.enum(Object.keys(CALL_OUTCOME_LABELS) as [CallOutcome, ...CallOutcome[]]);

/**
 * A phone number in any form a person types ("(720) 555-0199", "+1 720 555 0199"), stored as
 * E.164: the same rule as the set-up wizard's. `label` names the field in the message.
 */
export const phoneInputSchema = (label = "the phone number") => phoneSchema(label);

/**
 * Optional free text: trimmed, "" means "not set" (stored as null, so the standard wording applies).
 * Forms send "" for a cleared field; scripts may send null.
 */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} can be at most ${max} characters.` })
    .refine(...storableRefinement(label.toLowerCase()))
    .nullable()
    .transform((value) => (value ? value : null));

export const pageLimitSchema = z.number().int().min(1).max(100).default(25);

/**
 * tRPC's infinite queries send `direction` with the cursor. Only forward paging exists, but a
 * strict input must still accept the key the client adds.
 */
export const pageDirectionSchema = z.enum(["forward", "backward"]).optional();
