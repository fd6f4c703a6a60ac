// @servicepro/web: the client-side kit the React apps share (API client, providers, auth, tenant
// labels, the staff sign-in gate). Presentation without the API lives in @servicepro/ui.

// The tenant vocabulary the apps' forms need (the constants only, not tenancy's server-side schemas).
export {
  needsRootStatusConfirmation,
  PLAN_TIERS,
  type PlanTier,
  ROOT_STATUS_WARNING,
  ROOT_TENANT_ID,
  TENANT_STATUSES,
  type TenantStatus,
} from "@servicepro/tenancy/constants";
export { type AppRootRouteOptions, appRouterDefaults, createAppRootRoute, routeErrorFor } from "./app-router.tsx";
export {
  type AuthContext,
  isImpersonating,
  type SignedInContext,
  type SignedInUser,
  useAuthContext,
  useRefreshAuth,
  useSignIn,
  useSignOut,
  useStartImpersonation,
  useStopImpersonation,
} from "./auth.ts";
export { AppProviders, type AppProvidersProps, renderApp } from "./bootstrap.tsx";
export { AppNav, type AppNavProps } from "./components/AppNav.tsx";
export { HrefLink, type HrefLinkProps } from "./components/HrefLink.tsx";
export { ImpersonationBanner } from "./components/ImpersonationBanner.tsx";
export { PageNotFound } from "./components/PageNotFound.tsx";
export { RouteError } from "./components/RouteError.tsx";
export { SignedInShell, type SignedInShellProps, SignOutButton } from "./components/SignedInShell.tsx";
export { StaffGate, type StaffGateProps } from "./components/StaffGate.tsx";
export { StaffSignInPage, type StaffSignInPageProps } from "./components/StaffSignInPage.tsx";
export { PlanTierBadge, TenantStatusBadge } from "./components/TenantBadges.tsx";
export {
  industryLabel,
  PLAN_TIER_TONES,
  planTierBadgeLabel,
  planTierLabel,
  TENANT_STATUS_TONES,
  tenantStatusLabel,
} from "./labels.ts";
export { searchId } from "./search.ts";
export { SignedInProvider, useSignedInContext } from "./signed-in.tsx";
export {
  type ApiClient,
  createApiClient,
  createQueryClient,
  type RouterInputs,
  type RouterOutputs,
  TRPCProvider,
  useTRPC,
  useTRPCClient,
} from "./trpc.ts";
