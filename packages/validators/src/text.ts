// One rule for every string that enters the system. PostgreSQL refuses NUL in text columns and
// lone UTF-16 surrogates in jsonb, so letting either through turns a person's typo (or a fuzzer's
// probe) into a 500. Every text field of every input is built from `textSchema`, which refuses
// them with a message naming the field; raw bodies we must accept (Twilio webhooks) go through
// `scrubText` instead, which replaces them.
import { z } from "zod";

/** NUL, or a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSAFE_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_CHARACTERS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether `value` holds a character PostgreSQL cannot store (NUL, or a lone surrogate). */
export const hasUnstorableCharacter = (value: string): boolean => UNSAFE_CHARACTER.test(value);

/** Replaces NUL and lone surrogates with U+FFFD, for text we must accept as sent (webhook bodies). */
export const scrubText = (value: string): string => value.replace(UNSAFE_CHARACTERS, "\uFFFD");

/** Whether PostgreSQL can store `value` (no NUL, no lone surrogate): the predicate for `.refine`. */
export const isStorableText = (value: string): boolean => !hasUnstorableCharacter(value);

const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** The message for a field holding NUL or a lone surrogate; `label` names it ("the reason"). */
export const unstorableTextMessage = (label: string): string =>
  `${capitalise(label)} contains a character that cannot be stored (a NUL or a broken emoji). Retype it and try again.`;

/**
 * The refinement every text schema carries, for a schema that keeps its own messages:
 * `z.string().trim().max(80, "…").refine(...storableRefinement("the name"))`.
 */
export const storableRefinement = (label: string) =>
  [isStorableText, { message: unstorableTextMessage(label) }] as const;

export type TextOptions = {
  /** Minimum length after trimming; 1 means "required". Default 1. */
  min?: number;
  /** Maximum length after trimming. */
  max: number;
  /** Keep leading and trailing spaces (message bodies). Default false: trimmed. */
  keepWhitespace?: boolean;
};

/**
 * A text field from a person: trimmed, refused when empty (unless `min: 0`), too long, or holding
 * NUL or a lone surrogate. `label` is the field as a sentence names it: "the business name".
 */
export function textSchema(label: string, { min = 1, max, keepWhitespace = false }: TextOptions) {
  const base = z.string({ error: `Enter ${label}.` });
  const trimmed = keepWhitespace ? base : base.trim();
  return trimmed
    .min(min, { message: min <= 1 ? `Enter ${label}.` : `${capitalise(label)} needs at least ${min} characters.` })
    .max(max, { message: `${capitalise(label)} can be at most ${max} characters.` })
    .refine(...storableRefinement(label));
}

/** An optional text field: "" (what an empty form field sends) and null both mean "none" (null). */
export function optionalTextSchema(label: string, { max }: { max: number }) {
  return z
    .union([textSchema(label, { min: 0, max }), z.null()])
    .optional()
    .transform((value) => (value ? value : null));
}

/**
 * Where in a parsed JSON value (an API input) the first string or object key PostgreSQL cannot
 * store sits, as a path (["owner", "name"]), or null when there is none. The API refuses such an
 * input whatever the procedure's schema says, so no field can be forgotten.
 */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return hasUnstorableCharacter(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnstorableCharacter(key)) return [...path, scrubText(key)];
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
