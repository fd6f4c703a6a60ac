import { ButtonLink, LockIcon, PageNotice } from "@servicepro/ui";
import { type SignedInContext, SignedInShell, SignOutButton } from "@servicepro/web";

/** A signed-in user who is not the platform owner: explain, and offer their dashboard or sign-out. */
export function NotPlatformOwnerPage({ context }: { context: SignedInContext }) {
  const { user } = context;
  return (
    <SignedInShell area="Platform console" user={user} detail={context.tenantName ?? user.email} signOutInMenu={false}>
      <PageNotice
        documentTitle="Platform owner only · ServicePro"
        icon={<LockIcon size={22} />}
        title="This console is for the ServicePro platform owner"
        description={
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
        }
        actions={
          <>
            <ButtonLink variant="primary" href="/app/">
              Go to your business dashboard
            </ButtonLink>
            <SignOutButton />
          </>
        }
      />
    </SignedInShell>
  );
}
