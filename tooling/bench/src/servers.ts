// The processes under load: ServicePro's real entry point and the bare route, each in its own process.
import { type ChildProcess, spawn } from "node:child_process";
import { type AddressInfo, createServer } from "node:net";
import { ROOT } from "./config.ts";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once("error", reject);
  });
}

export type Server = { child: ChildProcess; url: string; stop(): Promise<void> };

/** Starts a server script on a port and waits until `readyPath` answers 200. */
export async function startServer(opts: {
  script: string;
  env: Record<string, string>;
  readyPath: string;
  port?: number;
  nodeArgs?: string[];
}): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.script], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  // Resolves once the process has exited (a --cpu-prof profile is written on the way out).
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timeout = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timeout);
  };
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${opts.script} exited with code ${child.exitCode}`);
    const ok = await fetch(url + opts.readyPath).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${opts.script} did not become ready on ${url}${opts.readyPath} within 30 s`);
}
