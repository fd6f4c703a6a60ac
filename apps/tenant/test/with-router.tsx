// For component tests of screens with router links: the component as the page of a real TanStack
// Router (memory history) under the app's base path, so a <Link> renders its real href.
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import type { ReactNode } from "react";

export function RoutedPage({ children }: { children: ReactNode }) {
  const rootRoute = createRootRoute({ component: () => children });
  const router = createRouter({
    routeTree: rootRoute,
    basepath: "/app/",
    history: createMemoryHistory({ initialEntries: ["/app/"] }),
  });
  return <RouterProvider router={router as never} />;
}
