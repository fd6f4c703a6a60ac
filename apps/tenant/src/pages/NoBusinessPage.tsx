import {
  AppShell,
  Button,
  ButtonLink,
  Card,
  EmptyState,
  LockIcon,
  ShieldIcon,
  UserMenu,
} from "@servicepro/ui";
import { useSignOut, type AuthContext } from "../lib/auth.ts";

type Props = { context: AuthContext; user: NonNullable<AuthContext["user"]> };

/**
 * Signed in, but no business to show: the platform owner (who works in /admin/), or a user whose
 * membership was removed.
 */
export function NoBusinessPage({ context, user }: Props) {
  const signOut = useSignOut();
  const isOwner = context.role === "platform_owner";
  const signOutButton = (
    <Button onClick={() => signOut.mutate()} loading={signOut.isPending}>
      Sign out
    </Button>
  );
  return (
    <AppShell
      area="Business dashboard"
      userSlot={<UserMenu name={user.name || user.email} detail={isOwner ? "Platform owner" : user.email} />}
    >
      <title>{isOwner ? "Platform owner · ServicePro" : "No business · ServicePro"}</title>
      <Card className="tenant-notice">
        {isOwner ? (
          <EmptyState
            headingLevel={1}
            icon={<ShieldIcon size={22} />}
            title="You're signed in as the platform owner"
            description={
              <p>
                The business dashboard shows one business to its own team. To see every business on
                ServicePro, use the platform console at <a href="/admin/">/admin/</a>.
              </p>
            }
            actions={
              <>
                <ButtonLink variant="primary" href="/admin/">
                  Open the platform console
                </ButtonLink>
                {signOutButton}
              </>
            }
          />
        ) : (
          <EmptyState
            headingLevel={1}
            icon={<LockIcon size={22} />}
            title="Your account isn't linked to a business"
            description={
              <p>
                You're signed in as <strong>{user.email}</strong>, but you're not on any business's team
                right now. Ask your business's admin to invite you again.
              </p>
            }
            actions={signOutButton}
          />
        )}
      </Card>
    </AppShell>
  );
}
