import { parsePortalPath } from "./lib/route.ts";
import { BusinessPage } from "./pages/BusinessPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PortalHomePage } from "./pages/PortalHomePage.tsx";

/** One page per URL: /portal/ (no business), /portal/<slug> (a business's sign-in). */
export function App() {
  const route = parsePortalPath(window.location.pathname, import.meta.env.BASE_URL);
  switch (route.kind) {
    case "home":
      return <PortalHomePage />;
    case "invalid":
      return <NotFoundPage />;
    case "business":
      return <BusinessPage slug={route.slug} />;
  }
}
