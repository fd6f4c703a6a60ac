import { AppShell, Button, ButtonLink, Card, EmptyState, UserMenu } from "@servicepro/ui";
import { useSignOut, type AuthContext } from "../lib/auth.ts";

type Props = { context: AuthContext; user: NonNullable<AuthContext["user"]> };

/** A signed-in user who is not the platform owner: explain, and offer their dashboard or sign-out. */
export function NotPlatformOwnerPage({ context, user }: Props) {
  const signOut = useSignOut();
  return (
    <AppShell
      area="Platform console"
      userSlot={<UserMenu name={user.name || user.email} detail={context.tenantName ?? user.email} />}
    >
      <title>Platform owner only · ServicePro</title>
      <Card className="admin-notice">
        <EmptyState
          headingLevel={1}
          icon={<LockIcon />}
          title="This console is for the ServicePro platform owner"
          description={
            <>
              <p>
                You're signed in as <strong>{user.email}</strong>
                {context.tenantName ? (
                  <>
                    {" "}
                    for <strong>{context.tenantName}</strong>
                  </>
                ) : null}
                . Your business dashboard has everything for your team.
              </p>
            </>
          }
          actions={
            <>
              <ButtonLink variant="primary" href="/app/">
                Go to your business dashboard
              </ButtonLink>
              <Button onClick={() => signOut.mutate()} loading={signOut.isPending}>
                Sign out
              </Button>
            </>
          }
        />
      </Card>
    </AppShell>
  );
}

function LockIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
      <rect x="4" y="9" width="12" height="8" rx="1.5" />
      <path d="M7 9V6.5a3 3 0 0 1 6 0V9" strokeLinecap="round" />
    </svg>
  );
}
