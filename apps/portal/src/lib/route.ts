import { TENANT_SLUG_PATTERN } from "@servicepro/tenancy/constants";

/** What the portal shows for the path segment after /portal/. */
export type PortalRoute =
  | { kind: "home" }
  | { kind: "business"; slug: string }
  /** Something after /portal/ that can't be a business's slug: shown as "not found" without a request. */
  | { kind: "invalid"; raw: string };

/**
 * Reads the business slug from the first segment after /portal/ (the router's `$slug`): decoded,
 * trimmed and case-folded ("Clean-Machine" → "clean-machine"), held to the tenants' slug rule
 * (TENANT_SLUG_PATTERN, without zod). "index.html" is the home page.
 */
export function readPortalSegment(segment: string): PortalRoute {
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
