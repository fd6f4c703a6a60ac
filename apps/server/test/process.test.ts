// The real entry point as a process: first start on a new embedded database, configuration errors,
// and graceful shutdown on SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const dataDirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  // DATABASE_URL is removed so the process uses the embedded database even when CI sets one for tests.
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...parentEnv, LOG_LEVEL: "info", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * Until the server answers /healthz with 200 (true) or its process exits (false). No attempt count:
 * a first start creates a database, which takes as long as the machine needs; the test's timeout
 * bounds it (and afterAll stops a process left running).
 */
async function untilHealthy(server: { child: ChildProcess }, port: number): Promise<boolean> {
  while (server.child.exitCode === null) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe("the server process", () => {
  it("should refuse to start with invalid configuration and say what to fix", async () => {
    const server = start({ PORT: "not-a-port", OWNER_EMAIL: "owner@example.com" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("Invalid configuration");
    expect(server.output()).toContain("PORT");
  });

  it("should create its database, print the generated accounts once, serve, and shut down cleanly on SIGTERM", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "sp-process-"));
    dataDirs.push(dataDir);
    const port = await freePort();
    const server = start({ PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir });
    const healthy = await untilHealthy(server, port);
    expect(healthy, server.output()).toBe(true);
    expect(server.output()).toMatch(/Platform owner\s+owner@servicepro\.local\s+password: \S{20,}/);
    expect(server.output()).toMatch(/Demo staff\s+admin@greenlawn\.example/);

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    // A second start on the same folder reuses the database and prints no passwords.
    const again = start({ PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir });
    // It must come up: "no password printed" says nothing about a start that never finished.
    expect(await untilHealthy(again, port), again.output()).toBe(true);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
    expect(again.output()).not.toContain("password:");
    // Two starts, the first creating a database: minutes on a loaded machine, not the default 60 s.
  }, 180_000);
});
