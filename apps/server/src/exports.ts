// GET /exports/:id/download?token=…: an export's archive, for whoever holds its link (the token is
// 256 random bits; only its hash is stored). The check is packages/data-export's checkDownload,
// which audits every attempt. 410 once the link's 24 hours are over, with what to do instead.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { checkDownload } from "@servicepro/data-export";
import type { Database } from "@servicepro/db";
import { type Context, Hono } from "hono";
import type { HonoEnv } from "./app.ts";

export type ExportRoutesOptions = {
  db: Database;
  filesDir: string;
  now?: () => Date;
  clientIp: (c: Context<HonoEnv>) => string | undefined;
};

const EXPIRED =
  "This download link has expired: links work for 24 hours after the export is ready. Start a new export from “Export your data”.";

export function exportRoutes(opts: ExportRoutesOptions) {
  const routes = new Hono<HonoEnv>();
  routes.get("/:id/download", async (c) => {
    const token = c.req.query("token") ?? "";
    const ip = opts.clientIp(c);
    const userAgent = c.req.header("user-agent");
    const check = await checkDownload(
      { db: opts.db, filesDir: opts.filesDir, ...(opts.now ? { now: opts.now } : {}) },
      c.req.param("id"),
      token,
      { requestId: c.var.requestId, ...(ip ? { ip } : {}), ...(userAgent ? { userAgent } : {}) },
    );
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    if (!check.ok) {
      if (check.reason === "expired") return c.text(EXPIRED, 410);
      if (check.reason === "not_ready")
        return c.text("This export is still being built (or could not be built). Check “Export your data”.", 409);
      return c.text("There is no export at this link. Check that you copied the whole link.", 404);
    }
    const file = await stat(check.path).catch(() => null);
    if (!file) return c.text(EXPIRED, 410);
    return new Response(Readable.toWeb(createReadStream(check.path)) as ReadableStream, {
      status: 200,
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(file.size),
        "Content-Disposition": `attachment; filename="${check.fileName}"`,
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
  return routes;
}
