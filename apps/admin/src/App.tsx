import { SignedInShell, StaffGate } from "@servicepro/web";
import { NotPlatformOwnerPage } from "./pages/NotPlatformOwnerPage.tsx";
import { TenantsPage } from "./pages/TenantsPage.tsx";

/** Decides what to show from `auth.context`: sign-in, the owner-only notice, or the console. */
export function App() {
  return (
    <StaffGate
      area="Platform console"
      loadingLabel="Loading the platform console…"
      loadErrorTitle="The platform console couldn't load"
      signIn={{
        title: "Platform console",
        subtitle: "Sign in to manage every business on ServicePro.",
        footer: (
          <>
            Running a business on ServicePro? Sign in to your <a href="/app/">business dashboard</a> instead.
          </>
        ),
      }}
      isAllowed={(context) => context.role === "platform_owner"}
      notAllowed={(context) => <NotPlatformOwnerPage context={context} />}
    >
      {({ user }) => (
        <SignedInShell area="Platform console" user={user} detail={user.name ? user.email : "Platform owner"}>
          <TenantsPage />
        </SignedInShell>
      )}
    </StaffGate>
  );
}
