// What every app's router shares: the root route's not-found and error pages, and the router's
// defaults. An app adds its own routes under the root and spreads `appRouterDefaults` into createRouter.
import { createRootRoute, type ErrorComponentProps, type RouteComponent } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { PageNotFound } from "./components/PageNotFound.tsx";
import { RouteError } from "./components/RouteError.tsx";

export type AppRootRouteOptions = {
  /** The app's name in page titles ("Platform console"). */
  area: string;
  /** What the root route renders around its pages (the signed-in shell, or just an `Outlet`). */
  component: RouteComponent;
  /** An unknown path: the shared "page not found" with a link home, unless the app has its own. */
  notFound?: { homeHref: string; homeLabel: string } | (() => ReactNode);
};

/** An error boundary that names the app: any route that throws shows it in place of its page. */
export const routeErrorFor = (area: string) =>
  function AppRouteError(props: ErrorComponentProps) {
    return <RouteError area={area} {...props} />;
  };

/** The root route of an app: its shell, its not-found page and its error page. */
export function createAppRootRoute({ area, component, notFound }: AppRootRouteOptions) {
  const NotFound =
    typeof notFound === "function"
      ? notFound
      : () => (
          <PageNotFound area={area} homeHref={notFound?.homeHref ?? "/"} homeLabel={notFound?.homeLabel ?? "Go home"} />
        );
  return createRootRoute({ component, notFoundComponent: NotFound, errorComponent: routeErrorFor(area) });
}

/**
 * The router options every app uses: every route's errors shown by the app's error page, routes
 * preloaded on hover, scroll restored on back. `createRouter({ routeTree, basepath, ...appRouterDefaults(area) })`.
 */
export const appRouterDefaults = (area: string) => ({
  defaultErrorComponent: routeErrorFor(area),
  defaultPreload: "intent" as const,
  scrollRestoration: true,
});
