// The platform console's pages, in nav order. To add a page, add one entry here (path relative to
// /admin, the nav label, and what to render); App.tsx builds the nav and picks the page.
import type { SignedInContext } from "@servicepro/web";
import type { ReactNode } from "react";
import { NewBusinessPage } from "./concierge/NewBusinessPage.tsx";
import { IntegrationsPage } from "./integrations/IntegrationsPage.tsx";
import { PacksPage } from "./packs/PacksPage.tsx";
import { TenantsPage } from "./pages/TenantsPage.tsx";
import { PhoneNumbersPage } from "./phone/PhoneNumbersPage.tsx";
import { UnroutedPage } from "./unrouted/UnroutedPage.tsx";

export type AdminRoute = {
  /** Relative to the app's base: "/" is /admin/, "/unrouted" is /admin/unrouted. */
  path: string;
  label: string;
  render: (context: SignedInContext) => ReactNode;
};

export const ROUTES: readonly AdminRoute[] = [
  { path: "/", label: "Tenants", render: () => <TenantsPage /> },
  { path: "/new-business", label: "New business", render: () => <NewBusinessPage /> },
  { path: "/packs", label: "Industry packs", render: () => <PacksPage /> },
  { path: "/phone-numbers", label: "Phone numbers & IVR", render: () => <PhoneNumbersPage /> },
  { path: "/unrouted", label: "Unrouted traffic", render: () => <UnroutedPage /> },
  { path: "/integrations", label: "Integrations & keys", render: () => <IntegrationsPage /> },
];
