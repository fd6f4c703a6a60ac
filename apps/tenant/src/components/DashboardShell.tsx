import { AppShell, UserMenu } from "@servicepro/ui";
import type { ReactNode } from "react";
import { useSignOut, type AuthContext } from "../lib/auth.ts";

type User = NonNullable<AuthContext["user"]>;

/** The dashboard's frame: business name in the top bar, the signed-in user and "Sign out". */
export function DashboardShell({
  user,
  tenantName,
  children,
}: {
  user: User;
  tenantName: string | null;
  children: ReactNode;
}) {
  const signOut = useSignOut();
  return (
    <AppShell
      area={tenantName ?? "Business dashboard"}
      userSlot={
        <UserMenu
          name={user.name || user.email}
          detail={user.email}
          onSignOut={() => signOut.mutate()}
          signingOut={signOut.isPending}
        />
      }
    >
      {children}
    </AppShell>
  );
}
