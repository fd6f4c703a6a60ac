// A real ServicePro server on a loopback port, serving the built apps, on a fresh test database.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { defaultEngine } from "@servicepro/db/testing";
import { startTestApp, type TestAppOptions } from "@servicepro/server/testing";

/** `options` as for startTestApp, e.g. `fakeTwilio` so texts, recordings and MMS parts come from a fake Twilio. */
export async function startServer(options: TestAppOptions = {}) {
  const t = await startTestApp(defaultEngine(), options);
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    ...t,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
