import { AppNav, appPath, isImpersonating, PageNotFound, SignedInShell, StaffGate, usePathname } from "@servicepro/web";
import { ImpersonatingPage } from "./pages/ImpersonatingPage.tsx";
import { NotPlatformOwnerPage } from "./pages/NotPlatformOwnerPage.tsx";
import { ROUTES } from "./routes.tsx";

/** The URL prefix the server serves this app under ("/admin/"). */
const BASE = import.meta.env.BASE_URL;

const hrefOf = (path: string) => (path === "/" ? BASE : `${BASE}${path.slice(1)}`);

/** Decides what to show from `auth.context`: sign-in, the owner-only notice, or the console. */
export function App() {
  const path = appPath(usePathname(), BASE);
  const route = ROUTES.find((candidate) => candidate.path === path);
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
            nav={
              <AppNav
                label="Console sections"
                items={ROUTES.map((candidate) => ({
                  href: hrefOf(candidate.path),
                  label: candidate.label,
                  current: candidate === route,
                }))}
              />
            }
          >
            {route ? (
              route.render(context)
            ) : (
              <PageNotFound area="Platform console" homeHref={BASE} homeLabel="Go to the tenants" />
            )}
          </SignedInShell>
        )
      }
    </StaffGate>
  );
}
