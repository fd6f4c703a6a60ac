import { AppShell, SignInForm, signInErrorFeedback } from "@servicepro/ui";
import type { ReactNode } from "react";
import { useSignIn } from "../auth.ts";

export interface StaffSignInPageProps {
  /** The app's area in the top bar and the document title, e.g. "Platform console". */
  area: string;
  /** The form's heading. */
  title: string;
  subtitle: string;
  /** Help under the form, e.g. a pointer to the other app. */
  footer?: ReactNode;
}

/** Email + password sign-in for staff; on success `auth.context` reloads and the app moves on. */
export function StaffSignInPage({ area, title, subtitle, footer }: StaffSignInPageProps) {
  const signIn = useSignIn();
  const feedback = signIn.error ? signInErrorFeedback(signIn.error) : undefined;
  return (
    <AppShell area={area} centered>
      <title>{`Sign in · ${area} · ServicePro`}</title>
      <SignInForm
        title={title}
        subtitle={subtitle}
        onSubmit={(values) => signIn.mutate(values)}
        submitting={signIn.isPending}
        error={feedback?.message}
        fieldErrors={feedback?.fields}
        footer={footer}
      />
    </AppShell>
  );
}
