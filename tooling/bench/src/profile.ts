// BENCH_PROFILE=1: ServicePro runs with --cpu-prof, and on exit its V8 profile is cut into each figure's
// measured samples (by time: V8's profile clock and process.hrtime are both the monotonic clock) and
// summed by self time, per package and per function, so docs/benchmarks.md can say where a figure's
// time goes. Set-up, warm-up and bare-route samples fall outside every window and are left out.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

/** Now on the profile's clock (microseconds of the monotonic clock). */
export const profileClock = (): number => Number(process.hrtime.bigint() / 1000n);

/** Time windows [from, to] (profileClock) per figure. */
export type Windows = Map<string, [number, number][]>;

/** "pkg:@prisma/client", "app:packages/sms", "node:internal", or V8's own "(idle)", "(garbage collector)". */
function owner(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return `pkg:${rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (url.startsWith("node:")) return url.split("/")[0]!;
  if (url.startsWith("wasm://")) return "wasm (Prisma's query compiler)";
  const app = /\/((?:apps|packages|tooling)\/[^/]+)\//.exec(url);
  return app ? `app:${app[1]}` : url;
}

const where = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? `${url.replace(/^.*\/(node_modules|apps|packages)\//, "$1/")}:${lineNumber + 1}` : "";
  return `${functionName || "(anonymous)"} ${file}`.trim();
};

export function summarizeProfiles(dir: string, windows: Windows, top = 12): string {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) return `no CPU profile was written in ${dir}`;
  const out: string[] = [];
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    // Each sample is the function on top of the stack then: its self time.
    const stamped: { at: number; node: ProfileNode }[] = [];
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i] ?? 0;
      stamped.push({ at, node: nodes.get(id)! });
    });
    out.push(`CPU profile of ServicePro (${file}): ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
    for (const [figure, spans] of windows) {
      const inside = stamped.filter((s) => spans.some(([from, to]) => s.at >= from && s.at <= to));
      if (inside.length === 0) {
        out.push(`- ${figure}: no samples in its windows`);
        continue;
      }
      const byOwner = new Map<string, number>();
      const byFunction = new Map<string, number>();
      for (const { node } of inside) {
        const who = owner(node.callFrame.url, node.callFrame.functionName);
        byOwner.set(who, (byOwner.get(who) ?? 0) + 1);
        if (who !== "(idle)") byFunction.set(where(node), (byFunction.get(where(node)) ?? 0) + 1);
      }
      const pct = (n: number) => `${((100 * n) / inside.length).toFixed(1).padStart(5)} %`;
      const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
      out.push(
        `- ${figure}: ${inside.length} samples, busy ${pct(inside.length - (byOwner.get("(idle)") ?? 0)).trim()}`,
        "  self time by package:",
        ...sorted(byOwner).map(([k, n]) => `    ${pct(n)}  ${k}`),
        "  self time by function:",
        ...sorted(byFunction).map(([k, n]) => `    ${pct(n)}  ${k}`),
      );
    }
  }
  return out.join("\n");
}
