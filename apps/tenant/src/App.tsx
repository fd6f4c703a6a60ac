import { AppNav, SignedInShell, StaffGate } from "@servicepro/web";
import { Navigate, Outlet, useMatch } from "@tanstack/react-router";
import { NoBusinessPage } from "./pages/NoBusinessPage.tsx";

/** A cancelled account's only section: its sign-in can do nothing but export. */
function ExportOnlyNav() {
  return <AppNav label="Dashboard sections" items={[{ to: "/export", children: "Export your data" }]} />;
}

/** The dashboard's sections, in nav order. */
function DashboardNav({ admin }: { admin: boolean }) {
  return (
    <AppNav
      label="Dashboard sections"
      items={[
        { to: "/", children: "Overview", activeOptions: { exact: true } },
        { to: "/calendar", children: "Calendar", activeOptions: { includeSearch: false } },
        { to: "/inbox", children: "Inbox", activeOptions: { includeSearch: false } },
        { to: "/calls", children: "Calls" },
        { to: "/agent", children: "AI agent" },
        { to: "/customers", children: "Customers" },
        { to: "/services", children: "Services" },
        { to: "/loyalty", children: "Loyalty" },
        { to: "/campaigns", children: "Campaigns", activeOptions: { includeSearch: false } },
        { to: "/automations", children: "Automations" },
        { to: "/team", children: "Team" },
        { to: "/booking-settings", children: "Booking" },
        { to: "/plan", children: "Plan" },
        { to: "/import", children: "Import" },
        { to: "/settings", children: "Settings" },
        { to: "/retention", children: "Data retention" },
        // Exporting is the admins' (tenant.exports.* is tenant_admin).
        ...(admin ? [{ to: "/export" as const, children: "Export data" }] : []),
      ]}
    />
  );
}

/**
 * Every page's frame: the welcome link is public; everything else shows sign-in, a "no business here"
 * notice, or the dashboard with the page in it (from `auth.context`).
 */
export function TenantRoot() {
  const isWelcome = useMatch({ from: "/welcome", shouldThrow: false }) !== undefined;
  const isExport = useMatch({ from: "/export", shouldThrow: false }) !== undefined;
  if (isWelcome) return <Outlet />;
  return (
    <StaffGate
      area="Business dashboard"
      loadingLabel="Loading your dashboard…"
      loadErrorTitle="Your dashboard couldn't load"
      signIn={{
        title: "Welcome back",
        subtitle: "Sign in to run your business on ServicePro.",
        footer: "Are you a customer? Use the sign-in link your service provider sent you.",
      }}
      isAllowed={(context) => context.tenantId !== null}
      notAllowed={(context) => <NoBusinessPage context={context} />}
    >
      {(context) => (
        <SignedInShell
          area={context.tenantName ?? "Business dashboard"}
          user={context.user}
          detail={context.user.email}
          nav={context.exportOnly ? <ExportOnlyNav /> : <DashboardNav admin={context.role === "tenant_admin"} />}
        >
          {/* A cancelled account lands on its one page, whatever it asked for. */}
          {context.exportOnly && !isExport ? <Navigate to="/export" replace /> : <Outlet />}
        </SignedInShell>
      )}
    </StaffGate>
  );
}
