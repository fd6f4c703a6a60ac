/**
 * The labelled corpus (issue 11 §1): recall per revocation class, false opt-outs per other class,
 * printed as a table in every `npm test`, then the goals asserted.
 *
 * A `review` on a revocation counts as caught for recall: the message is flagged in the inbox for
 * staff before anything else is sent to that number (decided here, explicitly). The strict figure
 * (opt_out only) is printed next to it and has its own goal, so the review queue cannot quietly
 * absorb revocations.
 */
import { describe, expect, it } from "vitest";
import { classifyConsent } from "./classify.ts";
import { CORPUS, CORPUS_BY_LANGUAGE } from "./corpus/index.ts";
import { classifyAll, report as tableOf } from "./corpus/report.ts";

const rows = classifyAll(CORPUS);
const report = () =>
  tableOf(
    "opt-out corpus",
    rows,
    Object.fromEntries(Object.entries(CORPUS_BY_LANGUAGE).map(([lang, list]) => [lang, list.length])),
  );

describe("opt-out corpus (issue 11 §1)", () => {
  it("prints recall and false opt-outs per class", () => {
    // The figures are this test's output (issue 11: printed in every `npm test`); vitest shows stdout per test.
    // eslint-disable-next-line no-console -- a report, not debugging left behind
    console.log(report());
  });

  it("is at least 400 phrases, with at least 60 Spanish and 60 French", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(400);
    expect(CORPUS_BY_LANGUAGE.es.length).toBeGreaterThanOrEqual(60);
    expect(CORPUS_BY_LANGUAGE.fr.length).toBeGreaterThanOrEqual(60);
  });

  it("catches every revocation (opt_out, or review for staff)", () => {
    const missed = rows.filter((r) => r.entry.label === "opt_out" && !["opt_out", "review"].includes(r.decision.kind));
    expect(missed.map((r) => `${r.entry.class}: ${r.entry.text}`)).toEqual([]);
  });

  it("opts out at least 97 % of revocations outright (review is for the uncertain middle)", () => {
    const revocations = rows.filter((r) => r.entry.label === "opt_out");
    const outright = revocations.filter((r) => r.decision.kind === "opt_out").length;
    expect(outright / revocations.length).toBeGreaterThanOrEqual(0.97);
  });

  it("never opts out a text that is not a revocation (negations, stop by, cancel my appointment, praise…)", () => {
    const wrong = rows.filter((r) => r.entry.label !== "opt_out" && r.decision.kind === "opt_out");
    expect(wrong.map((r) => `${r.entry.class}: ${r.entry.text} (${JSON.stringify(r.decision)})`)).toEqual([]);
  });

  it("sends the unclear middle to staff: every `unclear` phrase is a review", () => {
    const wrong = rows.filter((r) => r.entry.class === "unclear" && r.decision.kind !== "review");
    expect(wrong.map((r) => `${r.entry.text} → ${r.decision.kind}`)).toEqual([]);
  });

  it("keeps the review queue small: at most 3 % of the corpus", () => {
    const reviews = rows.filter((r) => r.decision.kind === "review").length;
    expect(reviews / rows.length).toBeLessThanOrEqual(0.03);
  });

  it("answers keywords with their kind: opt-in and help are recognised, nothing else is", () => {
    const wrong = rows.filter(
      (r) => (r.entry.label === "opt_in" || r.entry.label === "help") && r.decision.kind !== r.entry.label,
    );
    expect(wrong.map((r) => r.entry.text)).toEqual([]);
  });

  it("labels the language of the phrase", () => {
    for (const [language, list] of Object.entries(CORPUS_BY_LANGUAGE)) {
      const sentences = list.filter((e) => e.text.trim().split(/\s+/).length >= 4);
      const right = sentences.filter((e) => classifyConsent(e.text).language === language).length;
      expect(right / sentences.length, language).toBeGreaterThanOrEqual(0.9);
    }
  });
});
