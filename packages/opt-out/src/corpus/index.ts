import { EN_CORPUS, UNCLEAR } from "./en.ts";
import { ES_CORPUS } from "./es.ts";
import { FR_CORPUS } from "./fr.ts";
import type { CorpusEntry } from "./types.ts";

export type { CorpusEntry, CorpusLabel } from "./types.ts";

/** The labelled opt-out corpus (issue 11 §1): English, Spanish and French, by class. */
export const CORPUS: readonly CorpusEntry[] = [...EN_CORPUS, ...ES_CORPUS, ...FR_CORPUS, ...UNCLEAR];
export const CORPUS_BY_LANGUAGE = { en: EN_CORPUS, es: ES_CORPUS, fr: FR_CORPUS } as const;
