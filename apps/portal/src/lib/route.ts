import { TENANT_SLUG_PATTERN } from "@servicepro/tenancy/constants";

/** What the portal shows for a URL. */
export type PortalRoute =
  | { kind: "home" }
  | { kind: "business"; slug: string }
  /** Something after /portal/ that can't be a business's slug: shown as "not found" without a request. */
  | { kind: "invalid"; raw: string };

/**
 * Reads the business slug from `/portal/<slug>` (any trailing segments are ignored, case is
 * folded: "/portal/Clean-Machine/" → "clean-machine"), held to the tenants' slug rule
 * (TENANT_SLUG_PATTERN, without zod). `base` is Vite's BASE_URL ("/portal/").
 */
export function parsePortalPath(pathname: string, base = "/portal/"): PortalRoute {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  let rest: string;
  if (pathname === prefix.slice(0, -1)) rest = "";
  else if (pathname.startsWith(prefix)) rest = pathname.slice(prefix.length);
  else return { kind: "home" };

  const segment = rest.split("/")[0] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return { kind: "invalid", raw: segment };
  }
  const slug = decoded.trim().toLowerCase();
  if (slug === "" || slug === "index.html") return { kind: "home" };
  return TENANT_SLUG_PATTERN.test(slug) ? { kind: "business", slug } : { kind: "invalid", raw: decoded };
}
