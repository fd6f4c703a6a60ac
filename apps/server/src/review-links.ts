// The review request's short link (issue 15, item 4): GET /r/<tenant>/<token> records the click on
// the business's review request and answers 302 to the business's review link. The token is 128
// random bits; only its hash is stored. Unknown or malformed links get the ordinary 404 page.
// Every click is forwarded, whatever the customer thought of the job (no sentiment gate).
import type { Database } from "@servicepro/db";
import { followReviewLink } from "@servicepro/sms";
import { SLUG_PATTERN } from "@servicepro/validators/patterns";
import { Hono } from "hono";
import type { HonoEnv } from "./app.ts";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function reviewLinkRoutes(deps: { db: Database; now?: () => Date }) {
  const routes = new Hono<HonoEnv>();
  routes.get("/:tenant/:token", async (c) => {
    const { tenant, token } = c.req.param();
    if (!SLUG_PATTERN.test(tenant) || !TOKEN_PATTERN.test(token)) return c.notFound();
    const target = await followReviewLink(deps.db, tenant, token, deps.now?.() ?? new Date());
    if (!target) return c.notFound();
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return c.redirect(target, 302);
  });
  return routes;
}
