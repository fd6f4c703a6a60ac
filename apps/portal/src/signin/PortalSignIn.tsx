// A customer's sign-in to one business's portal, phone first: their number, then the 6-digit code
// texted to it (or a link by text or email instead). The answer to "send me a code" is the same
// whether or not the number is a customer's, so this screen repeats the server's sentence as is.
import "@servicepro/ui/css/SignInForm.css";
import "./signin.css";
import {
  Alert,
  apiErrorMessage,
  applyServerErrors,
  Button,
  Card,
  Form,
  FormCheckboxField,
  FormTextField,
  useZodForm,
} from "@servicepro/ui";
import { PORTAL_CODE, portalPhoneSchema, portalVerifyCodeInput } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { z } from "zod";
import { portalRefusal } from "../customer/portal-errors.ts";
import { countdown, phoneLabel, waitWords } from "../customer/portal-format.ts";
import { useCountdown } from "./use-countdown.ts";

const phoneForm = z.object({ phone: portalPhoneSchema });
const codeForm = portalVerifyCodeInput.pick({ code: true, remember: true });

type Channel = "sms" | "email";
type Step =
  | { kind: "phone" }
  /** A code was asked for `phone` (E.164); `message` is the server's answer. */
  | { kind: "code"; phone: string; message: string }
  | { kind: "link"; phone: string; channel: Channel; message: string };

type Problem = { tone: "error" | "warning"; message: string };

const triesLeftWords = (triesLeft: number): string =>
  triesLeft === 0
    ? "That code isn't right, and that was the last try. Ask for a new code."
    : `That code isn't right. ${triesLeft} ${triesLeft === 1 ? "try" : "tries"} left.`;

export function PortalSignIn({
  slug,
  businessName,
  notice,
  onSignedIn,
}: {
  slug: string;
  businessName: string;
  /** Shown above the form: why sign-in is asked here (e.g. a link opened in another browser). */
  notice?: ReactNode;
  onSignedIn: () => void;
}) {
  const trpc = useTRPC();
  const [step, setStep] = useState<Step>({ kind: "phone" });
  const [problem, setProblem] = useState<Problem | null>(null);
  /** When another code or link may be asked for (epoch ms). */
  const [resendAt, setResendAt] = useState<number | null>(null);
  const waiting = useCountdown(resendAt);

  const requestCode = useMutation(trpc.portal.auth.requestCode.mutationOptions());
  const requestLink = useMutation(trpc.portal.auth.requestLink.mutationOptions());
  const verify = useMutation(trpc.portal.auth.verifyCode.mutationOptions());

  const phone = useZodForm(phoneForm, { defaultValues: { phone: "" } });
  const code = useZodForm(codeForm, { defaultValues: { code: "", remember: false } });

  /** A refusal that is the same for every request: a rate limit sets the wait, anything else is said. */
  const showError = (error: unknown, fallbackToPhoneField: boolean) => {
    const refusal = portalRefusal(error);
    if (refusal?.code === "RATE_LIMITED") {
      setResendAt(Date.now() + refusal.retryAfterSeconds * 1000);
      setProblem({
        tone: "warning",
        message: `${apiErrorMessage(error)} You can try again ${waitWords(refusal.retryAfterSeconds)}.`,
      });
      return;
    }
    const message = fallbackToPhoneField ? applyServerErrors(phone.setError, error, ["phone"]) : apiErrorMessage(error);
    setProblem(message ? { tone: "error", message } : null);
  };

  /** Back to the phone number, with nothing left of the last attempt's problem. */
  const startOver = () => {
    setProblem(null);
    setStep({ kind: "phone" });
  };

  const sendCode = async (to: string) => {
    setProblem(null);
    try {
      const answer = await requestCode.mutateAsync({ slug, phone: to });
      setResendAt(Date.now() + answer.resendAfterSeconds * 1000);
      code.reset({ code: "", remember: code.getValues("remember") });
      setStep({ kind: "code", phone: to, message: answer.message });
    } catch (error) {
      showError(error, step.kind === "phone");
    }
  };

  const sendLink = async (to: string, channel: Channel) => {
    setProblem(null);
    try {
      const answer = await requestLink.mutateAsync({ slug, phone: to, channel });
      setResendAt(Date.now() + answer.resendAfterSeconds * 1000);
      setStep({ kind: "link", phone: to, channel, message: answer.message });
    } catch (error) {
      showError(error, step.kind === "phone");
    }
  };

  const checkCode = async (values: z.output<typeof codeForm>, to: string) => {
    setProblem(null);
    try {
      await verify.mutateAsync({ slug, phone: to, code: values.code, remember: values.remember });
      onSignedIn();
    } catch (error) {
      const refusal = portalRefusal(error);
      if (refusal?.code === "CODE_INVALID") {
        if (refusal.triesLeft === 0) {
          code.setValue("code", "");
          setProblem({ tone: "error", message: triesLeftWords(0) });
        } else
          code.setError("code", { type: "server", message: triesLeftWords(refusal.triesLeft) }, { shouldFocus: true });
        return;
      }
      if (refusal?.code === "CODE_EXPIRED") {
        code.setValue("code", "");
        setProblem({ tone: "error", message: `${apiErrorMessage(error)} Ask for a new code below.` });
        return;
      }
      if (refusal?.code === "RATE_LIMITED") {
        showError(error, false);
        return;
      }
      const message = applyServerErrors(code.setError, error, ["code"]);
      if (message) setProblem({ tone: "error", message });
    }
  };

  // Moving to the code step puts the cursor in the code field (the phone's keyboard stays up).
  useEffect(() => {
    if (step.kind === "code") code.setFocus("code");
  }, [step, code]);

  const problemAlert = problem ? (
    <Alert tone={problem.tone} role="alert">
      {problem.message}
    </Alert>
  ) : null;
  const resendLabel = (what: string) => (waiting > 0 ? `${what} in ${countdown(waiting)}` : what);

  return (
    <div className="sp-signin">
      <Card className="sp-signin__card">
        <div className="sp-signin__header">
          <h1 className="sp-signin__title">Sign in to {businessName}</h1>
          <p className="sp-signin__subtitle">
            See your appointments, book again, and keep your details up to date with {businessName}.
          </p>
        </div>
        {notice}

        {step.kind === "phone" ? (
          <Form
            form={phone}
            className="sp-signin__form"
            aria-label="Sign in with your phone"
            onSubmit={(values) => sendCode(values.phone)}
          >
            <FormTextField
              name="phone"
              label="Mobile number"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              hint={`The number you gave ${businessName}. We'll text you a ${PORTAL_CODE.digits}-digit code.`}
            />
            {problemAlert}
            <Button type="submit" variant="primary" size="lg" block loading={requestCode.isPending}>
              Text me a code
            </Button>
            <div className="portal-signin__alternatives">
              <Button
                type="button"
                variant="ghost"
                loading={requestLink.isPending && requestLink.variables?.channel === "sms"}
                onClick={() => void phone.handleSubmit((values) => sendLink(values.phone, "sms"))()}
              >
                Text me a link instead
              </Button>
              <Button
                type="button"
                variant="ghost"
                loading={requestLink.isPending && requestLink.variables?.channel === "email"}
                onClick={() => void phone.handleSubmit((values) => sendLink(values.phone, "email"))()}
              >
                Email me a link instead
              </Button>
            </div>
          </Form>
        ) : step.kind === "code" ? (
          <Form
            form={code}
            className="sp-signin__form"
            aria-label="Enter your code"
            onSubmit={(values) => checkCode(values, step.phone)}
          >
            <Alert tone="info">{step.message}</Alert>
            <FormTextField
              name="code"
              label={`${PORTAL_CODE.digits}-digit code`}
              autoComplete="one-time-code"
              inputMode="numeric"
              hint={`Sent to ${phoneLabel(step.phone)}. It works for ${PORTAL_CODE.ttlMinutes} minutes.`}
            />
            <FormCheckboxField
              name="remember"
              label="Remember this device"
              hint="Stay signed in on this phone or computer. Leave it off on a shared device."
            />
            {problemAlert}
            <Button type="submit" variant="primary" size="lg" block loading={verify.isPending}>
              Sign in
            </Button>
            <div className="portal-signin__alternatives">
              <Button
                type="button"
                variant="secondary"
                disabled={waiting > 0}
                loading={requestCode.isPending}
                onClick={() => void sendCode(step.phone)}
              >
                {resendLabel("Send a new code")}
              </Button>
              <Button type="button" variant="ghost" onClick={startOver}>
                Use a different number
              </Button>
            </div>
          </Form>
        ) : (
          <div className="sp-signin__form">
            <Alert tone="info" title={step.channel === "sms" ? "Check your texts" : "Check your email"}>
              <p>{step.message}</p>
              <p>Open the link on this device, in this browser: it signs you in here.</p>
            </Alert>
            {problemAlert}
            <div className="portal-signin__alternatives">
              <Button
                type="button"
                variant="secondary"
                disabled={waiting > 0}
                loading={requestLink.isPending}
                onClick={() => void sendLink(step.phone, step.channel)}
              >
                {resendLabel("Send another link")}
              </Button>
              <Button type="button" variant="ghost" disabled={waiting > 0} onClick={() => void sendCode(step.phone)}>
                Text me a code instead
              </Button>
              <Button type="button" variant="ghost" onClick={startOver}>
                Use a different number
              </Button>
            </div>
          </div>
        )}
      </Card>
    </div>
  );
}
