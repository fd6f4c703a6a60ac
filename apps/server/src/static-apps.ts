import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono, MiddlewareHandler } from "hono";
import type { HonoEnv } from "./app.ts";

/** URL prefix → app folder. Each app is a Vite build with `base` set to its prefix. */
export const APPS = [
  {
    prefix: "/admin",
    folder: "admin",
    title: "Admin console",
    description: "For the ServicePro platform owner: every business on the platform.",
  },
  {
    prefix: "/app",
    folder: "tenant",
    title: "Business dashboard",
    description: "For a business's team: its customers, messages and bookings.",
  },
  {
    prefix: "/portal",
    folder: "portal",
    title: "Customer portal",
    description: "For a business's customers: points, history and profile.",
  },
] as const;

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
  app.get("/", (c) => c.html(landingPage()));
}

function landingPage(): string {
  const links = APPS.map((a) => `<li><a href="${a.prefix}/">${a.title}</a><p>${a.description}</p></li>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ServicePro</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.75rem}ul{list-style:none;padding:0}li{border:1px solid #e5e7eb;border-radius:.75rem;padding:1rem 1.25rem;margin:.75rem 0}
a{font-weight:600;color:#1d4ed8}p{margin:.25rem 0 0;color:#4b5563}</style></head>
<body><h1>ServicePro</h1><p>The operating system for service businesses.</p><ul>${links}</ul></body></html>`;
}
