import { AppNav, appPath, PageNotFound, SignedInShell, StaffGate, usePathname } from "@servicepro/web";
import { NoBusinessPage } from "./pages/NoBusinessPage.tsx";
import { ROUTES } from "./routes.tsx";
import { WelcomePage } from "./welcome/WelcomePage.tsx";

/** The URL prefix the server serves this app under ("/app/"). */
const BASE = import.meta.env.BASE_URL;

const hrefOf = (path: string) => (path === "/" ? BASE : `${BASE}${path.slice(1)}`);

/** Decides what to show from `auth.context`: sign-in, a "no business here" notice, or the dashboard. */
export function App() {
  const pathname = usePathname();
  const path = appPath(pathname, BASE);
  const route = ROUTES.find((candidate) => candidate.path === path);
  // A new owner's one-time link: public, outside the sign-in gate (they have no password yet).
  if (path === "/welcome") return <WelcomePage />;
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
          nav={
            <AppNav
              label="Dashboard sections"
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
            <PageNotFound area="ServicePro" homeHref={BASE} homeLabel="Go to the overview" />
          )}
        </SignedInShell>
      )}
    </StaffGate>
  );
}
