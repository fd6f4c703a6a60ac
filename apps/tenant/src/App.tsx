import { SignedInShell, StaffGate } from "@servicepro/web";
import { NoBusinessPage } from "./pages/NoBusinessPage.tsx";
import { OverviewPage } from "./pages/OverviewPage.tsx";

/** Decides what to show from `auth.context`: sign-in, a "no business here" notice, or the dashboard. */
export function App() {
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
      {({ user, tenantName }) => (
        <SignedInShell area={tenantName ?? "Business dashboard"} user={user} detail={user.email}>
          <OverviewPage currentUserId={user.id} />
        </SignedInShell>
      )}
    </StaffGate>
  );
}
