// The concierge wizard: from "new business" to a working tenant in one screen. One idempotency
// key per wizard run, so a double click or a retried Create makes one business, never two.
import "./concierge.css";
import { Alert, apiErrorCode, apiErrorMessage, Button, Card, PageHeader } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { BusinessStep, OwnerStep } from "./BusinessSteps.tsx";
import { PackStep } from "./PackStep.tsx";
import { PhoneStep } from "./PhoneStep.tsx";
import { PlanStep } from "./PlanStep.tsx";
import { ReviewStep } from "./ReviewStep.tsx";
import { OnboardingStep, WebsiteStep } from "./StarterSteps.tsx";
import { SuccessScreen } from "./SuccessScreen.tsx";
import type { StepProps } from "./step-props.ts";
import {
  checkStep,
  initialValues,
  issuesByPath,
  STEP_IDS,
  STEP_TITLES,
  type StepId,
  stepOfField,
  toRequest,
  type WizardValues,
} from "./wizard-state.ts";

const STEP_VIEWS: Record<Exclude<StepId, "review">, (props: StepProps) => React.ReactNode> = {
  business: BusinessStep,
  owner: OwnerStep,
  pack: PackStep,
  plan: PlanStep,
  phone: PhoneStep,
  website: WebsiteStep,
  onboarding: OnboardingStep,
};

export function NewBusinessPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<WizardValues>(initialValues);
  const [stepIndex, setStepIndex] = useState(0);
  const [furthest, setFurthest] = useState(0);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  // Once per wizard run: retries and double clicks reuse it, "Set up another" gets a new one.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const step = STEP_IDS[stepIndex]!;

  const provision = useMutation(
    trpc.admin.concierge.provision.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.admin.tenants.list.queryFilter()),
      onError: (error) => {
        const issues = issuesByPath(error);
        const first = Object.keys(issues)[0];
        if (first === undefined) return;
        // Take the owner to the step that has the field; the message shows next to it.
        setServerErrors(issues);
        goTo(stepOfField(first));
      },
    }),
  );

  // Move focus to the new step's heading so keyboard and screen-reader users start there.
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
    moved.current = true;
  }, [stepIndex]);

  const goTo = (target: StepId) => {
    const index = STEP_IDS.indexOf(target);
    setStepIndex(index);
    setFurthest((f) => Math.max(f, index));
  };

  const set = (patch: Partial<WizardValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setLocalErrors({});
    // An edit on this step answers the server's complaints about it.
    setServerErrors((errors) =>
      Object.fromEntries(Object.entries(errors).filter(([path]) => stepOfField(path) !== step)),
    );
  };

  const next = () => {
    const errors = checkStep(step, values);
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) goTo(STEP_IDS[stepIndex + 1]!);
  };

  const create = () => {
    if (provision.isPending) return;
    setServerErrors({});
    provision.mutate({ idempotencyKey, ...toRequest(values) });
  };

  const startAnother = () => {
    provision.reset();
    setValues(initialValues());
    setIdempotencyKey(crypto.randomUUID());
    setServerErrors({});
    setLocalErrors({});
    setStepIndex(0);
    setFurthest(0);
  };

  if (provision.isSuccess) {
    return (
      <div className="sp-stack">
        <title>New business · Platform console · ServicePro</title>
        <PageHeader
          eyebrow="Platform console"
          title="New business"
          description="Set up. Next: look around their dashboard as them, or send them on their way."
        />
        <SuccessScreen result={provision.data} onStartAnother={startAnother} />
      </div>
    );
  }

  const errors = { ...localErrors, ...serverErrors };
  const stepHasServerError = (id: StepId) => Object.keys(serverErrors).some((path) => stepOfField(path) === id);
  const failedWithoutFields = provision.isError && Object.keys(issuesByPath(provision.error)).length === 0;
  const View = step === "review" ? null : STEP_VIEWS[step];

  return (
    <div className="sp-stack">
      <title>{`New business: ${STEP_TITLES[step]} · Platform console · ServicePro`}</title>
      <PageHeader
        eyebrow="Platform console"
        title="New business"
        description="The concierge set-up: everything a business needs, created in one go when you press Create."
      />
      <div className="wizard">
        <nav aria-label="Set-up steps" className="wizard-nav">
          <ol>
            {STEP_IDS.map((id, index) => (
              <li key={id}>
                <button
                  type="button"
                  className="wizard-nav__step"
                  aria-current={index === stepIndex ? "step" : undefined}
                  data-error={stepHasServerError(id) || undefined}
                  disabled={index > furthest || provision.isPending}
                  onClick={() => setStepIndex(index)}
                >
                  <span className="wizard-nav__number" aria-hidden="true">
                    {index + 1}
                  </span>
                  {STEP_TITLES[id]}
                  {stepHasServerError(id) ? <span className="sp-visually-hidden"> (needs a fix)</span> : null}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <Card className="wizard-card">
          <h2 className="wizard-title" ref={headingRef} tabIndex={-1}>
            <span className="sp-muted">
              Step {stepIndex + 1} of {STEP_IDS.length}:
            </span>{" "}
            {STEP_TITLES[step]}
          </h2>
          {View ? (
            <View values={values} set={set} errors={errors} />
          ) : (
            <ReviewStep values={values} fix={(issues, target) => (setServerErrors(issues), goTo(target))} />
          )}
          {failedWithoutFields && step === "review" ? (
            <CreateFailed error={provision.error} onStartOver={startAnother} />
          ) : null}
          <div className="wizard-actions">
            {stepIndex > 0 ? (
              <Button onClick={() => setStepIndex(stepIndex - 1)} disabled={provision.isPending}>
                Back
              </Button>
            ) : null}
            {step === "review" ? (
              <Button variant="primary" onClick={create} loading={provision.isPending} disabled={provision.isPending}>
                Create business
              </Button>
            ) : (
              <Button variant="primary" onClick={next}>
                Next: {STEP_TITLES[STEP_IDS[stepIndex + 1]!]}
              </Button>
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}

/** A failure that is not about a field: what failed, and what to do about it. */
function CreateFailed({ error, onStartOver }: { error: unknown; onStartOver: () => void }) {
  const code = apiErrorCode(error);
  // CONFLICT: this run's key already made a different business; only a new run can continue.
  if (code === "CONFLICT") {
    return (
      <Alert
        tone="error"
        title="This set-up was already used"
        actions={<Button onClick={onStartOver}>Start a new set-up</Button>}
      >
        {apiErrorMessage(error)}
      </Alert>
    );
  }
  return (
    <Alert tone="error" title="The business wasn't created">
      {apiErrorMessage(error)} Nothing was saved. Press Create business again when ready: a retry can't create the
      business twice.
      {code === "FORBIDDEN" || code === "UNAUTHORIZED"
        ? " If you were signed out, sign in again in another tab first."
        : ""}
    </Alert>
  );
}
