import { ButtonLink, LockIcon, PageNotice, ShieldIcon } from "@servicepro/ui";
import { type SignedInContext, SignedInShell, SignOutButton } from "@servicepro/web";

/**
 * Signed in, but no business to show: the platform owner (who works in /admin/), or a user whose
 * membership was removed.
 */
export function NoBusinessPage({ context }: { context: SignedInContext }) {
  const { user } = context;
  const isOwner = context.role === "platform_owner";
  return (
    <SignedInShell
      area="Business dashboard"
      user={user}
      detail={isOwner ? "Platform owner" : user.email}
      signOutInMenu={false}
    >
      {isOwner ? (
        <PageNotice
          documentTitle="Platform owner · ServicePro"
          icon={<ShieldIcon size={22} />}
          title="You're signed in as the platform owner"
          description={
            <p>
              The business dashboard shows one business to its own team. To see every business on ServicePro, use the
              platform console at <a href="/admin/">/admin/</a>.
            </p>
          }
          actions={
            <>
              <ButtonLink variant="primary" href="/admin/">
                Open the platform console
              </ButtonLink>
              <SignOutButton />
            </>
          }
        />
      ) : (
        <PageNotice
          documentTitle="No business · ServicePro"
          icon={<LockIcon size={22} />}
          title="Your account isn't linked to a business"
          description={
            <p>
              You're signed in as <strong>{user.email}</strong>, but you're not on any business's team right now. Ask
              your business's admin to invite you again.
            </p>
          }
          actions={<SignOutButton />}
        />
      )}
    </SignedInShell>
  );
}
