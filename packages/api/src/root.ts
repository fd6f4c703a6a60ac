import { adminConciergeRouter } from "./routers/admin/concierge.ts";
import { adminExportsRouter } from "./routers/admin/exports.ts";
import { adminImpersonateRouter } from "./routers/admin/impersonate.ts";
import { adminIntegrationsRouter } from "./routers/admin/integrations.ts";
import { adminPacksRouter } from "./routers/admin/packs.ts";
import { adminPhoneNumbersRouter } from "./routers/admin/phone-numbers.ts";
import { adminRetentionRouter } from "./routers/admin/retention.ts";
import { adminTelephonyRouter } from "./routers/admin/telephony.ts";
import { adminTenantsRouter } from "./routers/admin/tenants.ts";
import { authRouter } from "./routers/auth.ts";
import { bookingRouter } from "./routers/booking.ts";
import { onboardingRouter } from "./routers/onboarding.ts";
import { portalRouter } from "./routers/portal/business.ts";
import { tenantAgentRouter } from "./routers/tenant/agent.ts";
import { tenantAppointmentsRouter } from "./routers/tenant/appointments.ts";
import { tenantAutomationsRouter } from "./routers/tenant/automations.ts";
import { tenantBookingRouter } from "./routers/tenant/booking.ts";
import { tenantCallsRouter } from "./routers/tenant/calls.ts";
import { tenantCampaignsRouter } from "./routers/tenant/campaigns.ts";
import { tenantCatalogRouter } from "./routers/tenant/catalog.ts";
import { tenantCustomersRouter } from "./routers/tenant/customers.ts";
import { tenantExportsRouter } from "./routers/tenant/exports.ts";
import { tenantImportsRouter } from "./routers/tenant/imports.ts";
import { tenantInboxRouter } from "./routers/tenant/inbox.ts";
import { tenantLoyaltyRouter } from "./routers/tenant/loyalty.ts";
import { tenantOnboardingRouter } from "./routers/tenant/onboarding.ts";
import { tenantOverviewProcedure } from "./routers/tenant/overview.ts";
import { tenantPackRouter } from "./routers/tenant/pack.ts";
import { tenantPlanRouter } from "./routers/tenant/plan.ts";
import { tenantRetentionRouter } from "./routers/tenant/retention.ts";
import { tenantSettingsRouter } from "./routers/tenant/settings.ts";
import { tenantTeamRouter } from "./routers/tenant/team.ts";
import { createRouter } from "./trpc.ts";

// The whole API, built from named routers and procedures only (no tRPC internals): the paths here are
// the procedure inventory the access matrix checks (apps/server/test/access-matrix.test.ts).
export const appRouter = createRouter({
  auth: authRouter,
  admin: createRouter({
    tenants: adminTenantsRouter,
    phoneNumbers: adminPhoneNumbersRouter,
    telephony: adminTelephonyRouter,
    impersonate: adminImpersonateRouter,
    integrations: adminIntegrationsRouter,
    concierge: adminConciergeRouter,
    packs: adminPacksRouter,
    retention: adminRetentionRouter,
    exports: adminExportsRouter,
  }),
  tenant: createRouter({
    overview: tenantOverviewProcedure,
    inbox: tenantInboxRouter,
    calls: tenantCallsRouter,
    plan: tenantPlanRouter,
    settings: tenantSettingsRouter,
    catalog: tenantCatalogRouter,
    customers: tenantCustomersRouter,
    pack: tenantPackRouter,
    onboarding: tenantOnboardingRouter,
    appointments: tenantAppointmentsRouter,
    booking: tenantBookingRouter,
    team: tenantTeamRouter,
    agent: tenantAgentRouter,
    loyalty: tenantLoyaltyRouter,
    automations: tenantAutomationsRouter,
    campaigns: tenantCampaignsRouter,
    retention: tenantRetentionRouter,
    exports: tenantExportsRouter,
    imports: tenantImportsRouter,
  }),
  portal: portalRouter,
  booking: bookingRouter,
  onboarding: onboardingRouter,
});

export type AppRouter = typeof appRouter;
