// BENCH_PROFILE=1: ServicePro runs with --cpu-prof, and on exit its V8 profile is summed up by self time,
// per package and per function, so a figure's note in docs/benchmarks.md can say where its time goes.
// Run one figure at a time (BENCH_ONLY): the profile covers the whole process, set-up and warm-up included.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };

/** "pkg:@prisma/client", "app:packages/sms/src/intake.ts", "node:internal/…", or "(idle)" and the like. */
function owner(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return `pkg:${rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (url.startsWith("node:")) return url.split("/")[0]!.replace(/^node:internal$/, "node:internal");
  const app = /\/((?:apps|packages|tooling)\/[^/]+)\//.exec(url);
  return app ? `app:${app[1]}` : url;
}

export function summarizeProfiles(dir: string, top = 20): string {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) return `no CPU profile was written in ${dir}`;
  const out: string[] = [];
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    const total = profile.samples.length;
    const byOwner = new Map<string, number>();
    const byFunction = new Map<string, number>();
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      if (hits === 0) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      const who = owner(url, functionName);
      byOwner.set(who, (byOwner.get(who) ?? 0) + hits);
      const where = url ? `${url.replace(/^.*\/(node_modules|apps|packages)\//, "$1/")}:${lineNumber + 1}` : "";
      const key = `${functionName || "(anonymous)"} ${where}`.trim();
      byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    }
    const pct = (n: number) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
    const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
    out.push(
      `CPU profile ${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, ${total} samples`,
      "self time by package:",
      ...sorted(byOwner).map(([k, n]) => `  ${pct(n)}  ${k}`),
      "self time by function:",
      ...sorted(byFunction).map(([k, n]) => `  ${pct(n)}  ${k}`),
    );
  }
  return out.join("\n");
}
