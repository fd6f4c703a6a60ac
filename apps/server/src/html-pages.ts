// The few pages the server renders itself, outside the React apps: the landing page at `/` and the
// "no page here" answer a browser gets for an unknown path. Same colours and type as packages/ui's
// tokens; inline CSS (the CSP allows inline styles), no script.

const STYLE = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:1.5rem 1rem;
background:#f5f7fa;color:#141a23;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","Liberation Sans",Arial,sans-serif}
main{width:100%;max-width:34rem;background:#fff;border:1px solid #dfe4eb;border-radius:12px;padding:2rem 1.5rem;box-shadow:0 1px 2px rgba(20,26,35,.06)}
.brand{margin:0 0 .25rem;font-size:.875rem;font-weight:600;letter-spacing:.02em;color:#525c6b}
h1{margin:0 0 .5rem;font-size:1.5rem;line-height:1.25}
p{margin:0 0 1rem;color:#525c6b}
ul{list-style:none;margin:1.25rem 0 0;padding:0;display:grid;gap:.75rem}
li a{display:block;padding:.875rem 1rem;border:1px solid #dfe4eb;border-radius:8px;color:#141a23;text-decoration:none}
li a:hover{border-color:#2a4fd6;background:#eef2fe}
li a:focus-visible,.button:focus-visible{outline:3px solid #2a4fd6;outline-offset:2px}
li strong{display:block;color:#1f3fb0}
li span{font-size:.875rem;color:#525c6b}
.button{display:inline-block;padding:.625rem 1rem;border-radius:8px;background:#2a4fd6;color:#fff;font-weight:600;text-decoration:none}
.button:hover{background:#2141b8}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.875em;overflow-wrap:anywhere}
`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export type LandingLink = { href: string; title: string; description: string };

/** `/`: what this server is, and the ways in. States no feature, only where each door leads. */
export function landingPage(links: readonly LandingLink[]): string {
  const items = links
    .map(
      (link) =>
        `<li><a href="${escapeHtml(link.href)}"><strong>${escapeHtml(link.title)}</strong><span>${escapeHtml(link.description)}</span></a></li>`,
    )
    .join("");
  return page(
    "ServicePro",
    `<p class="brand">ServicePro</p>
<h1>Sign in to ServicePro</h1>
<p>Pick where you work. Customers of a business use the link that business sent them.</p>
<ul>${items}</ul>`,
  );
}

/** A browser's answer for a path nothing serves: a page with the way home, not raw JSON. */
export function notFoundPage(path: string): string {
  return page(
    "Page not found · ServicePro",
    `<p class="brand">ServicePro</p>
<h1>There's no page here</h1>
<p>Nothing is served at <code>${escapeHtml(path)}</code>. The link may be old or mistyped.</p>
<a class="button" href="/">Go to the ServicePro home page</a>`,
  );
}

/**
 * Whether a request is a browser asking for a page: it accepts HTML, and it is not one of the
 * machine endpoints (tRPC, Twilio's webhooks, recordings, health), which always answer JSON.
 */
export function wantsHtmlPage(path: string, accept: string | undefined): boolean {
  if (/^\/(trpc|twilio|media|healthz)(\/|$)/.test(path)) return false;
  return (accept ?? "").split(",").some((type) => type.trim().split(";")[0]?.trim() === "text/html");
}
