// PUT /imports/:id/file: the file of an import created with tenant.imports.create, streamed to
// FILES_DIR as it arrives (never held in memory). An admin of the business only (session cookie);
// past the limit (IMPORT_MAX_BYTES, default 200 MB) the answer is 413 and says the limit.
import { uploadImportFile } from "@servicepro/api";
import type { Database } from "@servicepro/db";
import { Hono } from "hono";
import type { HonoEnv } from "./app.ts";
import { staffCookies } from "./twilio-media.ts";

export type ImportRoutesOptions = {
  db: Database;
  filesDir: string;
  maxBytes: number;
  cookieName: string;
  secure: boolean;
  now?: () => Date;
};

async function* chunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export function importRoutes(opts: ImportRoutesOptions) {
  const routes = new Hono<HonoEnv>();
  routes.put("/:id/file", async (c) => {
    const session = staffCookies(c, opts);
    const length = c.req.header("content-length");
    const declared = length && /^\d+$/.test(length) ? Number(length) : null;
    const result = await uploadImportFile(
      {
        db: opts.db,
        logger: c.var.logger,
        filesDir: opts.filesDir,
        maxBytes: opts.maxBytes,
        ...(opts.now ? { now: opts.now } : {}),
      },
      session.cookies,
      c.req.param("id"),
      chunks(c.req.raw.body),
      declared,
    );
    session.finish();
    switch (result.kind) {
      case "unauthenticated":
        return c.json({ error: "Please sign in to import files." }, 401);
      case "forbidden":
        return c.json({ error: result.message }, 403);
      case "not_found":
        return c.json({ error: "No such import. Create the import first, then upload its file." }, 404);
      case "too_large":
        c.header("Connection", "close");
        return c.json({ error: result.message, limitBytes: result.limitBytes }, 413);
      case "refused":
        return c.json({ error: result.message }, result.status);
      case "ok":
        return c.json({ id: result.id, size: result.size, sha256: result.sha256 });
    }
  });
  return routes;
}
