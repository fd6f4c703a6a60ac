import type { ConsentLanguage } from "../types.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import type { Lexicon } from "./types.ts";

export type { Lexicon, Rule } from "./types.ts";

export const LEXICONS: Readonly<Record<ConsentLanguage, Lexicon>> = { en, es, fr };
/** Every lexicon runs on every text (people mix: "STOP por favor"); the language found only labels it. */
export const ALL_LEXICONS: readonly Lexicon[] = [en, es, fr];
