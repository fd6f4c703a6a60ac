// The three ways a figure is measured, all from this process:
// - load: autocannon at N connections for a fixed time (throughput and latency under load);
// - oneConnection: a closed loop on one keep-alive socket with a microsecond clock (service time:
//   autocannon reports whole milliseconds, and the bare route answers in a fraction of one);
// - sustained: N requests as fast as they are acknowledged, then the time until their effect is visible.
import http from "node:http";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { quantile } from "./stats.ts";

/** A fresh request body per request (signed webhooks: a new SID each time). */
export type BodySource = {
  next(): { body: string; headers: Record<string, string> };
  /** Signs `count` bodies ahead so the load generator spends its CPU before the sample, not during it. */
  prepare(count: number): void;
};

export type Target = { url: string; headers?: Record<string, string>; bodies?: BodySource };

export type Sample = {
  /** Requests per second (sustained: requests whose effect became visible, per second). */
  rps: number;
  /** Latency percentiles in milliseconds (whole milliseconds from autocannon). */
  p50: number;
  p99: number;
  non2xx: number;
  total: number;
  /** Latencies in whole milliseconds (autocannon), not microsecond-precise (the 1-connection client). */
  wholeMs: boolean;
  /** Sustained figures: the acknowledgement rate of the same requests. */
  ackRps?: number;
};

export async function load(target: Target, connections: number, durationS: number, amount?: number) {
  const bodies = target.bodies;
  const result = await autocannon({
    url: target.url,
    connections,
    ...(amount ? { amount } : { duration: durationS }),
    headers: target.headers ?? {},
    ...(bodies
      ? {
          method: "POST" as const,
          requests: [
            {
              method: "POST" as const,
              setupRequest: (req: autocannon.Request) => ({ ...req, ...bodies.next(), method: "POST" as const }),
            },
          ],
        }
      : {}),
  });
  if (result.errors > 0) throw new Error(`${target.url}: ${result.errors} connection errors`);
  // Non-2xx answers are a figure, not a crash: for webhooks they are 503s from the time budget.
  if (result.non2xx > 0)
    process.stderr.write(
      `${target.url}: ${result.non2xx} non-2xx (status codes: ${JSON.stringify(result.statusCodeStats)})\n`,
    );
  const sample: Sample = {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    total: result.requests.total,
    wholeMs: true,
  };
  return { sample, seconds: result.duration };
}

/** One connection, one request at a time, for `durationS`: latencies to the microsecond. */
export async function oneConnection(target: Target, durationS: number): Promise<Sample> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  const end = started + durationS * 1000;
  try {
    while (performance.now() < end) {
      // Built (and signed) before the clock starts: only the server's answer is timed.
      const post = target.bodies?.next();
      const headers = { ...target.headers, ...post?.headers };
      const t0 = performance.now();
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(target.url, { method: post ? "POST" : "GET", headers, agent }, (res) => {
          res.resume();
          res.once("end", () => resolve(res.statusCode ?? 0));
          res.once("error", reject);
        });
        req.once("error", reject);
        req.end(post?.body);
      });
      latencies.push(performance.now() - t0);
      if (status < 200 || status > 299) non2xx++;
    }
  } finally {
    agent.destroy();
  }
  if (non2xx > 0) process.stderr.write(`${target.url}: ${non2xx} non-2xx of ${latencies.length}\n`);
  return {
    rps: latencies.length / ((performance.now() - started) / 1000),
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    non2xx,
    total: latencies.length,
    wholeMs: false,
  };
}

/**
 * `count` requests at `connections`, as fast as the server acknowledges them, and the time from the
 * first request until `done(acknowledged)` says every acknowledged one has taken effect: the rate the
 * whole pipeline sustains (a queue that only grows would show a fast acknowledgement and a slow rate here).
 * `done` is polled every 25 ms once the last answer is in, so it should be cheap.
 */
export async function sustained(
  target: Target,
  connections: number,
  count: number,
  done: (acknowledged: number) => Promise<boolean>,
  timeoutMs = 300_000,
): Promise<Sample> {
  const started = performance.now();
  const acked = await load(target, connections, 0, count);
  const ackSeconds = (performance.now() - started) / 1000;
  const acknowledged = acked.sample.total - acked.sample.non2xx;
  while (!(await done(acknowledged))) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`${acknowledged} acknowledged requests did not all take effect within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...acked.sample, rps: acknowledged / seconds, ackRps: acknowledged / ackSeconds };
}
