import { describe, expect, it } from "vitest";
import { parsePortalPath } from "../src/lib/route.ts";

describe("parsePortalPath", () => {
  it("shows the home page without a slug", () => {
    expect(parsePortalPath("/portal/")).toEqual({ kind: "home" });
    expect(parsePortalPath("/portal")).toEqual({ kind: "home" });
    expect(parsePortalPath("/portal/index.html")).toEqual({ kind: "home" });
    expect(parsePortalPath("/elsewhere")).toEqual({ kind: "home" });
  });

  it("reads the slug, folding case and ignoring trailing segments", () => {
    expect(parsePortalPath("/portal/clean-machine")).toEqual({ kind: "business", slug: "clean-machine" });
    expect(parsePortalPath("/portal/Green-Lawn-Co/")).toEqual({ kind: "business", slug: "green-lawn-co" });
    expect(parsePortalPath("/portal/clean-machine/bookings/42")).toEqual({ kind: "business", slug: "clean-machine" });
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
