// @vitest-environment node
// The shared nav and error page inside a real TanStack Router tree (memory history, rendered on the
// server: no DOM library), under a base path like the apps'.
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from "@tanstack/react-router";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AppNav } from "./AppNav.tsx";
import { RouteError } from "./RouteError.tsx";

async function renderAt(path: string): Promise<string> {
  const rootRoute = createRootRoute({
    component: () => (
      <>
        <AppNav
          label="Dashboard sections"
          items={[
            { to: "/", children: "Overview", activeOptions: { exact: true } },
            { to: "/plan", children: "Plan" },
          ]}
        />
        <Outlet />
      </>
    ),
  });
  const routeTree = rootRoute.addChildren([
    createRoute({ getParentRoute: () => rootRoute, path: "/", component: () => <p>Overview page</p> }),
    createRoute({ getParentRoute: () => rootRoute, path: "/plan", component: () => <p>Plan page</p> }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: "/broken",
      loader: () => {
        throw new Error("A bug in a loader");
      },
      component: () => <p>Never shown</p>,
    }),
  ]);
  const router = createRouter({
    routeTree,
    basepath: "/app/",
    history: createMemoryHistory({ initialEntries: [path] }),
    // As in the apps: every route's errors show RouteError.
    defaultErrorComponent: (props) => <RouteError area="Business dashboard" {...props} />,
  });
  await router.load();
  return renderToString(<RouterProvider router={router} />);
}

const linkTo = (html: string, href: string) => html.match(new RegExp(`<a[^>]*href="${href}"[^>]*>`))?.[0] ?? "";

describe("AppNav", () => {
  it("links each section under the app's base path and marks only the current one", async () => {
    const html = await renderAt("/app/plan");
    expect(html).toContain('<nav aria-label="Dashboard sections" class="sp-nav">');
    expect(linkTo(html, "/app/plan")).toContain('aria-current="page"');
    expect(linkTo(html, "/app/plan")).toMatch(/class="sp-nav__link\b/);
    expect(linkTo(html, "/app/")).not.toContain("aria-current");
    expect(html).toContain("<p>Plan page</p>");
  });

  it("marks the home section on the home page only (exact match)", async () => {
    const html = await renderAt("/app/");
    expect(linkTo(html, "/app/")).toContain('aria-current="page"');
    expect(linkTo(html, "/app/plan")).not.toContain("aria-current");
  });
});

describe("RouteError", () => {
  it("shows why the page failed and offers to try again", async () => {
    const html = await renderAt("/app/broken");
    expect(html).toContain("This page couldn&#x27;t be shown");
    // A plain exception's text is for the logs; the page says it in words a person can use.
    expect(html).toContain("Something went wrong on our side. Please try again in a moment.");
    expect(html).not.toContain("A bug in a loader");
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
    expect(html).not.toContain("Never shown");
  });
});
