// /portal/<slug>/…: the business's portal. Signed in (`portal.me` answers), the customer's pages
// with the section tabs; not signed in (401), the sign-in screen in their place, whatever the page.
import "./customer.css";
import { apiErrorCode, LoadErrorAlert, Spinner } from "@servicepro/ui";
import type { PortalMe } from "@servicepro/validators";
import { AppNav, useTRPC } from "@servicepro/web";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Outlet } from "@tanstack/react-router";
import { PortalShell } from "../components/PortalShell.tsx";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { PortalSignIn } from "../signin/PortalSignIn.tsx";
import { PortalMeContext, usePortalSlug } from "./portal-context.ts";
import { isSignedOut } from "./portal-errors.ts";

export const ASSET_KIND_PLURAL = { vehicle: "Vehicles", pet: "Pets", property: "Properties" } as const;

/** After signing in or out, nothing cached under the other identity may show: every portal answer is asked again. */
export function useResetPortal() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.resetQueries({ queryKey: trpc.portal.pathKey() });
}

export function CustomerGate() {
  const slug = usePortalSlug();
  const trpc = useTRPC();
  const business = useQuery(trpc.portal.business.queryOptions({ slug }));
  const me = useQuery(trpc.portal.me.queryOptions({ slug }));
  const reset = useResetPortal();
  const homeHref = `/portal/${encodeURIComponent(slug)}`;

  if (business.isError) {
    const code = apiErrorCode(business.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return <NotFoundPage />;
  }
  const failed = business.isError ? business : me.isError && !isSignedOut(me.error) ? me : null;
  if (failed) {
    return (
      <PortalShell businessName={business.data?.name} homeHref={homeHref}>
        <title>{`Customer portal · ${business.data?.name ?? "ServicePro"}`}</title>
        <LoadErrorAlert
          title="This page couldn't load"
          error={failed.error}
          onRetry={() => void failed.refetch()}
          retrying={failed.isFetching}
        />
      </PortalShell>
    );
  }
  if (!business.isSuccess || me.isPending) {
    return (
      <PortalShell businessName={business.data?.name} homeHref={homeHref}>
        <Spinner size="lg" label="Loading…" />
      </PortalShell>
    );
  }

  const name = business.data.name;
  if (me.isError) {
    return (
      <PortalShell businessName={name} homeHref={homeHref}>
        <title>{`Sign in · ${name}`}</title>
        <PortalSignIn slug={slug} businessName={name} onSignedIn={() => void reset()} />
      </PortalShell>
    );
  }

  return (
    <PortalShell businessName={name} homeHref={homeHref} centered={false} nav={<PortalNav slug={slug} me={me.data} />}>
      <PortalMeContext value={me.data}>
        <div className="portal-page">
          <Outlet />
        </div>
      </PortalMeContext>
    </PortalShell>
  );
}

function PortalNav({ slug, me }: { slug: string; me: PortalMe }) {
  const assetKind = me.business.assetKind;
  return (
    <AppNav
      label="Your account"
      items={[
        { to: "/$slug", params: { slug }, activeOptions: { exact: true }, children: "Home" },
        { to: "/$slug/appointments", params: { slug }, children: "Appointments" },
        ...(assetKind
          ? [{ to: "/$slug/assets", params: { slug }, children: ASSET_KIND_PLURAL[assetKind] } as const]
          : []),
        ...(me.points.enabled ? [{ to: "/$slug/points", params: { slug }, children: "Points" } as const] : []),
        { to: "/$slug/profile", params: { slug }, children: "Profile" },
      ]}
    />
  );
}
