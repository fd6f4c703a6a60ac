// The business dashboard's pages, in nav order. To add a page, add one entry here (path relative
// to /app, the nav label, and what to render); App.tsx builds the nav and picks the page.
import type { SignedInContext } from "@servicepro/web";
import type { ReactNode } from "react";
import { CallsPage } from "./calls/CallsPage.tsx";
import { InboxPage } from "./inbox/InboxPage.tsx";
import { OverviewPage } from "./pages/OverviewPage.tsx";
import { PlanPage } from "./plan/PlanPage.tsx";
import { ServicesPage } from "./services/ServicesPage.tsx";
import { SettingsPage } from "./settings/SettingsPage.tsx";

export type TenantRoute = {
  /** Relative to the app's base: "/" is /app/, "/plan" is /app/plan. */
  path: string;
  label: string;
  render: (context: SignedInContext) => ReactNode;
};

export const ROUTES: readonly TenantRoute[] = [
  { path: "/", label: "Overview", render: (context) => <OverviewPage currentUserId={context.user.id} /> },
  { path: "/inbox", label: "Inbox", render: () => <InboxPage /> },
  { path: "/calls", label: "Calls", render: () => <CallsPage /> },
  { path: "/services", label: "Services", render: (context) => <ServicesPage context={context} /> },
  { path: "/plan", label: "Plan", render: () => <PlanPage /> },
  { path: "/settings", label: "Settings", render: (context) => <SettingsPage context={context} /> },
];
