import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono, MiddlewareHandler } from "hono";
import type { HonoEnv } from "./app.ts";
import { type LandingLink, landingPage } from "./html-pages.ts";

/** URL prefix → app folder. Each app is a Vite build with `base` set to its prefix. */
export const APPS = [
  { prefix: "/admin", folder: "admin" },
  { prefix: "/app", folder: "tenant" },
  { prefix: "/portal", folder: "portal" },
] as const;

/**
 * Public pages another app answers: `/book/<slug>` (a business's booking page) is the portal, the
 * customer app. Only its index.html is served here; it loads its scripts from the portal's assets.
 */
export const APP_ALIASES = [{ prefix: "/book", folder: "portal" }] as const;

/** The landing page's doors: the two staff apps. The portal needs a business's own link. */
const LANDING_LINKS: readonly LandingLink[] = [
  { href: "/app/", title: "Business dashboard", description: "For a business's owner and team." },
  { href: "/admin/", title: "Platform console", description: "For the ServicePro platform owner." },
];

/** Serves the three React apps' production builds, with history-API fallback to index.html. */
export function mountApps(app: Hono<HonoEnv>, appsDir: string): void {
  for (const { prefix, folder } of APPS) {
    const dist = path.join(appsDir, folder, "dist");
    const indexFile = path.join(dist, "index.html");
    app.get(prefix, (c) => c.redirect(`${prefix}/`, 308));
    // Hashed assets never change: cache them for a year. index.html must always be revalidated.
    app.use(`${prefix}/assets/*`, async (c, next) => {
      await next();
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
    });
    // Made on the first request that finds the build: serveStatic complains on console.error when its
    // folder is missing (a server started before `pnpm build`), and the handler below already says so.
    let serveBuild: MiddlewareHandler<HonoEnv> | undefined;
    app.use(`${prefix}/*`, (c, next) => {
      serveBuild ??= existsSync(dist)
        ? serveStatic({ root: dist, rewriteRequestPath: (p) => p.slice(prefix.length) })
        : undefined;
      return serveBuild ? serveBuild(c, next) : next();
    });
    app.get(`${prefix}/*`, (c) => {
      if (c.req.path.startsWith(`${prefix}/assets/`)) return c.notFound();
      if (!existsSync(indexFile)) {
        return c.text(
          `The ${folder} app is not built. Run \`pnpm build\` (the README's start command does it for you).`,
          503,
        );
      }
      c.header("Cache-Control", "no-cache");
      return c.html(readFileSync(indexFile, "utf8"));
    });
  }
  for (const { prefix, folder } of APP_ALIASES) {
    const indexFile = path.join(appsDir, folder, "dist", "index.html");
    app.get(`${prefix}/*`, (c) => {
      if (!existsSync(indexFile)) {
        return c.text(
          `The ${folder} app is not built. Run \`pnpm build\` (the README's start command does it for you).`,
          503,
        );
      }
      c.header("Cache-Control", "no-cache");
      return c.html(readFileSync(indexFile, "utf8"));
    });
  }
  app.get("/", (c) => c.html(landingPage(LANDING_LINKS)));
}
