import { AppShell, LoadErrorAlert, Spinner } from "@servicepro/ui";
import type { ReactNode } from "react";
import { type AuthContext, type SignedInContext, useAuthContext } from "../auth.ts";
import { SignedInProvider } from "../signed-in.tsx";
import { StaffSignInPage, type StaffSignInPageProps } from "./StaffSignInPage.tsx";

export interface StaffGateProps {
  /** The app's area in the top bar while loading and signing in, e.g. "Platform console". */
  area: string;
  /** The spinner's label while `auth.context` loads, e.g. "Loading the platform console…". */
  loadingLabel: string;
  /** The alert's title when `auth.context` fails, e.g. "The platform console couldn't load". */
  loadErrorTitle: string;
  /** The sign-in page's heading, subtitle and footer. */
  signIn: Omit<StaffSignInPageProps, "area">;
  /** Who may use this app. */
  isAllowed: (context: SignedInContext) => boolean;
  /** What a signed-in user who may not use the app sees instead. */
  notAllowed: (context: SignedInContext) => ReactNode;
  /** The app, for a signed-in user who may use it; its pages can also read the context with `useSignedInContext()`. */
  children: (context: SignedInContext) => ReactNode;
}

const isSignedIn = (context: AuthContext): context is SignedInContext => context.user !== null;

/**
 * Decides what a staff app shows from `auth.context`: a spinner while it loads, an error with
 * "Try again" if it fails, the sign-in page when nobody is signed in, `notAllowed` for someone
 * `isAllowed` turns away, and otherwise the app itself.
 */
export function StaffGate({
  area,
  loadingLabel,
  loadErrorTitle,
  signIn,
  isAllowed,
  notAllowed,
  children,
}: StaffGateProps) {
  const auth = useAuthContext();

  if (auth.isPending) {
    return (
      <AppShell area={area} centered>
        <Spinner size="lg" label={loadingLabel} />
      </AppShell>
    );
  }

  if (auth.isError) {
    return (
      <AppShell area={area} centered>
        <LoadErrorAlert
          title={loadErrorTitle}
          error={auth.error}
          onRetry={() => void auth.refetch()}
          retrying={auth.isRefetching}
        />
      </AppShell>
    );
  }

  const context = auth.data;
  if (!isSignedIn(context)) return <StaffSignInPage area={area} {...signIn} />;
  if (!isAllowed(context)) return notAllowed(context);
  return <SignedInProvider value={context}>{children(context)}</SignedInProvider>;
}
