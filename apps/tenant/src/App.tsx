import { Alert, apiErrorMessage, AppShell, Button, Spinner } from "@servicepro/ui";
import { DashboardShell } from "./components/DashboardShell.tsx";
import { useAuthContext } from "./lib/auth.ts";
import { NoBusinessPage } from "./pages/NoBusinessPage.tsx";
import { OverviewPage } from "./pages/OverviewPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";

/** Decides what to show from `auth.context`: sign-in, a "no business here" notice, or the dashboard. */
export function App() {
  const auth = useAuthContext();

  if (auth.isPending) {
    return (
      <AppShell area="Business dashboard" centered>
        <Spinner size="lg" label="Loading your dashboard…" />
      </AppShell>
    );
  }

  if (auth.isError) {
    return (
      <AppShell area="Business dashboard" centered>
        <Alert
          tone="error"
          title="Your dashboard couldn't load"
          actions={
            <Button size="sm" onClick={() => void auth.refetch()} loading={auth.isRefetching}>
              Try again
            </Button>
          }
        >
          {apiErrorMessage(auth.error)}
        </Alert>
      </AppShell>
    );
  }

  const context = auth.data;
  if (!context.user) return <SignInPage />;
  if (!context.tenantId) return <NoBusinessPage context={context} user={context.user} />;

  return (
    <DashboardShell user={context.user} tenantName={context.tenantName}>
      <OverviewPage currentUserId={context.user.id} />
    </DashboardShell>
  );
}
