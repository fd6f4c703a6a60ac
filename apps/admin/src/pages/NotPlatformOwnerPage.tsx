import { AppShell, Button, ButtonLink, Card, EmptyState, LockIcon, UserMenu } from "@servicepro/ui";
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
          icon={<LockIcon size={22} />}
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
