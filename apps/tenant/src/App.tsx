import { AppNav, SignedInShell, StaffGate } from "@servicepro/web";
import { Outlet, useMatch } from "@tanstack/react-router";
import { NoBusinessPage } from "./pages/NoBusinessPage.tsx";

/** The dashboard's sections, in nav order. */
function DashboardNav() {
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
          nav={<DashboardNav />}
        >
          <Outlet />
        </SignedInShell>
      )}
    </StaffGate>
  );
}
