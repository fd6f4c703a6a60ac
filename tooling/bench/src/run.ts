// `pnpm bench`: ServicePro's figures as same-run ratios to a bare Hono route, judged against the goals.
//
// Starts PostgreSQL-backed ServicePro (apps/server/src/main.ts, its real entry point) and the bare
// route as child processes, seeds each figure's data, then measures every figure right after a
// bare-route sample at the same connections, rotating the order each round (docs/decisions/0005).
// Prints the tables and a PASS/FAIL line per goal; BENCH_REPORT=1 rewrites docs/benchmarks.md's
// generated blocks. Environment: see config.ts (BENCH_ONLY, BENCH_ROUNDS, BENCH_DURATION_S, …).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "@servicepro/db/testing";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startFakeTwilio } from "@servicepro/testkit";
import { agentFigures, agentTenant, startAgentModel } from "./agent.ts";
import { campaignDrainFigure } from "./campaign-drain.ts";
import { campaignExpansionFigure } from "./campaign-expansion.ts";
import { DEMO_ADMIN, DEMO_PASSWORD, FIGURE_GROUPS, type FigureGroup, NAMES, OWNER, ROOT, settings } from "./config.ts";
import { exportMessagesFigure } from "./export-messages.ts";
import { buildFigures, type Figure } from "./figures.ts";
import { judge, type Round, resultText } from "./goals.ts";
import { importCustomersFigure } from "./import-customers.ts";
import { load, oneConnection, type Sample } from "./measure.ts";
import { profileClock, summarizeProfiles, type Windows } from "./profile.ts";
import { render } from "./report.ts";
import { busyCalendar, manyConversations, manyCustomers, smsNumbers, smsTenants } from "./seed.ts";
import { freePort, type Server, startServer } from "./servers.ts";
import { ratioText } from "./stats.ts";

process.env.TEST_DATABASE_URL ??= settings.databaseUrl;

/** The groups to run: BENCH_ONLY's (or all), plus the yardsticks their goals compare with. */
function selectedGroups(): Set<FigureGroup> {
  const unknown = settings.only.filter((g) => !(FIGURE_GROUPS as readonly string[]).includes(g));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_ONLY: unknown figure group(s) ${unknown.join(", ")}; choose from ${FIGURE_GROUPS.join(", ")}`,
    );
  const groups = new Set<FigureGroup>(settings.only.length > 0 ? (settings.only as FigureGroup[]) : FIGURE_GROUPS);
  if (["availability", "customers", "customers-search", "inbox"].some((g) => groups.has(g as FigureGroup)))
    groups.add("noop");
  return groups;
}

async function signIn(appUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${appUrl}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  if (!res.ok) throw new Error(`sign-in as ${credentials.email} failed: ${res.status} ${await res.text()}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

/** Where BENCH_REPORT writes, or null (print only). The docs' report holds complete runs only. */
function reportPath(groups: Set<FigureGroup>): string | null {
  const docs = path.join(ROOT, "docs/benchmarks.md");
  if (!settings.report) return null;
  const target = ["1", "true"].includes(settings.report) ? docs : path.resolve(settings.report);
  if (target === docs && (groups.size < FIGURE_GROUPS.length || settings.rounds < 3))
    throw new Error(
      "BENCH_REPORT=1 rewrites docs/benchmarks.md from a full run of at least 3 rounds only; give a path to write a partial report elsewhere",
    );
  return target;
}

/**
 * The campaign figures (issue 15) are not request rates: expansion time against a raw INSERT … SELECT
 * in the same run, and the drain's pacing on a simulated clock. They print their own PASS/FAIL lines.
 */
async function campaignFigures(db: Parameters<typeof campaignExpansionFigure>[0]): Promise<string[]> {
  const expansion = await campaignExpansionFigure(db, { rounds: Math.max(3, settings.rounds) });
  const drain = await campaignDrainFigure(db);
  return [...expansion.lines, ...drain.lines];
}

/**
 * The data figures (issue 16): exporting 1,000,000 messages with the process's memory flat (peak
 * RSS under 2× idle), in this process (the export runs in the worker, not behind a request).
 */
async function dataFigures(db: Parameters<typeof exportMessagesFigure>[0]): Promise<string[]> {
  return [...(await importCustomersFigure(db)).lines, ...(await exportMessagesFigure(db)).lines];
}

/** Groups measured in this process, on a database of their own: no server to start for them. */
const IN_PROCESS_GROUPS: readonly FigureGroup[] = ["campaigns", "data"];

async function main() {
  const groups = selectedGroups();
  if ([...groups].every((group) => IN_PROCESS_GROUPS.includes(group))) {
    // Only in-process figures: no server to start.
    const db = await createTestDatabase("postgres");
    try {
      const lines = [
        ...(groups.has("campaigns") ? await campaignFigures(db) : []),
        ...(groups.has("data") ? await dataFigures(db) : []),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    } finally {
      await db.drop();
    }
    return;
  }
  const writeTo = reportPath(groups);
  const template = readFileSync(path.join(ROOT, "docs/benchmarks.md"), "utf8");
  const db = await createTestDatabase("postgres");
  const servers: Server[] = [];
  const profileDir = settings.profile ? mkdtempSync(path.join(tmpdir(), "bench-profile-")) : null;
  const windows: Windows = new Map();
  const fakeTwilio = await startFakeTwilio();
  // The agent's model: a fake OpenAI server answering in a fixed time (only when the agent figure runs).
  const model = groups.has("agent") ? await startAgentModel(settings.agentModelMs) : null;
  try {
    const needsSms = groups.has("sms") || groups.has("sms-e2e");
    const numbers = needsSms ? await smsTenants(db) : smsNumbers();
    if (model) await agentTenant(db);
    const port = await freePort();
    const publicBaseUrl = `http://127.0.0.1:${port}`;
    const app = await startServer({
      script: path.join(ROOT, "apps/server/src/main.ts"),
      env: {
        PUBLIC_BASE_URL: publicBaseUrl,
        TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
        // Nothing is sent during the bench (texts that are not keywords get no automatic reply); the
        // fake only guarantees nothing could leave the machine.
        TWILIO_API_BASE_URL: fakeTwilio.baseUrl,
        DATABASE_URL: db.url!,
        HOST: "127.0.0.1",
        OWNER_EMAIL: OWNER.email,
        OWNER_PASSWORD: OWNER.password,
        SEED_DEMO_DATA: "true",
        DEMO_TENANT_ADMIN_PASSWORD: DEMO_PASSWORD,
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
        ...(model ? { OPENAI_API_KEY: "sk-bench-fake-openai-key-0000", OPENAI_BASE_URL: model.server.url } : {}),
      },
      readyPath: "/healthz",
      port,
      ...(profileDir ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {}),
    });
    servers.push(app);
    const baseline = await startServer({
      script: path.join(ROOT, "tooling/bench/src/baseline.ts"),
      env: {},
      readyPath: "/baseline",
    });
    servers.push(baseline);

    const step = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      const result = await fn();
      process.stderr.write(`${what}: ${Date.now() - started} ms\n`);
      return result;
    };
    const availabilityInput = groups.has("availability") ? await step("seed calendar", () => busyCalendar(db)) : null;
    if (groups.has("customers") || groups.has("customers-search") || groups.has("inbox"))
      await step(`seed ${settings.listRows} customers`, () => manyCustomers(db, settings.listRows));
    if (groups.has("inbox")) await step("seed conversations", () => manyConversations(db));

    const figures = await buildFigures({
      db,
      appUrl: app.url,
      publicBaseUrl,
      ownerCookie: await signIn(app.url, OWNER),
      staffCookie: await signIn(app.url, DEMO_ADMIN),
      smsNumbers: numbers,
      availabilityInput,
      groups,
    });
    if (model) figures.push(...agentFigures({ db, appUrl: app.url, publicBaseUrl, model: model.log }));
    const bare = { url: `${baseline.url}/baseline` };
    const baselineFor = (figure: Figure): Promise<Sample> =>
      figure.oneConnection
        ? oneConnection(bare, settings.durationS)
        : load(bare, figure.connections, settings.durationS).then((r) => r.sample);

    // Warm-up: JIT, pools, plan caches; sizes the webhook figures' next samples.
    for (const figure of figures) {
      await baselineFor(figure);
      await figure.measure();
      await figure.settle?.();
    }

    const rounds: Round[] = [];
    for (let r = 0; r < settings.rounds; r++) {
      const round: Round = new Map();
      // Rotated each round so slow drift on the shared machine hits every figure alike.
      const order = figures.map((_, i) => figures[(i + r) % figures.length]!);
      for (const figure of order) {
        const baselineSample = await baselineFor(figure);
        const from = profileClock();
        const sample = await figure.measure();
        windows.set(figure.name, [...(windows.get(figure.name) ?? []), [from, profileClock()]]);
        round.set(figure.name, { sample, baseline: baselineSample });
        process.stderr.write(
          `round ${r + 1}/${settings.rounds} ${figure.name}: ${sample.rps.toFixed(0)} req/s (p50 ${sample.p50.toFixed(2)} ms) vs bare ${baselineSample.rps.toFixed(0)} req/s (p50 ${baselineSample.p50.toFixed(2)} ms)\n`,
        );
        if (figure.settle) await step(`  ${figure.name}: background work done`, figure.settle);
      }
      rounds.push(round);
    }

    // After the request figures, so their 100,000 extra customers don't weigh on the list figures.
    const campaignLines = groups.has("campaigns") ? await step("campaign figures", () => campaignFigures(db)) : [];
    const dataLines = groups.has("data") ? await step("data figures", () => dataFigures(db)) : [];
    const goals = judge(rounds);
    const report = render(template, figures, rounds, goals);
    process.stdout.write(
      [
        ...report.blocks.run,
        "",
        ...report.blocks.figures,
        "",
        ...report.blocks.goals,
        "",
        ...(settings.rounds < 3 ? ["(fewer than 3 rounds: the results below are indicative only)"] : []),
        ...goals.map(
          (g) =>
            `${resultText(g)}: ${g.figure} ${g.measure} ${ratioText(g.ratio)} ${g.measure === "p99/p50" ? "" : `of ${g.yardstick === NAMES.baseline ? "the bare route" : g.yardstick} `}(goal ${g.op} ${g.goal}×${g.stretch ? `, stretch ${g.op} ${g.stretch}×` : ""})`,
        ),
        "",
        ...campaignLines,
        "",
        ...dataLines,
        "",
      ].join("\n"),
    );
    if (writeTo) {
      writeFileSync(writeTo, report.doc);
      process.stderr.write(`report written to ${writeTo}\n`);
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await fakeTwilio.close();
    await model?.server.close();
    await db.drop();
    if (profileDir) {
      process.stderr.write(`${summarizeProfiles(profileDir, windows)}\n`);
      rmSync(profileDir, { recursive: true, force: true });
    }
  }
}

await main();
