import "./SignInForm.css";
import { type FormEvent, type ReactNode, useState } from "react";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";
import { Card } from "./Card.tsx";
import { TextField } from "./TextField.tsx";

export interface SignInValues {
  email: string;
  password: string;
}

export interface SignInFormProps {
  onSubmit: (values: SignInValues) => void;
  /** Form-level error (e.g. "Email or password is incorrect."), shown with `role="alert"`. */
  error?: ReactNode;
  /** Per-field errors, e.g. from the API's validation issues. */
  fieldErrors?: Partial<Record<keyof SignInValues, string>>;
  /** Disables the form and shows progress on the button. */
  submitting?: boolean;
  title?: ReactNode;
  subtitle?: ReactNode;
  submitLabel?: string;
  /** Extra content under the form (help text, links). */
  footer?: ReactNode;
  /** Initial email, e.g. remembered from a previous attempt. */
  defaultEmail?: string;
}

/**
 * Email + password sign-in. Presentational: it collects the values and reports them through
 * `onSubmit`; the caller performs the request and passes back `error`, `fieldErrors` and
 * `submitting`. The only local check is that both fields are filled in.
 */
export function SignInForm({
  onSubmit,
  error,
  fieldErrors,
  submitting = false,
  title = "Sign in",
  subtitle,
  submitLabel = "Sign in",
  footer,
  defaultEmail = "",
}: SignInFormProps) {
  const [email, setEmail] = useState(defaultEmail);
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<Partial<Record<keyof SignInValues, string>>>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const nextMissing: Partial<Record<keyof SignInValues, string>> = {};
    if (email.trim() === "") nextMissing.email = "Enter your email address.";
    if (password === "") nextMissing.password = "Enter your password.";
    setMissing(nextMissing);
    if (nextMissing.email || nextMissing.password) return;
    onSubmit({ email: email.trim(), password });
  }

  const emailError = missing.email ?? fieldErrors?.email;
  const passwordError = missing.password ?? fieldErrors?.password;

  return (
    <div className="sp-signin">
      <Card className="sp-signin__card">
        <div className="sp-signin__header">
          <h1 className="sp-signin__title">{title}</h1>
          {subtitle ? <p className="sp-signin__subtitle">{subtitle}</p> : null}
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <form className="sp-signin__form" onSubmit={handleSubmit} noValidate aria-busy={submitting || undefined}>
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            autoCapitalize="none"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              if (missing.email) setMissing((prev) => ({ ...prev, email: undefined }));
            }}
            error={emailError}
            disabled={submitting}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              if (missing.password) setMissing((prev) => ({ ...prev, password: undefined }));
            }}
            error={passwordError}
            disabled={submitting}
          />
          <Button type="submit" variant="primary" size="lg" block loading={submitting} className="sp-signin__submit">
            {submitLabel}
          </Button>
        </form>
        {footer ? <div className="sp-signin__footer">{footer}</div> : null}
      </Card>
    </div>
  );
}
