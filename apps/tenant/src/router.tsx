// The business dashboard's routes. To add a page: a route here (lazy-loaded, with its search params
// checked by a zod schema if it has any), then a nav item in App.tsx. Paths are relative to /app.
import { appRouterDefaults, createAppRootRoute, searchId, useSignedInContext } from "@servicepro/web";
import { createRoute, createRouter, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { TenantRoot } from "./App.tsx";

const AREA = "ServicePro";

const rootRoute = createAppRootRoute({
  area: AREA,
  component: TenantRoot,
  notFound: { homeHref: import.meta.env.BASE_URL, homeLabel: "Go to the overview" },
});

/** A new owner's one-time link: public, outside the sign-in gate (they have no password yet). */
export const welcomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/welcome",
  validateSearch: z.object({ token: searchId }),
  component: lazyRouteComponent(() => import("./welcome/WelcomePage.tsx"), "WelcomePage"),
});

const OverviewPage = lazyRouteComponent(() => import("./pages/OverviewPage.tsx"), "OverviewPage");
const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: () => <OverviewPage currentUserId={useSignedInContext().user.id} />,
});

const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/inbox",
  /** `?conversation=<id>`: the open thread, so a reload or a shared link reopens it. */
  validateSearch: z.object({ conversation: searchId }),
  component: lazyRouteComponent(() => import("./inbox/InboxPage.tsx"), "InboxPage"),
});

const callsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/calls",
  component: lazyRouteComponent(() => import("./calls/CallsPage.tsx"), "CallsPage"),
});

const ServicesPage = lazyRouteComponent(() => import("./services/ServicesPage.tsx"), "ServicesPage");
const servicesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/services",
  component: () => <ServicesPage context={useSignedInContext()} />,
});

const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/plan",
  component: lazyRouteComponent(() => import("./plan/PlanPage.tsx"), "PlanPage"),
});

const SettingsPage = lazyRouteComponent(() => import("./settings/SettingsPage.tsx"), "SettingsPage");
const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/settings",
  component: () => <SettingsPage context={useSignedInContext()} />,
});

const BookingSettingsPage = lazyRouteComponent(
  () => import("./booking/BookingSettingsPage.tsx"),
  "BookingSettingsPage",
);
const bookingSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/booking-settings",
  component: () => <BookingSettingsPage context={useSignedInContext()} />,
});

const TeamPage = lazyRouteComponent(() => import("./booking/TeamPage.tsx"), "TeamPage");
const teamRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/team",
  component: () => <TeamPage context={useSignedInContext()} />,
});

export const routeTree = rootRoute.addChildren([
  welcomeRoute,
  overviewRoute,
  inboxRoute,
  callsRoute,
  servicesRoute,
  planRoute,
  settingsRoute,
  bookingSettingsRoute,
  teamRoute,
]);

// "/app/": the prefix the server serves this app under (Vite's `base`).
export const router = createRouter({ routeTree, basepath: import.meta.env.BASE_URL, ...appRouterDefaults(AREA) });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
