// The baseline: a bare Hono route on @hono/node-server, in its own process like the app. Every
// figure is reported as a ratio to it, measured in the same run (the machine is shared and noisy).
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.get("/baseline", (c) => c.text("ok"));
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" });
process.on("SIGTERM", () => server.close(() => process.exit(0)));
