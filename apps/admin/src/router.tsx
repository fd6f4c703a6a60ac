// The platform console's routes. To add a page: a route here (lazy-loaded, with its search params
// checked by a zod schema if it has any), then a nav item in App.tsx. Paths are relative to /admin.
import { appRouterDefaults, createAppRootRoute, searchId } from "@servicepro/web";
import { createRoute, createRouter, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { AdminRoot } from "./App.tsx";

const AREA = "Platform console";

const rootRoute = createAppRootRoute({
  area: AREA,
  component: AdminRoot,
  notFound: { homeHref: import.meta.env.BASE_URL, homeLabel: "Go to the tenants" },
});

const tenantsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  /** `?plan=<tenantId>` (the readiness list's "Edit plan & status" link) opens that tenant's plan dialog. */
  validateSearch: z.object({ plan: searchId }),
  component: lazyRouteComponent(() => import("./pages/TenantsPage.tsx"), "TenantsPage"),
});

const newBusinessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/new-business",
  component: lazyRouteComponent(() => import("./concierge/NewBusinessPage.tsx"), "NewBusinessPage"),
});

const packsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/packs",
  /** `?pack=<id>`: the pack whose details are open. */
  validateSearch: z.object({ pack: searchId }),
  component: lazyRouteComponent(() => import("./packs/PacksPage.tsx"), "PacksPage"),
});

const phoneNumbersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/phone-numbers",
  /** `?tenant=<id>`: the business whose numbers are shown (default: the first). */
  validateSearch: z.object({ tenant: searchId }),
  component: lazyRouteComponent(() => import("./phone/PhoneNumbersPage.tsx"), "PhoneNumbersPage"),
});

const unroutedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/unrouted",
  component: lazyRouteComponent(() => import("./unrouted/UnroutedPage.tsx"), "UnroutedPage"),
});

const integrationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/integrations",
  /** `?tenant=<id>`: the business whose readiness is shown (default: the first). */
  validateSearch: z.object({ tenant: searchId }),
  component: lazyRouteComponent(() => import("./integrations/IntegrationsPage.tsx"), "IntegrationsPage"),
});

export const routeTree = rootRoute.addChildren([
  tenantsRoute,
  newBusinessRoute,
  packsRoute,
  phoneNumbersRoute,
  unroutedRoute,
  integrationsRoute,
]);

// "/admin/": the prefix the server serves this app under (Vite's `base`).
export const router = createRouter({ routeTree, basepath: import.meta.env.BASE_URL, ...appRouterDefaults(AREA) });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
