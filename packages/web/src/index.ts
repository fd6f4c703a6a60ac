// @servicepro/web: the client-side kit the React apps share (API client, providers, auth, tenant
// labels, the staff sign-in gate). Presentation without the API lives in @servicepro/ui.
export { AppProviders, renderApp, type AppProvidersProps } from "./bootstrap.tsx";
export {
  TRPCProvider,
  createApiClient,
  createQueryClient,
  useTRPC,
  useTRPCClient,
  type ApiClient,
  type RouterInputs,
  type RouterOutputs,
} from "./trpc.ts";
export {
  useAuthContext,
  useRefreshAuth,
  useSignIn,
  useSignOut,
  isImpersonating,
  useStartImpersonation,
  useStopImpersonation,
  type AuthContext,
  type SignedInContext,
  type SignedInUser,
} from "./auth.ts";
export {
  PLAN_TIER_TONES,
  TENANT_STATUS_TONES,
  industryLabel,
  planTierBadgeLabel,
  planTierLabel,
  tenantStatusLabel,
} from "./labels.ts";
export { PlanTierBadge, TenantStatusBadge } from "./components/TenantBadges.tsx";
export { SignedInShell, SignOutButton, type SignedInShellProps } from "./components/SignedInShell.tsx";
export { StaffGate, type StaffGateProps } from "./components/StaffGate.tsx";
export { StaffSignInPage, type StaffSignInPageProps } from "./components/StaffSignInPage.tsx";
export { AppNav, type AppNavItem } from "./components/AppNav.tsx";
export { PageNotFound } from "./components/PageNotFound.tsx";
export { Link, appPath, navigate, usePathname, type LinkProps } from "./router.tsx";
export { ImpersonationBanner } from "./components/ImpersonationBanner.tsx";
// The tenant vocabulary the apps' forms need (constants only: no zod in the browser).
export { PLAN_TIERS, TENANT_STATUSES, ROOT_TENANT_ID, type PlanTier, type TenantStatus } from "@servicepro/tenancy/constants";
