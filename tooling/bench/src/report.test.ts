import { describe, expect, it } from "vitest";
import { NAMES } from "./config.ts";
import { judge, type Round, resultText } from "./goals.ts";
import type { Sample } from "./measure.ts";
import { readBlocks, render } from "./report.ts";
import { median, ratioText, sig2, spread } from "./stats.ts";

const sample = (rps: number, p50 = 10, p99 = 20, wholeMs = true): Sample => ({
  rps,
  p50,
  p99,
  non2xx: 0,
  total: Math.round(rps),
  wholeMs,
});

describe("two significant figures", () => {
  it("keeps small ratios visible and never uses exponents", () => {
    expect(sig2(0.006)).toBe("0.0060");
    expect(sig2(0.0043)).toBe("0.0043");
    expect(sig2(0.1)).toBe("0.10");
    expect(sig2(1.25)).toBe("1.3");
    expect(sig2(24)).toBe("24");
    expect(sig2(1234)).toBe("1200");
    expect(sig2(0)).toBe("0");
  });

  it("gives the median and the range across rounds", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(ratioText(spread([0.12, 0.1, 0.13]))).toBe("0.12× [0.10–0.13]");
    expect(ratioText(spread([0.5]))).toBe("0.50×");
  });
});

describe("goals", () => {
  const round = (sms: number, bare: number, voiceP50: number, bareP50: number): Round =>
    new Map([
      [NAMES.sms, { sample: sample(sms, 20, 50), baseline: sample(bare) }],
      [NAMES.voice, { sample: sample(50, voiceP50, voiceP50 * 2, false), baseline: sample(5000, bareP50, 1, false) }],
    ]);

  it("judges the median of the per-round ratios, with the stretch where there is one", () => {
    const results = judge([
      round(1100, 10_000, 0.6, 0.1),
      round(900, 10_000, 0.45, 0.1),
      round(2000, 10_000, 0.9, 0.1),
    ]);
    const sms = results.find((g) => g.figure === NAMES.sms && g.measure === "req/s")!;
    expect(sms.ratio).toMatchObject({ median: 0.11, min: 0.09, max: 0.2 });
    expect(resultText(sms)).toBe("PASS");
    const tail = results.find((g) => g.figure === NAMES.sms && g.measure === "p99/p50")!;
    expect(tail.ratio.median).toBe(2.5);
    expect(tail.pass).toBe(true);
    const voice = results.find((g) => g.figure === NAMES.voice)!;
    expect(voice.ratio.median).toBeCloseTo(6);
    expect(resultText(voice)).toBe("PASS");
    expect(voice.stretchMet).toBe(false);
    // Goals whose figures did not run are left out, not failed.
    expect(results.some((g) => g.figure === NAMES.auth)).toBe(false);
  });

  it("fails a ratio below the goal and meets a stretch", () => {
    const [sms] = judge([round(900, 10_000, 0.4, 0.1)]);
    expect(resultText(sms!)).toBe("FAIL");
    const voice = judge([round(900, 10_000, 0.4, 0.1)]).find((g) => g.figure === NAMES.voice)!;
    expect(resultText(voice)).toBe("PASS (stretch met)");
  });
});

describe("the report", () => {
  const template = [
    "# Benchmarks",
    "Hand-written intro.",
    "<!-- bench:run -->",
    "- Run: 2026-01-01T00:00:00.000Z, Node 22",
    "<!-- /bench:run -->",
    "<!-- bench:figures -->",
    "old figures",
    "<!-- /bench:figures -->",
    "## Profiles",
    "Hand-written profile.",
    "<!-- bench:goals -->",
    "| figure | yardstick | measure | ratio [range] | goal | stretch | result | set by |",
    "|---|---|---|---|---|---|---|---|",
    "| A | B | req/s | 0.12× [0.10–0.13] | ≥ 0.1× | — | PASS | issue 12 |",
    "<!-- /bench:goals -->",
    "<!-- bench:history -->",
    "| run | figure | yardstick | measure | ratio | goal | result |",
    "|---|---|---|---|---|---|---|",
    "| 2025-12-31T00:00:00.000Z | A | B | req/s | 0.09× | ≥ 0.1× | FAIL |",
    "<!-- /bench:history -->",
    "",
  ].join("\n");

  it("rewrites only the generated blocks and carries the last run's goals into the history", () => {
    const rounds: Round[] = [new Map([[NAMES.auth, { sample: sample(1500), baseline: sample(10_000) }]])];
    const { doc } = render(
      template,
      [{ name: NAMES.auth, connections: 10, oneConnection: false }],
      rounds,
      judge(rounds),
    );
    expect(doc).toContain("Hand-written intro.");
    expect(doc).toContain("## Profiles\nHand-written profile.");
    expect(doc).not.toContain("old figures");
    const blocks = readBlocks(doc);
    expect(blocks.figures).toContain(`| ${NAMES.auth} | 10 | 1500 |`);
    expect(blocks.goals).toContain(
      `| ${NAMES.auth} | bare Hono route | req/s | 0.15× | ≥ 0.1× | — | PASS | issue 12 |`,
    );
    const history = blocks.history.split("\n").filter((l) => l.startsWith("| 20"));
    expect(history).toEqual([
      "| 2026-01-01T00:00:00.000Z | A | B | req/s | 0.12× | ≥ 0.1× | PASS |",
      "| 2025-12-31T00:00:00.000Z | A | B | req/s | 0.09× | ≥ 0.1× | FAIL |",
    ]);
  });

  it("refuses a report whose generated blocks are gone", () => {
    expect(() => readBlocks(template.replace("<!-- /bench:goals -->", ""))).toThrow(/no generated block "goals"/);
  });
});
