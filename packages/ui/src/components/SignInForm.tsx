import "./SignInForm.css";
import { signInInputSchema } from "@servicepro/validators";
import type { ReactNode } from "react";
import { Form, FormTextField } from "../form/fields.tsx";
import { useZodForm } from "../form/use-zod-form.ts";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";
import { Card } from "./Card.tsx";

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
 * `submitting`. The fields are checked with the server's own sign-in schema first.
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
  const form = useZodForm(signInInputSchema, { defaultValues: { email: defaultEmail, password: "" } });

  return (
    <div className="sp-signin">
      <Card className="sp-signin__card">
        <div className="sp-signin__header">
          <h1 className="sp-signin__title">{title}</h1>
          {subtitle ? <p className="sp-signin__subtitle">{subtitle}</p> : null}
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Form
          form={form}
          onSubmit={(values) => {
            if (!submitting) onSubmit(values);
          }}
          className="sp-signin__form"
          aria-busy={submitting || undefined}
        >
          <FormTextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            autoCapitalize="none"
            required
            error={fieldErrors?.email}
            disabled={submitting}
          />
          <FormTextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={fieldErrors?.password}
            disabled={submitting}
          />
          <Button type="submit" variant="primary" size="lg" block loading={submitting} className="sp-signin__submit">
            {submitLabel}
          </Button>
        </Form>
        {footer ? <div className="sp-signin__footer">{footer}</div> : null}
      </Card>
    </div>
  );
}
