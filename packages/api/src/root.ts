import { adminTenantsRouter } from "./routers/admin/tenants.ts";
import { authRouter } from "./routers/auth.ts";
import { portalRouter } from "./routers/portal/business.ts";
import { tenantRouter } from "./routers/tenant/overview.ts";
import { createRouter } from "./trpc.ts";

export const appRouter = createRouter({
  auth: authRouter,
  admin: createRouter({ tenants: adminTenantsRouter }),
  tenant: tenantRouter,
  portal: portalRouter,
});

export type AppRouter = typeof appRouter;
