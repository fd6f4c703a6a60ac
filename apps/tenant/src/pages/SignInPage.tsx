import { AppShell, signInErrorFeedback, SignInForm } from "@servicepro/ui";
import { useSignIn } from "../lib/auth.ts";

export function SignInPage() {
  const signIn = useSignIn();
  const feedback = signIn.error ? signInErrorFeedback(signIn.error) : undefined;
  return (
    <AppShell area="Business dashboard" centered>
      <title>Sign in · Business dashboard · ServicePro</title>
      <SignInForm
        title="Welcome back"
        subtitle="Sign in to run your business on ServicePro."
        onSubmit={(values) => signIn.mutate(values)}
        submitting={signIn.isPending}
        error={feedback?.message}
        fieldErrors={feedback?.fields}
        footer="Are you a customer? Use the sign-in link your service provider sent you."
      />
    </AppShell>
  );
}
