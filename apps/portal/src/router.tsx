// The customer portal's routes: /portal/ (no business), /portal/<slug> (a business's portal: its
// sign-in, then the customer's home, appointments, assets, points and profile) and
// /portal/<slug>/link (a sign-in link). Paths are relative to /portal. The same app is the
// public booking page at /book/<slug> (the server serves it there too): there the router's base is
// the site root, so the tree's `book/$slug` route matches it.
import { appRouterDefaults, createAppRootRoute } from "@servicepro/web";
import { createRoute, createRouter, lazyRouteComponent, Outlet, type RouterHistory } from "@tanstack/react-router";
import { PortalSlugContext } from "./customer/portal-context.ts";
import { readPortalSegment } from "./lib/route.ts";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PortalHomePage } from "./pages/PortalHomePage.tsx";

const AREA = "Customer portal";

const rootRoute = createAppRootRoute({ area: AREA, component: Outlet, notFound: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: PortalHomePage });

const BookingPage = lazyRouteComponent(() => import("./booking/BookingPage.tsx"), "BookingPage");
const CustomerGate = lazyRouteComponent(() => import("./customer/CustomerGate.tsx"), "CustomerGate");
const LinkPage = lazyRouteComponent(() => import("./signin/LinkPage.tsx"), "LinkPage");
const HomePage = lazyRouteComponent(() => import("./home/HomePage.tsx"), "HomePage");
const AppointmentsPage = lazyRouteComponent(() => import("./appointments/AppointmentsPage.tsx"), "AppointmentsPage");
const AssetsPage = lazyRouteComponent(() => import("./assets/AssetsPage.tsx"), "AssetsPage");
const PointsPage = lazyRouteComponent(() => import("./points/PointsPage.tsx"), "PointsPage");
const ProfilePage = lazyRouteComponent(() => import("./profile/ProfilePage.tsx"), "ProfilePage");
const MissingPage = lazyRouteComponent(() => import("./home/MissingPage.tsx"), "MissingPage");

/** /portal/<slug>/…: a malformed slug is "not found" without asking the server; pages below read the slug from context. */
export const businessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "$slug",
  component: function BusinessRoute() {
    const route = readPortalSegment(businessRoute.useParams().slug);
    if (route.kind === "home") return <PortalHomePage />;
    if (route.kind === "invalid") return <NotFoundPage />;
    return (
      <PortalSlugContext value={route.slug}>
        <Outlet />
      </PortalSlugContext>
    );
  },
});

/**
 * /portal/<slug>/link?token=…: a sign-in link from a text or email. It is redeemed only when the
 * person presses "Sign in", so a mail scanner that opens links does not use it up.
 */
const linkRoute = createRoute({
  getParentRoute: () => businessRoute,
  path: "link",
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === "string" ? { token: search.token } : {},
  component: LinkPage,
});

/** The signed-in customer's pages: the sign-in screen in their place until `portal.me` answers. */
const customerRoute = createRoute({ getParentRoute: () => businessRoute, id: "customer", component: CustomerGate });
const customerRoutes = [
  createRoute({ getParentRoute: () => customerRoute, path: "/", component: HomePage }),
  createRoute({ getParentRoute: () => customerRoute, path: "appointments", component: AppointmentsPage }),
  createRoute({ getParentRoute: () => customerRoute, path: "assets", component: AssetsPage }),
  createRoute({ getParentRoute: () => customerRoute, path: "points", component: PointsPage }),
  createRoute({ getParentRoute: () => customerRoute, path: "profile", component: ProfilePage }),
  /** /portal/<slug>/anything else: a signed-in "no such page" with the tabs to go on. */
  createRoute({ getParentRoute: () => customerRoute, path: "$", component: MissingPage }),
] as const;

/**
 * /book/<slug>: the business's public booking page; a malformed slug is "not found" without a request.
 * `?service=<service id>` opens it with that service chosen (the link in a rebook reminder); an id
 * the page doesn't offer is ignored.
 */
export const bookRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "book/$slug",
  validateSearch: (search: Record<string, unknown>): { service?: string } =>
    typeof search.service === "string" && search.service !== "" ? { service: search.service } : {},
  component: function BookRoute() {
    const route = readPortalSegment(bookRoute.useParams().slug);
    const { service } = bookRoute.useSearch();
    return route.kind === "business" ? (
      <BookingPage slug={route.slug} {...(service ? { serviceId: service } : {})} />
    ) : (
      <NotFoundPage />
    );
  },
});

export const routeTree = rootRoute.addChildren([
  homeRoute,
  bookRoute,
  businessRoute.addChildren([linkRoute, customerRoute.addChildren(customerRoutes)]),
]);

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
