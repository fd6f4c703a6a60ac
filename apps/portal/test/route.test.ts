// The portal's URLs through its real route tree (memory history, no DOM): which page each path shows.
import { createMemoryHistory, rootRouteId } from "@tanstack/react-router";
import { describe, expect, it } from "vitest";
import { type PortalRoute, readPortalSegment } from "../src/lib/route.ts";
import { createPortalRouter, portalBasepath } from "../src/router.tsx";

/**
 * What the portal shows for `path`: the home page, a business, or "not found" for a segment that
 * can't be a slug (the `$slug` route's check) or a path the router can't read at all (its
 * not-found page, the same page; `raw` is then the path after the base).
 */
function parsePortalPath(path: string, basepath = "/portal/"): PortalRoute {
  const router = createPortalRouter({ basepath, history: createMemoryHistory({ initialEntries: [path] }) });
  const leaf = router.matchRoutes(router.state.location).at(-1);
  if (!leaf || leaf.routeId === rootRouteId) {
    return { kind: "invalid", raw: router.state.location.pathname.replace(/^\/+/, "") };
  }
  if (leaf.routeId === "/") return { kind: "home" };
  const slug = (leaf.params as { slug?: string }).slug;
  if (slug === undefined) throw new Error(`${path} matched ${leaf.routeId}, which has no slug`);
  return readPortalSegment(slug);
}

describe("parsePortalPath", () => {
  it("shows the home page without a slug", () => {
    expect(parsePortalPath("/portal/")).toEqual({ kind: "home" });
    expect(parsePortalPath("/portal")).toEqual({ kind: "home" });
    expect(parsePortalPath("/portal/index.html")).toEqual({ kind: "home" });
  });

  it("reads the slug, folding case and ignoring trailing segments", () => {
    expect(parsePortalPath("/portal/clean-machine")).toEqual({ kind: "business", slug: "clean-machine" });
    expect(parsePortalPath("/portal/Green-Lawn-Co/")).toEqual({ kind: "business", slug: "green-lawn-co" });
    expect(parsePortalPath("/portal/clean-machine/bookings/42")).toEqual({
      kind: "business",
      slug: "clean-machine",
    });
  });

  it("rejects what can't be a slug without asking the server", () => {
    expect(parsePortalPath("/portal/-bad-")).toEqual({ kind: "invalid", raw: "-bad-" });
    expect(parsePortalPath("/portal/a")).toEqual({ kind: "invalid", raw: "a" });
    expect(parsePortalPath("/portal/%E0%A4%A")).toEqual({ kind: "invalid", raw: "%E0%A4%A" });
    expect(parsePortalPath("/portal/caf%C3%A9")).toEqual({ kind: "invalid", raw: "café" });
  });

  it("honours another base path", () => {
    expect(parsePortalPath("/p/clean-machine", "/p/")).toEqual({ kind: "business", slug: "clean-machine" });
  });
});

describe("the booking page's paths", () => {
  const leafOf = (path: string, basepath: string) => {
    const router = createPortalRouter({ basepath, history: createMemoryHistory({ initialEntries: [path] }) });
    return router.matchRoutes(router.state.location).at(-1);
  };

  it("serves /book/<slug> from the site root, and the portal from its own base", () => {
    expect(portalBasepath("/book/green-lawn", "/portal/")).toBe("/");
    expect(portalBasepath("/portal/green-lawn", "/portal/")).toBe("/portal/");
    const leaf = leafOf("/book/green-lawn", portalBasepath("/book/green-lawn", "/portal/"));
    expect(leaf?.routeId).toBe("/book/$slug");
    expect(leaf?.params).toEqual({ slug: "green-lawn" });
  });

  it("reads ?service= on the booking page (a rebook reminder's link), and nothing without it", () => {
    const withService = leafOf("/book/green-lawn?service=3f6c2a1e-8d4b-4e2a-9c1f-5b7d9e0a1c2d", "/");
    expect(withService?.routeId).toBe("/book/$slug");
    expect(withService?.search).toEqual({ service: "3f6c2a1e-8d4b-4e2a-9c1f-5b7d9e0a1c2d" });
    expect(leafOf("/book/green-lawn", "/")?.search).toEqual({});
  });

  it("keeps /portal/<slug> the business's sign-in", () => {
    expect(leafOf("/portal/green-lawn", "/portal/")?.routeId).toMatch(/^\/\$slug/);
  });
});
