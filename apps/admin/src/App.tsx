import { AppNav, isImpersonating, SignedInShell, StaffGate } from "@servicepro/web";
import { Outlet } from "@tanstack/react-router";
import { ImpersonatingPage } from "./pages/ImpersonatingPage.tsx";
import { NotPlatformOwnerPage } from "./pages/NotPlatformOwnerPage.tsx";

/** The console's sections, in nav order. */
function ConsoleNav() {
  return (
    <AppNav
      label="Console sections"
      items={[
        { to: "/", children: "Tenants", activeOptions: { exact: true, includeSearch: false } },
        { to: "/new-business", children: "New business" },
        { to: "/packs", children: "Industry packs", activeOptions: { includeSearch: false } },
        { to: "/phone-numbers", children: "Phone numbers & IVR", activeOptions: { includeSearch: false } },
        { to: "/unrouted", children: "Unrouted traffic" },
        { to: "/integrations", children: "Integrations & keys", activeOptions: { includeSearch: false } },
      ]}
    />
  );
}

/** Every page's frame: sign-in, the owner-only notice, or the console with the page in it (from `auth.context`). */
export function AdminRoot() {
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
      {(context) =>
        isImpersonating(context) ? (
          <SignedInShell area="Platform console" user={context.user} detail="Platform owner">
            <ImpersonatingPage context={context} />
          </SignedInShell>
        ) : (
          <SignedInShell
            area="Platform console"
            user={context.user}
            detail={context.user.name ? context.user.email : "Platform owner"}
            nav={<ConsoleNav />}
          >
            <Outlet />
          </SignedInShell>
        )
      }
    </StaffGate>
  );
}
