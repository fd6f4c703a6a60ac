import { AppShell, UserMenu } from "@servicepro/ui";
import type { ReactNode } from "react";
import { useSignOut, type AuthContext } from "../lib/auth.ts";

type User = NonNullable<AuthContext["user"]>;

/** The console's frame for the signed-in platform owner: top bar with the user and "Sign out". */
export function ConsoleShell({ user, children }: { user: User; children: ReactNode }) {
  const signOut = useSignOut();
  return (
    <AppShell
      area="Platform console"
      userSlot={
        <UserMenu
          name={user.name || user.email}
          detail={user.name ? user.email : "Platform owner"}
          onSignOut={() => signOut.mutate()}
          signingOut={signOut.isPending}
        />
      }
    >
      {children}
    </AppShell>
  );
}
