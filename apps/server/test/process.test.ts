// The real entry point as a process: first start on a new embedded database, configuration errors,
// and graceful shutdown on SIGTERM.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startServerProcess, stopAllServerProcesses, untilHealthy } from "./server-process.ts";

const dataDirs: string[] = [];
afterAll(() => {
  stopAllServerProcesses();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** The process on the embedded database: DATABASE_URL is removed even when CI sets one for tests. */
function start(env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  return startServerProcess({ LOG_LEVEL: "info", NODE_ENV: "production", ...env }, { inheritEnv: parentEnv });
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
