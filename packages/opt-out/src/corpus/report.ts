/**
 * Per-class figures for a labelled set: recall on revocations (a `review` counts as caught, the strict
 * opt_out-only figure beside it) and false opt-outs on everything else. Shared by the corpus test and the
 * blind held-out test so both print the same table.
 */
import { classifyConsent, OPT_OUT_THRESHOLD, REVIEW_THRESHOLD } from "../classify.ts";
import type { ConsentDecision } from "../types.ts";
import type { CorpusEntry } from "./types.ts";

export type Row = { entry: CorpusEntry; decision: ConsentDecision };

export const classifyAll = (entries: readonly CorpusEntry[]): Row[] =>
  entries.map((entry) => ({
    entry,
    decision: classifyConsent(entry.text, entry.channel ? { channel: entry.channel } : {}),
  }));

const pct = (n: number, d: number) => (d === 0 ? "  -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

export function report(title: string, rows: readonly Row[], sizes: Record<string, number>): string {
  const classesOf = (label: CorpusEntry["label"]) => [
    ...new Set(rows.filter((r) => r.entry.label === label).map((r) => r.entry.class)),
  ];
  const lines: string[] = [];
  const bySize = Object.entries(sizes).map(([lang, n]) => `${lang} ${n}`);
  lines.push(`${title}: ${rows.length} phrases (${bySize.join(", ")})`);
  lines.push(`thresholds: opt_out >= ${OPT_OUT_THRESHOLD}, review >= ${REVIEW_THRESHOLD}`);
  lines.push("revocations        n   caught(opt_out+review)  strict(opt_out)  review");
  let total = 0;
  let caught = 0;
  let strict = 0;
  for (const cls of classesOf("opt_out")) {
    const of = rows.filter((r) => r.entry.label === "opt_out" && r.entry.class === cls);
    const out = of.filter((r) => r.decision.kind === "opt_out").length;
    const review = of.filter((r) => r.decision.kind === "review").length;
    total += of.length;
    caught += out + review;
    strict += out;
    lines.push(
      `  ${cls.padEnd(17)}${String(of.length).padStart(3)}   ${pct(out + review, of.length)}                 ${pct(out, of.length)}        ${review}`,
    );
  }
  lines.push(
    `  ${"ALL".padEnd(17)}${String(total).padStart(3)}   ${pct(caught, total)}                 ${pct(strict, total)}`,
  );
  lines.push("non-revocations    n   false opt-out  review  wrong kind");
  let others = 0;
  let falseOut = 0;
  for (const label of ["none", "opt_in", "help"] as const)
    for (const cls of classesOf(label)) {
      const of = rows.filter((r) => r.entry.label === label && r.entry.class === cls);
      const out = of.filter((r) => r.decision.kind === "opt_out").length;
      const review = of.filter((r) => r.decision.kind === "review").length;
      const wrongKind = label === "none" ? 0 : of.filter((r) => r.decision.kind !== label).length;
      others += of.length;
      falseOut += out;
      lines.push(
        `  ${`${label}:${cls}`.padEnd(17)}${String(of.length).padStart(3)}   ${pct(out, of.length)}         ${String(review).padEnd(7)} ${wrongKind}`,
      );
    }
  lines.push(`  ${"ALL".padEnd(17)}${String(others).padStart(3)}   ${pct(falseOut, others)}`);
  const reviews = rows.filter((r) => r.decision.kind === "review");
  lines.push(`review queue: ${reviews.length} of ${rows.length} (${pct(reviews.length, rows.length).trim()})`);
  for (const r of reviews) lines.push(`  review: ${JSON.stringify(r.entry.text)} [${r.entry.label}:${r.entry.class}]`);
  return lines.join("\n");
}
