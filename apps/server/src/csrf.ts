import type { MiddlewareHandler } from "hono";

/**
 * CSRF protection for the cookie-authenticated /trpc endpoint.
 *
 * - Writes (POST) must be `application/json`. Browsers can only send JSON cross-site after a CORS
 *   preflight, which this server never approves, so a hostile page cannot forge a mutation; the
 *   form-friendly types (urlencoded, multipart, text/plain) that skip the preflight are refused.
 * - A request that says where it comes from must come from here: a foreign `Origin`, or
 *   `Sec-Fetch-Site: cross-site`, is refused on every method.
 * Plain JSON clients (curl, scripts) send neither header and are unaffected.
 */
export function trpcCsrfGuard(opts: { publicBaseUrl: string }): MiddlewareHandler {
  const publicOrigin = new URL(opts.publicBaseUrl).origin;
  return async (c, next) => {
    const origin = c.req.header("origin");
    if (origin && origin !== publicOrigin && origin !== new URL(c.req.url).origin) {
      return c.json({ error: `Cross-site request refused: origin ${origin} is not ${publicOrigin}.` }, 403);
    }
    if (c.req.header("sec-fetch-site") === "cross-site") {
      return c.json({ error: "Cross-site request refused." }, 403);
    }
    if (c.req.method === "POST") {
      const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
      if (type !== "application/json") {
        return c.json({ error: "Send tRPC requests as application/json." }, 415);
      }
    }
    return next();
  };
}
