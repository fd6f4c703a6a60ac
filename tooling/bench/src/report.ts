// docs/benchmarks.md: the bench rewrites only its generated blocks (between <!-- bench:NAME --> and
// <!-- /bench:NAME -->); the narrative around them (what each figure is, its profile) is written by hand.
import { cpus, release, totalmem } from "node:os";
import { settings } from "./config.ts";
import { type GoalResult, type Round, resultText } from "./goals.ts";
import type { Sample } from "./measure.ts";
import { median, ms, ratioText, sig2, spread } from "./stats.ts";

export type FigureInfo = { name: string; connections: number; oneConnection: boolean; note?: string };

const BLOCKS = ["run", "figures", "goals", "history"] as const;
type Block = (typeof BLOCKS)[number];
const HISTORY_KEPT = 40;

const table = (header: string[], rows: string[][]) => [
  `| ${header.join(" | ")} |`,
  `|${header.map(() => "---").join("|")}|`,
  ...rows.map((r) => `| ${r.join(" | ")} |`),
];

function runBlock(runAt: string, rounds: readonly Round[]): string[] {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const base = (oneConnection: boolean) =>
    rounds
      .flatMap((r) => [...r.values()])
      .map((r) => r.baseline)
      .filter((b) => b.wholeMs === !oneConnection);
  const loaded = base(false);
  const single = base(true);
  return [
    `- Run: ${runAt}, Node ${process.versions.node}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}`,
    `- Method: ${settings.durationS} s per sample, ${rounds.length} interleaved rounds (each figure right after a bare-route sample at its own connections, order rotated each round); ratios are the median of the per-round ratios with the [min–max] range, two significant figures`,
    "- ServicePro: `apps/server/src/main.ts` on PostgreSQL (a fresh database with the demo data), LOG_LEVEL=warn, NODE_ENV=production",
    ...(loaded.length > 0
      ? [
          `- Bare Hono route under load (autocannon): median ${median(loaded.map((b) => b.rps)).toFixed(0)} req/s, p50 ${median(loaded.map((b) => b.p50))} ms, p99 ${median(loaded.map((b) => b.p99))} ms`,
        ]
      : []),
    ...(single.length > 0
      ? [
          `- Bare Hono route at 1 connection (closed loop, µs clock): p50 ${ms(median(single.map((b) => b.p50)))} ms, p99 ${ms(median(single.map((b) => b.p99)))} ms`,
        ]
      : []),
  ];
}

function figuresBlock(figures: readonly FigureInfo[], rounds: readonly Round[]): string[] {
  const rows = figures.flatMap((figure) => {
    const runs = rounds.map((r) => r.get(figure.name)).filter((r) => r !== undefined);
    if (runs.length === 0) return [];
    const of = (pick: (s: Sample) => number) => median(runs.map((r) => pick(r.sample)));
    const floor = (b: Sample, x: number) => (b.wholeMs ? Math.max(x, 1) : x);
    const latencyRatio = (pick: (s: Sample) => number) =>
      `${sig2(median(runs.map((r) => pick(r.sample) / floor(r.baseline, pick(r.baseline)))))}×`;
    return [
      [
        figure.name,
        String(figure.connections),
        of((s) => s.rps).toFixed(0),
        ms(of((s) => s.p50)),
        ms(of((s) => s.p99)),
        sig2(median(runs.map((r) => r.sample.p99 / Math.max(r.sample.p50, r.sample.wholeMs ? 1 : 1e-3)))),
        ratioText(spread(runs.map((r) => r.sample.rps / r.baseline.rps))),
        latencyRatio((s) => s.p50),
        latencyRatio((s) => s.p99),
        `${runs.reduce((n, r) => n + r.sample.non2xx, 0)} of ${runs.reduce((n, r) => n + r.sample.total, 0)}`,
      ],
    ];
  });
  const notes = figures.flatMap((figure) => {
    const runs = rounds.map((r) => r.get(figure.name)).filter((r) => r !== undefined);
    const acks = runs.map((r) => r.sample.ackRps).filter((x): x is number => x !== undefined);
    return acks.length > 0 && figure.note
      ? [
          "",
          `${figure.note} Acknowledged at a median ${median(acks).toFixed(0)} texts/s, visible in the inbox at ${median(runs.map((r) => r.sample.rps)).toFixed(0)}/s (the req/s column).`,
        ]
      : [];
  });
  return [
    ...table(
      [
        "figure",
        "connections",
        "req/s",
        "p50 ms",
        "p99 ms",
        "p99/p50",
        "req/s vs bare route",
        "p50 vs bare route",
        "p99 vs bare route",
        "non-2xx",
      ],
      rows,
    ),
    ...notes,
    "",
    "Each ratio divides by the bare-route sample taken just before it at the same connections (at 1 connection, by",
    "the same closed-loop client). Latencies under load are autocannon's whole milliseconds; a 0 ms bare route counts as 1 ms.",
  ];
}

function goalsBlock(goals: readonly GoalResult[]): string[] {
  return table(
    ["figure", "yardstick", "measure", "ratio [range]", "goal", "stretch", "result", "set by"],
    goals.map((g) => [
      g.figure,
      g.measure === "p99/p50" ? "its own p50" : g.yardstick,
      g.measure,
      ratioText(g.ratio),
      `${g.op} ${g.goal}×`,
      g.stretch !== undefined ? `${g.op} ${g.stretch}×` : "—",
      resultText(g),
      g.source,
    ]),
  );
}

/** Splits a markdown table row into trimmed cells. */
const cells = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());
const isRule = (line: string) => cells(line).every((c) => /^-+$/.test(c) || /^\d{4}-\d\d-\d\dT/.test(c));

/**
 * The previous run's goal rows, stamped with its run time, ahead of the history it carried: one run on
 * a shared machine proves little, the series does. Columns are found by header name, so reports from
 * before this layout carry over too (those without a "measure" column had only req/s goals).
 */
function historyBlock(previous: Record<Block, string>): string[] {
  const runAt = /- Run: (\S+?),/.exec(previous.run)?.[1];
  const lines = previous.goals.split("\n").filter((l) => l.startsWith("|"));
  const header = lines[0] ? cells(lines[0]) : [];
  const col = (name: string) => header.findIndex((h) => h === name || h.startsWith(`${name} `));
  const carried =
    runAt && header.length > 0
      ? lines
          .slice(1)
          .filter((l) => !isRule(l))
          .map((l) => {
            const c = cells(l);
            const get = (name: string, fallback = "") => (col(name) >= 0 ? c[col(name)]! : fallback);
            const ratio = get("ratio").split(" ")[0]!;
            return `| ${[runAt, get("figure"), get("yardstick"), get("measure", "req/s"), ratio, get("goal"), get("result")].join(" | ")} |`;
          })
      : [];
  const older = previous.history.split("\n").filter((l) => l.startsWith("| 2") && !isRule(l));
  const rows = [...carried, ...older].slice(0, HISTORY_KEPT);
  return rows.length === 0
    ? ["No earlier runs."]
    : ["| run | figure | yardstick | measure | ratio | goal | result |", "|---|---|---|---|---|---|---|", ...rows];
}

const begin = (b: Block) => `<!-- bench:${b} -->`;
const end = (b: Block) => `<!-- /bench:${b} -->`;

/** The generated blocks of a report, each without its markers. Throws if one is missing. */
export function readBlocks(doc: string): Record<Block, string> {
  const out = {} as Record<Block, string>;
  for (const b of BLOCKS) {
    const from = doc.indexOf(begin(b));
    const to = doc.indexOf(end(b));
    if (from < 0 || to < from)
      throw new Error(
        `docs/benchmarks.md has no generated block "${b}" (${begin(b)} … ${end(b)}): restore it, the bench rewrites only those`,
      );
    out[b] = doc.slice(from + begin(b).length, to);
  }
  return out;
}

export type Report = { blocks: Record<Block, string[]>; doc: string };

/** This run's blocks, and `template` with its generated blocks replaced by them. */
export function render(
  template: string,
  figures: readonly FigureInfo[],
  rounds: readonly Round[],
  goals: readonly GoalResult[],
): Report {
  const previous = readBlocks(template);
  const blocks: Record<Block, string[]> = {
    run: runBlock(new Date().toISOString(), rounds),
    figures: figuresBlock(figures, rounds),
    goals: goalsBlock(goals),
    history: historyBlock(previous),
  };
  let doc = template;
  for (const b of BLOCKS) {
    const from = doc.indexOf(begin(b)) + begin(b).length;
    doc = `${doc.slice(0, from)}\n${blocks[b].join("\n")}\n${doc.slice(doc.indexOf(end(b)))}`;
  }
  return { blocks, doc };
}
