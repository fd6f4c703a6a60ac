import { Alert, apiErrorMessage, AppShell, Button, Spinner } from "@servicepro/ui";
import { useAuthContext } from "./lib/auth.ts";
import { ConsoleShell } from "./components/ConsoleShell.tsx";
import { NotPlatformOwnerPage } from "./pages/NotPlatformOwnerPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { TenantsPage } from "./pages/TenantsPage.tsx";

/** Decides what to show from `auth.context`: sign-in, the owner-only notice, or the console. */
export function App() {
  const auth = useAuthContext();

  if (auth.isPending) {
    return (
      <AppShell area="Platform console" centered>
        <Spinner size="lg" label="Loading the platform console…" />
      </AppShell>
    );
  }

  if (auth.isError) {
    return (
      <AppShell area="Platform console" centered>
        <Alert
          tone="error"
          title="The platform console couldn't load"
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
  if (context.role !== "platform_owner") return <NotPlatformOwnerPage context={context} user={context.user} />;

  return (
    <ConsoleShell user={context.user}>
      <TenantsPage />
    </ConsoleShell>
  );
}
