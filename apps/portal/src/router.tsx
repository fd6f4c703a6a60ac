// The customer portal's routes: /portal/ (no business) and /portal/<slug> (a business's sign-in);
// anything after the slug is ignored for now. Paths are relative to /portal.
import { RouteError } from "@servicepro/web";
import {
  createRootRoute,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  lazyRouteComponent,
  Outlet,
  type RouterHistory,
} from "@tanstack/react-router";
import { readPortalSegment } from "./lib/route.ts";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PortalHomePage } from "./pages/PortalHomePage.tsx";

/** Any route that throws while loading or rendering shows this in place of its page. */
const ShowRouteError = (props: ErrorComponentProps) => <RouteError area="Customer portal" {...props} />;

const rootRoute = createRootRoute({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ShowRouteError,
});

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
  return createRouter({
    routeTree,
    basepath,
    history,
    defaultErrorComponent: ShowRouteError,
    defaultPreload: "intent",
    scrollRestoration: true,
  });
}

export const router = createPortalRouter();

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
