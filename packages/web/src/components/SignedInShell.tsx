import { AppShell, Button, UserMenu } from "@servicepro/ui";
import type { ReactNode } from "react";
import { type SignedInUser, useSignOut } from "../auth.ts";
import { ImpersonationBanner } from "./ImpersonationBanner.tsx";

export interface SignedInShellProps {
  /** The area in the top bar, e.g. "Platform console" or the business's name. */
  area: ReactNode;
  user: SignedInUser;
  /** Second line under the user's name, e.g. their email or role. */
  detail?: ReactNode;
  /** Put "Sign out" in the top bar (default). Pages that offer their own (`SignOutButton`) pass false. */
  signOutInMenu?: boolean;
  /** The app's sections under the top bar (an `AppNav`). */
  nav?: ReactNode;
  children: ReactNode;
}

/**
 * The frame for a signed-in staff member: the user in the top bar, usually with "Sign out", and,
 * while the platform owner is "logged in as" a business, the impersonation banner above it.
 */
export function SignedInShell({ area, user, detail, signOutInMenu = true, nav, children }: SignedInShellProps) {
  const name = user.name || user.email;
  return (
    <AppShell
      area={area}
      banner={<ImpersonationBanner />}
      nav={nav}
      userSlot={
        signOutInMenu ? <SigningOutUserMenu name={name} detail={detail} /> : <UserMenu name={name} detail={detail} />
      }
    >
      {children}
    </AppShell>
  );
}

function SigningOutUserMenu({ name, detail }: { name: string; detail: ReactNode }) {
  const signOut = useSignOut();
  return <UserMenu name={name} detail={detail} onSignOut={() => signOut.mutate()} signingOut={signOut.isPending} />;
}

/** "Sign out" as a page's own button (e.g. on a notice that offers the way out). */
export function SignOutButton() {
  const signOut = useSignOut();
  return (
    <Button onClick={() => signOut.mutate()} loading={signOut.isPending}>
      Sign out
    </Button>
  );
}
