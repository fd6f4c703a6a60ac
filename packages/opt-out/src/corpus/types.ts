import type { ConsentChannel } from "../types.ts";

export type CorpusLabel = "opt_out" | "none" | "opt_in" | "help";

/** One labelled phrase. `class` groups the figures the corpus test prints. */
export type CorpusEntry = { text: string; label: CorpusLabel; class: string; channel?: ConsentChannel };

export const group = (label: CorpusLabel, cls: string, texts: readonly string[], channel?: ConsentChannel) =>
  texts.map((text): CorpusEntry => ({ text, label, class: cls, ...(channel ? { channel } : {}) }));
