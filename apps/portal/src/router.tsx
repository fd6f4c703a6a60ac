// The customer portal's routes: /portal/ (no business) and /portal/<slug> (a business's sign-in);
// anything after the slug is ignored for now. Paths are relative to /portal.
import { appRouterDefaults, createAppRootRoute } from "@servicepro/web";
import { createRoute, createRouter, lazyRouteComponent, Outlet, type RouterHistory } from "@tanstack/react-router";
import { readPortalSegment } from "./lib/route.ts";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PortalHomePage } from "./pages/PortalHomePage.tsx";

const AREA = "Customer portal";

const rootRoute = createAppRootRoute({ area: AREA, component: Outlet, notFound: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: PortalHomePage });

const BusinessPage = lazyRouteComponent(() => import("./pages/BusinessPage.tsx"), "BusinessPage");

/** /portal/<slug>: a malformed slug is "not found" without asking the server. */
export const businessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "$slug",
  component: function BusinessRoute() {
    const route = readPortalSegment(businessRoute.useParams().slug);
    if (route.kind === "home") return <PortalHomePage />;
    if (route.kind === "invalid") return <NotFoundPage />;
    return <BusinessPage slug={route.slug} />;
  },
});

/** /portal/<slug>/anything: the business's page until the portal has pages of its own. */
const businessRestRoute = createRoute({ getParentRoute: () => businessRoute, path: "$" });

export const routeTree = rootRoute.addChildren([homeRoute, businessRoute.addChildren([businessRestRoute])]);

/** `basepath` is the prefix the server serves the portal under ("/portal/", Vite's `base`). */
export function createPortalRouter({
  basepath = import.meta.env.BASE_URL,
  history,
}: {
  basepath?: string;
  history?: RouterHistory;
} = {}) {
  return createRouter({ routeTree, basepath, history, ...appRouterDefaults(AREA) });
}

export const router = createPortalRouter();

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
