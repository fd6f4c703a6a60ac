import {
  Alert,
  AppShell,
  apiErrorCode,
  apiErrorMessage,
  applyServerErrors,
  Button,
  ButtonLink,
  Card,
  Form,
  FormTextField,
  LoadErrorAlert,
  Spinner,
  TextField,
  useZodForm,
} from "@servicepro/ui";
import { newPasswordSchema, PASSWORD_RULES_HINT } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { z } from "zod";

const AREA = "Business dashboard";
/** The app's base ("/app/"): where the new owner lands once signed in. */
const BASE = import.meta.env.BASE_URL;

/** The new password with the server's rules (newPasswordSchema), typed twice. */
const newPasswordFormSchema = z
  .object({ password: newPasswordSchema, confirm: z.string() })
  .refine((values) => values.confirm === values.password, {
    path: ["confirm"],
    message: "The two passwords don't match.",
  });

const tokenFromUrl = () => new URLSearchParams(window.location.search).get("token") ?? "";

function Frame({ children }: { children: ReactNode }) {
  return (
    <AppShell area={AREA} centered>
      <title>Welcome · ServicePro</title>
      <div className="sp-signin">
        <Card className="sp-signin__card">{children}</Card>
      </div>
    </AppShell>
  );
}

/** A link that cannot be used: why, and the way forward. */
function LinkProblem({ title, message, signIn }: { title: string; message: string; signIn: boolean }) {
  return (
    <Frame>
      <div className="sp-stack">
        <h1 className="sp-signin__title">{title}</h1>
        <Alert tone={signIn ? "info" : "error"}>{message}</Alert>
        {signIn ? (
          <ButtonLink variant="primary" href={BASE}>
            Go to sign in
          </ButtonLink>
        ) : null}
      </div>
    </Frame>
  );
}

/**
 * Where a new business owner's one-time link lands (/app/welcome?token=…), outside the signed-in
 * shell: it shows whose account the link opens, takes a new password and signs them in.
 */
export function WelcomePage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [token] = useState(tokenFromUrl);
  const link = useQuery({
    ...trpc.onboarding.inspect.queryOptions({ token }),
    enabled: token !== "",
    retry: false,
    staleTime: Infinity,
  });
  const form = useZodForm(newPasswordFormSchema, { defaultValues: { password: "", confirm: "" } });
  const [formError, setFormError] = useState<string | null>(null);
  const complete = useMutation(
    trpc.onboarding.complete.mutationOptions({
      onError: (error) => setFormError(applyServerErrors(form.setError, error, ["password"])),
      onSuccess: () => {
        // Nothing cached from before belongs to this person; a full load of /app/ starts clean
        // and takes the token out of the address bar and the back button.
        queryClient.clear();
        window.location.replace(BASE);
      },
    }),
  );

  if (token === "") return <LinkProblem title="Set up your account" message="This link is not valid." signIn={false} />;
  if (link.isPending) {
    return (
      <AppShell area={AREA} centered>
        <Spinner size="lg" label="Checking your link…" />
      </AppShell>
    );
  }
  if (link.isError) {
    const code = apiErrorCode(link.error);
    if (code === "CONFLICT")
      return <LinkProblem title="Your account is already set up" message={apiErrorMessage(link.error)} signIn />;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST" || code === "FORBIDDEN" || code === "TOO_MANY_REQUESTS") {
      return <LinkProblem title="This link can't be used" message={apiErrorMessage(link.error)} signIn={false} />;
    }
    return (
      <AppShell area={AREA} centered>
        <LoadErrorAlert
          title="Your link couldn't be checked"
          error={link.error}
          onRetry={() => void link.refetch()}
          retrying={link.isFetching}
        />
      </AppShell>
    );
  }

  const { businessName, ownerName, ownerEmail } = link.data;
  const submit = ({ password }: { password: string }) => {
    if (complete.isPending) return;
    setFormError(null);
    complete.mutate({ token, password });
  };

  return (
    <Frame>
      <div className="sp-signin__header">
        <h1 className="sp-signin__title">Welcome, {ownerName.split(" ")[0] || ownerName}</h1>
        <p className="sp-signin__subtitle">Set a password to open {businessName} on ServicePro.</p>
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Form form={form} onSubmit={submit} className="sp-signin__form" aria-busy={complete.isPending || undefined}>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          value={ownerEmail}
          readOnly
          hint="You'll sign in with this email."
        />
        <FormTextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={PASSWORD_RULES_HINT}
          required
        />
        <FormTextField label="Confirm password" name="confirm" type="password" autoComplete="new-password" required />
        <Button type="submit" variant="primary" block loading={complete.isPending}>
          Set password and continue
        </Button>
      </Form>
    </Frame>
  );
}
