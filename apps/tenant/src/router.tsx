// The business dashboard's routes. To add a page: a route here (lazy-loaded, with its search params
// checked by a zod schema if it has any), then a nav item in App.tsx. Paths are relative to /app.

import { CAMPAIGN_STATUSES, LAST_VISIT_FILTERS } from "@servicepro/validators";
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

/** `?view=day|week&date=YYYY-MM-DD&bookable=<id>`: what the calendar shows, so a reload or a link keeps it. */
const calendarRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/calendar",
  validateSearch: z.object({
    view: z.enum(["day", "week"]).optional().catch(undefined),
    date: z.iso.date().optional().catch(undefined),
    bookable: searchId,
  }),
  component: lazyRouteComponent(() => import("./calendar/CalendarPage.tsx"), "CalendarPage"),
});

const appointmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/appointments/$appointmentId",
  component: lazyRouteComponent(() => import("./appointments/AppointmentPage.tsx"), "AppointmentPage"),
});

const customersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/customers",
  /** `?q=&tag=&lastVisit=`: the list's search and filters, so a reload or a shared link shows the same list. */
  validateSearch: z.object({
    q: z.string().max(100).optional().catch(undefined),
    tag: z.string().max(32).optional().catch(undefined),
    lastVisit: z.enum(LAST_VISIT_FILTERS).optional().catch(undefined),
  }),
  component: lazyRouteComponent(() => import("./customers/CustomersPage.tsx"), "CustomersPage"),
});

const duplicatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/customers/duplicates",
  component: lazyRouteComponent(() => import("./customers/DuplicatesPage.tsx"), "DuplicatesPage"),
});

const customerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/customers/$customerId",
  component: lazyRouteComponent(() => import("./customers/CustomerPage.tsx"), "CustomerPage"),
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

const LoyaltyPage = lazyRouteComponent(() => import("./loyalty/LoyaltyPage.tsx"), "LoyaltyPage");
const loyaltyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/loyalty",
  component: () => <LoyaltyPage context={useSignedInContext()} />,
});

const ImportPage = lazyRouteComponent(() => import("./imports/ImportPage.tsx"), "ImportPage");
const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/import",
  component: () => <ImportPage context={useSignedInContext()} />,
});

const CampaignsPage = lazyRouteComponent(() => import("./campaigns/CampaignsPage.tsx"), "CampaignsPage");
/** `?status=`: the list's state filter, so a reload or a shared link shows the same list. */
const campaignsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/campaigns",
  validateSearch: z.object({ status: z.enum(CAMPAIGN_STATUSES).optional().catch(undefined) }),
  component: () => <CampaignsPage context={useSignedInContext()} />,
});

const NewCampaignPage = lazyRouteComponent(() => import("./campaigns/CampaignComposerPage.tsx"), "NewCampaignPage");
const newCampaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/campaigns/new",
  component: () => <NewCampaignPage context={useSignedInContext()} />,
});

const CampaignPage = lazyRouteComponent(() => import("./campaigns/CampaignPage.tsx"), "CampaignPage");
const campaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/campaigns/$campaignId",
  component: () => <CampaignPage context={useSignedInContext()} />,
});

const EditCampaignPage = lazyRouteComponent(() => import("./campaigns/CampaignComposerPage.tsx"), "EditCampaignPage");
const editCampaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/campaigns/$campaignId/edit",
  component: () => <EditCampaignPage context={useSignedInContext()} />,
});

const AutomationsPage = lazyRouteComponent(() => import("./automations/AutomationsPage.tsx"), "AutomationsPage");
const automationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/automations",
  component: () => <AutomationsPage context={useSignedInContext()} />,
});

const RetentionPage = lazyRouteComponent(() => import("./retention/RetentionPage.tsx"), "RetentionPage");
const retentionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/retention",
  component: () => <RetentionPage context={useSignedInContext()} />,
});

const AgentPage = lazyRouteComponent(() => import("./agent/AgentPage.tsx"), "AgentPage");
const agentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/agent",
  component: () => <AgentPage context={useSignedInContext()} />,
});

/** Test mode: staff text their own agent; nothing is booked or sent. */
const agentTestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/agent/test",
  component: lazyRouteComponent(() => import("./agent/AgentTestPage.tsx"), "AgentTestPage"),
});

const ExportPage = lazyRouteComponent(() => import("./export/ExportPage.tsx"), "ExportPage");
/** "Export your data": every plan, every status; a cancelled account's only page. */
export const exportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/export",
  component: () => <ExportPage exportOnly={useSignedInContext().exportOnly === true} />,
});

export const routeTree = rootRoute.addChildren([
  welcomeRoute,
  overviewRoute,
  inboxRoute,
  callsRoute,
  calendarRoute,
  appointmentRoute,
  customersRoute,
  duplicatesRoute,
  customerRoute,
  servicesRoute,
  planRoute,
  settingsRoute,
  bookingSettingsRoute,
  teamRoute,
  loyaltyRoute,
  campaignsRoute,
  newCampaignRoute,
  campaignRoute,
  editCampaignRoute,
  importRoute,
  automationsRoute,
  retentionRoute,
  agentRoute,
  agentTestRoute,
  exportRoute,
]);

// "/app/": the prefix the server serves this app under (Vite's `base`).
export const router = createRouter({ routeTree, basepath: import.meta.env.BASE_URL, ...appRouterDefaults(AREA) });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
