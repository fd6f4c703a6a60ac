// The customer portal's routes: /portal/ (no business) and /portal/<slug> (a business's sign-in);
// anything after the slug is ignored for now. Paths are relative to /portal. The same app is the
// public booking page at /book/<slug> (the server serves it there too): there the router's base is
// the site root, so the tree's `book/$slug` route matches it.
import { appRouterDefaults, createAppRootRoute } from "@servicepro/web";
import { createRoute, createRouter, lazyRouteComponent, Outlet, type RouterHistory } from "@tanstack/react-router";
import { readPortalSegment } from "./lib/route.ts";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PortalHomePage } from "./pages/PortalHomePage.tsx";

const AREA = "Customer portal";

const rootRoute = createAppRootRoute({ area: AREA, component: Outlet, notFound: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: PortalHomePage });

const BusinessPage = lazyRouteComponent(() => import("./pages/BusinessPage.tsx"), "BusinessPage");
const BookingPage = lazyRouteComponent(() => import("./booking/BookingPage.tsx"), "BookingPage");

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

/** /book/<slug>: the business's public booking page; a malformed slug is "not found" without a request. */
export const bookRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "book/$slug",
  component: function BookRoute() {
    const route = readPortalSegment(bookRoute.useParams().slug);
    return route.kind === "business" ? <BookingPage slug={route.slug} /> : <NotFoundPage />;
  },
});

export const routeTree = rootRoute.addChildren([homeRoute, bookRoute, businessRoute.addChildren([businessRestRoute])]);

/** The router's base for a page's path: the site root for the booking page, else the portal's own. */
export const portalBasepath = (pathname: string, portalBase: string = import.meta.env.BASE_URL): string =>
  pathname === "/book" || pathname.startsWith("/book/") ? "/" : portalBase;

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

export const router = createPortalRouter({
  basepath: portalBasepath(typeof window === "undefined" ? "/" : window.location.pathname),
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
