import { AppShell, signInErrorFeedback, SignInForm } from "@servicepro/ui";
import { useSignIn } from "../lib/auth.ts";

export function SignInPage() {
  const signIn = useSignIn();
  const feedback = signIn.error ? signInErrorFeedback(signIn.error) : undefined;
  return (
    <AppShell area="Platform console" centered>
      <title>Sign in · Platform console · ServicePro</title>
      <SignInForm
        title="Platform console"
        subtitle="Sign in to manage every business on ServicePro."
        onSubmit={(values) => signIn.mutate(values)}
        submitting={signIn.isPending}
        error={feedback?.message}
        fieldErrors={feedback?.fields}
        footer={
          <>
            Running a business on ServicePro? Sign in to your <a href="/app/">business dashboard</a> instead.
          </>
        }
      />
    </AppShell>
  );
}
