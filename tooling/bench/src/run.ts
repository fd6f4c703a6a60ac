// `pnpm bench`: ServicePro's HTTP figures as ratios to a bare Hono route, measured in one run.
//
// Starts PostgreSQL-backed ServicePro (apps/server/src/main.ts, its real entry point) and the
// baseline server as child processes, then loads each endpoint in turn with autocannon from this
// process, interleaving the baseline with every figure and repeating the rotation ROUNDS times.
// Writes docs/benchmarks.md. Not part of the tests: figures, not pass/fail.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { cpus, release, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PLATFORM_ROLE, platformDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, signedTwilioRequest, startFakeTwilio } from "@servicepro/testkit";
import autocannon from "autocannon";
import pg from "pg";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const OWNER = { email: "owner@bench.test", password: "bench-owner-password" };
const DEMO_PASSWORD = "bench-demo-password";
const DEMO_ADMIN = { email: "admin@greenlawn.example", password: DEMO_PASSWORD };
const NOOP = "tenant.plan.summary (staff session, no-op)";
const AVAILABILITY = "tenant.appointments.availability (14 days, 5,000 appointments)";
const CUSTOMERS_FIRST = "tenant.customers.list (search, first page of 50, 100,000 customers)";
const CUSTOMERS_DEEP = "tenant.customers.list (search, deepest page, 100,000 customers)";
/** The list figures' search: one surname in twenty, so 5,000 of the 100,000 customers match. */
const CUSTOMER_SEARCH = "miller";
/**
 * Same-run goals (issue 10). "rps": a figure's req/s as a share of its yardstick's (at least).
 * "p99": a figure's p99 as a multiple of its yardstick's (at most).
 */
const GOALS: { name: string; yardstick: string; kind: "rps" | "p99"; goal: number }[] = [
  { name: AVAILABILITY, yardstick: NOOP, kind: "rps", goal: 0.3 },
  { name: CUSTOMERS_FIRST, yardstick: NOOP, kind: "rps", goal: 0.5 },
  { name: CUSTOMERS_DEEP, yardstick: CUSTOMERS_FIRST, kind: "p99", goal: 1.3 },
];

process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

type Sample = { rps: number; p50: number; p99: number; non2xx: number; total: number };
type Target = {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** For POST targets: builds each request (a fresh, signed body per request). */
  post?: () => { body: string; headers: Record<string, string> };
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once("error", reject);
  });
}

/** Starts a server script on a free port and waits until `readyPath` answers 200. */
async function startServer(
  script: string,
  env: Record<string, string>,
  readyPath: string,
  fixedPort?: number,
): Promise<{ child: ChildProcess; url: string }> {
  const port = fixedPort ?? (await freePort());
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with code ${child.exitCode}`);
    const ok = await fetch(url + readyPath).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`${script} did not become ready on ${url}${readyPath} within 30 s`);
}

async function load(target: Target): Promise<Sample> {
  const post = target.post;
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: target.headers ?? {},
    ...(post
      ? {
          method: "POST" as const,
          requests: [
            {
              method: "POST" as const,
              setupRequest: (req: autocannon.Request) => ({ ...req, ...post(), method: "POST" as const }),
            },
          ],
        }
      : {}),
  });
  if (result.errors > 0) throw new Error(`${target.name}: ${result.errors} connection errors`);
  // Non-2xx answers are a figure, not a crash: for webhooks they are 503s from the time budget.
  if (result.non2xx > 0)
    process.stderr.write(
      `${target.name}: ${result.non2xx} non-2xx (status codes: ${JSON.stringify(result.statusCodeStats)})\n`,
    );
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/** Twilio's inbound SMS webhook as Twilio sends it: a new MessageSid each time, signed for the public URL. */
function signedInboundSms(publicBaseUrl: string) {
  let n = 0;
  return () => {
    const sid = `SMbench${String(++n).padStart(12, "0")}${process.pid.toString(16).padStart(14, "0")}`;
    const { init } = signedTwilioRequest({
      publicBaseUrl,
      path: "/twilio/sms/incoming",
      params: {
        MessageSid: sid,
        // Webhooks from any other account are refused (403) since issue 11.
        AccountSid: FAKE_ACCOUNT_SID,
        From: `+1555556${String(n % 10_000).padStart(4, "0")}`,
        To: "+15555550100",
        Body: "Do you have an opening Saturday morning?",
      },
      authToken: FAKE_AUTH_TOKEN,
    });
    return { body: String(init.body), headers: init.headers as Record<string, string> };
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number, digits = 2) => x.toFixed(digits);

async function main() {
  const db = await createTestDatabase("postgres");
  const children: ChildProcess[] = [];
  // Inbound texts get no automatic reply unless they are keywords, so nothing is sent during the
  // bench; the fake only guarantees nothing could leave the machine.
  const fakeTwilio = await startFakeTwilio();
  const port = await freePort();
  const publicBaseUrl = `http://127.0.0.1:${port}`;
  try {
    const app = await startServer(
      path.join(ROOT, "apps/server/src/main.ts"),
      {
        PUBLIC_BASE_URL: publicBaseUrl,
        TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
        TWILIO_API_BASE_URL: fakeTwilio.baseUrl,
        DATABASE_URL: db.url!,
        HOST: "127.0.0.1",
        OWNER_EMAIL: OWNER.email,
        OWNER_PASSWORD: OWNER.password,
        SEED_DEMO_DATA: "true",
        DEMO_TENANT_ADMIN_PASSWORD: DEMO_PASSWORD,
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
      },
      "/healthz",
      port,
    );
    children.push(app.child);
    const baseline = await startServer(path.join(ROOT, "tooling/bench/src/baseline.ts"), {}, "/baseline");
    children.push(baseline.child);
    const appUrl = app.url;

    const login = await fetch(`${appUrl}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(OWNER),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const staffLogin = await fetch(`${appUrl}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(DEMO_ADMIN),
    });
    if (!staffLogin.ok) throw new Error(`staff sign-in failed: ${staffLogin.status} ${await staffLogin.text()}`);
    const staffCookie = staffLogin.headers.get("set-cookie")!.split(";")[0]!;
    const availabilityInput = await busyCalendar(db);
    const customerPages = await manyCustomers(db);
    const listUrl = (input: object) =>
      `${appUrl}/trpc/tenant.customers.list?input=${encodeURIComponent(JSON.stringify(input))}`;

    const base: Target = { name: "bare Hono route (baseline)", url: `${baseline.url}/baseline` };
    const targets: Target[] = [
      { name: "GET /healthz", url: `${appUrl}/healthz` },
      { name: "auth.context (signed in)", url: `${appUrl}/trpc/auth.context`, headers: { cookie } },
      { name: "admin.tenants.list (owner)", url: `${appUrl}/trpc/admin.tenants.list`, headers: { cookie } },
      { name: NOOP, url: `${appUrl}/trpc/tenant.plan.summary`, headers: { cookie: staffCookie } },
      {
        name: AVAILABILITY,
        url: `${appUrl}/trpc/tenant.appointments.availability?input=${encodeURIComponent(JSON.stringify(availabilityInput))}`,
        headers: { cookie: staffCookie },
      },
      {
        name: CUSTOMERS_FIRST,
        url: listUrl({ search: CUSTOMER_SEARCH, limit: 50 }),
        headers: { cookie: staffCookie },
      },
      {
        name: CUSTOMERS_DEEP,
        url: listUrl({ search: CUSTOMER_SEARCH, limit: 50, cursor: customerPages.deepestCursor }),
        headers: { cookie: staffCookie },
      },
      {
        name: "POST /twilio/sms/incoming (signed, new SID each)",
        url: `${appUrl}/twilio/sms/incoming`,
        post: signedInboundSms(publicBaseUrl),
      },
    ];
    for (const target of [base, ...targets]) await load({ ...target, url: target.url }); // warm-up (JIT, pools)

    const samples = new Map<string, { sample: Sample; baseline: Sample }[]>();
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order each round so slow drift on the shared machine hits every figure alike.
      const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
      for (const target of order) {
        const baselineSample = await load(base);
        const sample = await load(target);
        samples.set(target.name, [...(samples.get(target.name) ?? []), { sample, baseline: baselineSample }]);
        process.stderr.write(
          `round ${round + 1}/${ROUNDS} ${target.name}: ${fmt(sample.rps, 0)} req/s vs baseline ${fmt(baselineSample.rps, 0)}\n`,
        );
      }
    }

    const rows = targets.map((target) => {
      const runs = samples.get(target.name)!;
      const rpsRatios = runs.map((r) => r.sample.rps / r.baseline.rps);
      const p50Ratios = runs.map((r) => r.sample.p50 / Math.max(r.baseline.p50, 1));
      const p99Ratios = runs.map((r) => r.sample.p99 / Math.max(r.baseline.p99, 1));
      return {
        name: target.name,
        rps: median(runs.map((r) => r.sample.rps)),
        non2xx: runs.reduce((n, r) => n + r.sample.non2xx, 0),
        total: runs.reduce((n, r) => n + r.sample.total, 0),
        p50: median(runs.map((r) => r.sample.p50)),
        p99: median(runs.map((r) => r.sample.p99)),
        rpsRatio: median(rpsRatios),
        rpsRange: [Math.min(...rpsRatios), Math.max(...rpsRatios)],
        p50Ratio: median(p50Ratios),
        p99Ratio: median(p99Ratios),
      };
    });
    const baselineRuns = [...samples.values()].flat().map((r) => r.baseline);
    const goals = GOALS.map((goal) => {
      const figure = rows.find((r) => r.name === goal.name)!;
      const yardstick = rows.find((r) => r.name === goal.yardstick)!;
      // Latencies are whole milliseconds: floored at 1 ms like the table's ratios.
      // Throughput: the figure against its yardstick in each round (both measured minutes apart, in
      // the same rotation), then the median; dividing two baseline ratios would add the bare
      // route's own noise, which swings 2x between samples on this shared machine.
      const figureRuns = samples.get(goal.name)!;
      const yardstickRuns = samples.get(goal.yardstick)!;
      const ratio =
        goal.kind === "rps"
          ? median(figureRuns.map((run, i) => run.sample.rps / yardstickRuns[i]!.sample.rps))
          : figure.p99 / Math.max(yardstick.p99, 1);
      return { ...goal, ratio, pass: goal.kind === "rps" ? ratio >= goal.goal : ratio <= goal.goal };
    });
    for (const goal of goals)
      process.stderr.write(
        `${goal.pass ? "PASS" : "FAIL"} ${goal.name}: ${goal.kind} ${fmt(goal.ratio)}× ${goal.yardstick} (goal ${goal.kind === "rps" ? "≥" : "≤"} ${goal.goal}×)\n`,
      );
    const reportPath = path.join(ROOT, "docs/benchmarks.md");
    const history = goalHistory(existsSync(reportPath) ? readFileSync(reportPath, "utf8") : "");
    const report = renderReport(rows, goals, history, {
      rps: median(baselineRuns.map((b) => b.rps)),
      p50: median(baselineRuns.map((b) => b.p50)),
      p99: median(baselineRuns.map((b) => b.p99)),
    });
    writeFileSync(reportPath, report);
    process.stdout.write(report);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await fakeTwilio.close();
    await db.drop();
  }
}

type ReportRow = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  rpsRatio: number;
  rpsRange: number[];
  p50Ratio: number;
  p99Ratio: number;
  non2xx: number;
  total: number;
};

type GoalResult = { name: string; yardstick: string; kind: "rps" | "p99"; goal: number; ratio: number; pass: boolean };

const HISTORY_HEADING = "## Goals in earlier runs";
const HISTORY_KEPT = 30;

/**
 * The goal rows of the runs before this one, carried over from the previous report (its own goal table
 * and its history), newest first: one run on a shared machine proves little, the series does.
 */
function goalHistory(previous: string): string[] {
  // A table's rule line (| --- | --- |), even one an earlier report carried over behind a run stamp.
  const isRule = (line: string) =>
    line
      .split("|")
      .slice(1, -1)
      .filter((cell) => !/^\s*\d{4}-\d\d-\d\dT/.test(cell))
      .every((cell) => /^\s*-+\s*$/.test(cell));
  const run = /^- Run: (\S+?),/m.exec(previous)?.[1];
  const current = previous.split("## Goals\n")[1]?.split(HISTORY_HEADING)[0] ?? "";
  const rows = run
    ? current
        .split("\n")
        .filter((line) => line.startsWith("| ") && !line.startsWith("| figure ") && !isRule(line))
        .map((line) => {
          // Reports before the p99 goals had no "measure" column: those goals were all req/s.
          const cells = line.split("|").slice(1, -1);
          if (cells.length === 5) cells.splice(2, 0, " req/s ");
          return `| ${run} |${cells.join("|")}|`;
        })
    : [];
  const older = (previous.split(HISTORY_HEADING)[1] ?? "")
    .split("\n")
    .filter((line) => line.startsWith("| 2") && !isRule(line))
    .map((line) => {
      // History rows carried before the "measure" column existed: those goals were all req/s.
      const cells = line.split("|").slice(1, -1);
      if (cells.length === 6) cells.splice(3, 0, " req/s ");
      return `|${cells.join("|")}|`;
    });
  return [...rows, ...older].slice(0, HISTORY_KEPT);
}

function renderReport(
  rows: ReportRow[],
  goals: GoalResult[],
  history: string[],
  baseline: Pick<Sample, "rps" | "p50" | "p99">,
): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const lines = [
    "# Benchmarks",
    "",
    "Written by `pnpm bench` (tooling/bench/src/run.ts); do not edit by hand. Figures are ratios to a bare",
    "Hono route measured in the same run, interleaved with each figure, because this machine is shared and",
    "noisy: compare ratios between runs, not absolute numbers (docs/decisions/0005-benchmarks.md).",
    "",
    `- Run: ${new Date().toISOString()}, Node ${process.versions.node}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}`,
    `- Method: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per sample, ${ROUNDS} rounds (median; req/s ratio range in brackets)`,
    "- ServicePro: `apps/server/src/main.ts` on PostgreSQL (a fresh database with the demo data), LOG_LEVEL=warn, NODE_ENV=production",
    `- Baseline: bare Hono route, median ${fmt(baseline.rps, 0)} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`,
    "",
    "| endpoint | req/s | p50 ms | p99 ms | req/s vs baseline | p50 vs baseline | p99 vs baseline | non-2xx |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.rps, 0)} | ${r.p50} | ${r.p99} | ${fmt(r.rpsRatio)}× [${fmt(r.rpsRange[0]!)}–${fmt(r.rpsRange[1]!)}] | ${fmt(r.p50Ratio, 1)}× | ${fmt(r.p99Ratio, 1)}× | ${r.non2xx} of ${r.total} |`,
    ),
    "",
    "Latency ratios divide by the baseline's latency floored at 1 ms (autocannon reports whole milliseconds).",
    "",
    "## Goals",
    "",
    "Throughput goals (req/s): the figure's req/s divided by its yardstick's in the same round, median of the rounds. The",
    "yardstick is a procedure that does nothing behind the same staff session (tenant.plan.summary: the",
    "session and tenant lookup only), so only the figure's own work is measured. Tail goals (p99): the",
    "figure's median p99 divided by its yardstick's median p99, same run.",
    "",
    "| figure | yardstick | measure | ratio | goal | result |",
    "|---|---|---|---|---|---|",
    ...goals.map(
      (g) =>
        `| ${g.name} | ${g.yardstick} | ${g.kind === "rps" ? "req/s" : "p99"} | ${fmt(g.ratio)}× | ${g.kind === "rps" ? "≥" : "≤"} ${g.goal}× | ${g.pass ? "PASS" : "FAIL"} |`,
    ),
    "",
    "The availability figure: Green Lawn Co with 3 crews, hours 08:00–17:00 every day, a 30-minute grid, and",
    "5,000 appointments over the year around today; the request asks for a 1-hour service over the next 14 days.",
    "",
    `The customer list figures: Green Lawn Co with 100,000 more customers (inserted with generate_series, then`,
    `ANALYZE), one surname in twenty, searched for "${CUSTOMER_SEARCH}" (5,000 matches), 50 a page. The first page has`,
    "no cursor; the deepest page's cursor is the second-to-last match, so the page holds the last match.",
    "",
    ...(history.length > 0
      ? [
          HISTORY_HEADING,
          "",
          "| run | figure | yardstick | measure | ratio | goal | result |",
          "|---|---|---|---|---|---|---|",
          ...history,
          "",
        ]
      : []),
  ];
  return lines.join("\n");
}

/**
 * Green Lawn Co's calendar for the availability figure: booking settings, a 1-hour service, three
 * crews and 5,000 appointments from six months ago to six months ahead (every other hour, per crew,
 * so open times remain between them). Returns the availability request's input.
 */
async function busyCalendar(db: TestDatabase) {
  const tenantId = "green-lawn";
  const now = new Date();
  const platform = platformDb(db, { actorUserId: null, purpose: "bench: busy calendar" });
  const setup = await platform.run(async (tx) => {
    const hours = ["08:00", "17:00"];
    await tx.bookingSettings.upsert({
      where: { tenantId },
      create: {
        tenantId,
        hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [hours]])),
      },
      update: { hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [hours]])) },
    });
    const service = await tx.service.create({
      data: { tenantId, name: "Bench Mowing", description: "", durationMinutes: 60, priceCents: 5000 },
    });
    const crews: { id: string }[] = [];
    for (let i = 0; i < 3; i++)
      crews.push(await tx.bookable.create({ data: { tenantId, kind: "crew", name: `Bench Crew ${i + 1}` } }));
    const customer = await tx.customer.create({
      data: {
        tenantId,
        phone: "+15125559999",
        name: "Bench Customer",
        sortName: "bench customer",
        searchText: "bench",
      },
    });
    // Days from −183 on, crews in turn, starts at 08:00, 10:00, … 16:00 Chicago standard time: 5,000 rows.
    const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 183, 14);
    const rows = Array.from({ length: 5000 }, (_, n) => {
      const slot = n % 5;
      const crew = Math.floor(n / 5) % 3;
      const day = Math.floor(n / 15);
      const startsAt = new Date(start + day * 86_400_000 + slot * 2 * 3_600_000);
      const endsAt = new Date(startsAt.getTime() + 3_600_000);
      return {
        tenantId,
        customerId: customer.id,
        serviceId: service.id,
        bookableId: crews[crew]!.id,
        startsAt,
        endsAt,
        blocksUntil: endsAt,
        durationMinutes: 60,
        priceCents: 5000,
        bookedBy: "staff" as const,
      };
    });
    return { serviceId: service.id, rows };
  });
  // In chunks: one transaction for all 5,000 rows outlasts Prisma's 5 s transaction timeout here.
  for (let i = 0; i < setup.rows.length; i += 500)
    await platform.run((tx) => tx.appointment.createMany({ data: setup.rows.slice(i, i + 500) }));
  return {
    serviceId: setup.serviceId,
    from: now.toISOString(),
    to: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
  };
}

/**
 * 100,000 customers for Green Lawn Co in one INSERT … SELECT generate_series, with the search keys
 * customerSearchKeys would store (lower-cased name as sort name; name and phone digits as search
 * text), then ANALYZE so the planner sees the table as it is. Returns the deepest page's cursor for
 * the benchmark's search: the keys of the second-to-last match (the list's cursor format, base64url of
 * [sort_name, id]).
 */
async function manyCustomers(db: TestDatabase): Promise<{ deepestCursor: string }> {
  const tenantId = "green-lawn";
  const platform = platformDb(db, { actorUserId: null, purpose: "bench: 100,000 customers" });
  // Its own transaction on the platform role: the insert (and its trigram index) outlasts
  // platformDb's default 5 s transaction timeout on this machine.
  await db.prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL ROLE ${PLATFORM_ROLE}`);
      await tx.$executeRaw`
      INSERT INTO customers (tenant_id, id, phone, name, sort_name, search_text, source, updated_at)
      SELECT ${tenantId}, gen_random_uuid(), '+1999' || lpad(n::text, 7, '0'), c.name, lower(c.name),
             lower(c.name) || ' 1999' || lpad(n::text, 7, '0'), 'import', now()
      FROM generate_series(1, 100000) AS n,
           LATERAL (SELECT (ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis',
             'Rodriguez','Martinez','Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor',
             'Moore','Jackson','Martin'])[n % 20 + 1] || ' ' || (ARRAY['Ann','Bob','Cal','Dee','Eve','Fay','Gus',
             'Hal','Ivy','Jo'])[(n / 20) % 10 + 1] || ' ' || lpad(n::text, 6, '0') AS name) AS c`;
    },
    { timeout: 120_000 },
  );
  // As the database's owner: the app and platform roles may not ANALYZE (PostgreSQL only warns and
  // skips, leaving the planner without statistics for 100,000 new rows until autovacuum gets to them).
  const owner = new pg.Client({ connectionString: db.url });
  await owner.connect();
  try {
    await owner.query("ANALYZE customers");
  } finally {
    await owner.end();
  }
  const rows = await platform.run(
    (tx) => tx.$queryRaw<{ sort_name: string; id: string }[]>`
      SELECT sort_name, id::text FROM customers
      WHERE tenant_id = ${tenantId} AND search_text ILIKE ${`%${CUSTOMER_SEARCH}%`}
      ORDER BY sort_name DESC, id DESC OFFSET 1 LIMIT 1`,
  );
  const before = rows[0];
  if (!before) throw new Error("the customer list figure found no matches to page to");
  return { deepestCursor: Buffer.from(JSON.stringify([before.sort_name, before.id]), "utf8").toString("base64url") };
}

await main();
