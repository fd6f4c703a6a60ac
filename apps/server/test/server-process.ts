// The real entry points (main.ts, worker.ts) as child processes, for tests that kill, restart or run
// several of them on one database. Every process started here is killed by stopAllServerProcesses().
import { type ChildProcess, spawn } from "node:child_process";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const MAIN_ENTRY = fileURLToPath(new URL("../src/main.ts", import.meta.url));
export const WORKER_ENTRY = fileURLToPath(new URL("../src/worker.ts", import.meta.url));

export type ServerProcess = {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr): an assertion's message when it misbehaves. */
  output: () => string;
  exited: Promise<number | null>;
};

const started: ChildProcess[] = [];

/** A TCP port nothing listens on right now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Starts `entry` (main.ts by default) with `inheritEnv` (default: the test's environment) plus `env`. */
export function startServerProcess(
  env: Record<string, string>,
  options: { entry?: string; inheritEnv?: Record<string, string | undefined> } = {},
): ServerProcess {
  const child = spawn(process.execPath, [options.entry ?? MAIN_ENTRY], {
    env: { ...(options.inheritEnv ?? process.env), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * Until the server answers /healthz with 200 (true) or its process exits (false). No attempt count:
 * a first start creates a database, which takes as long as the machine needs; the test's timeout
 * bounds it (and stopAllServerProcesses stops a process left running).
 */
export async function untilHealthy(server: { child: ChildProcess }, port: number): Promise<boolean> {
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

/** SIGKILL, and resolves once the process is gone: nothing it held in memory survives. */
export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  await server.exited;
}

export function stopAllServerProcesses(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}
