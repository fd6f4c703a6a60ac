// The concierge wizard: from "new business" to a working tenant in one screen. One idempotency
// key per wizard run, so a double click or a retried Create makes one business, never two.
import "./concierge.css";
import {
  Alert,
  apiErrorCode,
  apiErrorMessage,
  apiIssuesByPath,
  applyServerErrors,
  Button,
  Card,
  PageHeader,
  useZodForm,
} from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { FormProvider } from "react-hook-form";
import { BusinessStep, OwnerStep } from "./BusinessSteps.tsx";
import { PackStep } from "./PackStep.tsx";
import { PhoneStep } from "./PhoneStep.tsx";
import { PlanStep } from "./PlanStep.tsx";
import { ReviewStep } from "./ReviewStep.tsx";
import { OnboardingStep, WebsiteStep } from "./StarterSteps.tsx";
import { SuccessScreen } from "./SuccessScreen.tsx";
import type { StepProps } from "./step-props.ts";
import {
  fieldOfPath,
  initialValues,
  STEP_FIELDS,
  STEP_IDS,
  STEP_TITLES,
  type StepId,
  stepOfField,
  toRequest,
  type WizardField,
  type WizardValues,
  wizardSchema,
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

const ALL_FIELDS = Object.values(STEP_FIELDS).flat();

export function NewBusinessPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(wizardSchema, { defaultValues: initialValues() });
  const [stepIndex, setStepIndex] = useState(0);
  const [furthest, setFurthest] = useState(0);
  const [leaving, setLeaving] = useState(false);
  // Once per wizard run: retries and double clicks reuse it, "Set up another" gets a new one.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const step = STEP_IDS[stepIndex]!;
  const values = form.watch() as WizardValues;
  const { errors: formErrors } = form.formState;
  const errors: StepProps["errors"] = Object.fromEntries(
    Object.entries(formErrors).map(([field, error]) => [field, error?.message]),
  );

  /** The server's field errors onto their fields, and the owner to the step of the first one. */
  const showServerErrors = (error: unknown, path?: string) => {
    const first = path ?? Object.keys(apiIssuesByPath(error))[0];
    applyServerErrors(form.setError, error, ALL_FIELDS, fieldOfPath);
    if (first !== undefined) goTo(stepOfField(first));
  };

  const provision = useMutation(
    trpc.admin.concierge.provision.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.admin.tenants.list.queryFilter()),
      onError: (error) => showServerErrors(error),
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
    for (const [field, value] of Object.entries(patch) as [WizardField, unknown][]) {
      // A field with an error is checked again at once, so the error goes as soon as it is fixed.
      form.setValue(field, value as never, { shouldDirty: true, shouldValidate: Boolean(formErrors[field]) });
    }
  };

  /** Leaves the step only when its fields pass the server's own rules (and the slug is free). */
  const next = async () => {
    if (leaving) return;
    setLeaving(true);
    try {
      if (!(await form.trigger(STEP_FIELDS[step], { shouldFocus: true }))) return;
      if (step === "business" && !(await slugIsFree(form.getValues("slug")))) return;
      goTo(STEP_IDS[stepIndex + 1]!);
    } finally {
      setLeaving(false);
    }
  };

  const slugIsFree = async (slug: string) => {
    let answer: { available: boolean; message: string | null };
    try {
      answer = await queryClient.fetchQuery({ ...trpc.admin.concierge.checkSlug.queryOptions({ slug }), staleTime: 0 });
    } catch {
      // The check could not be made (offline, say): the review asks the server again before Create.
      return true;
    }
    if (answer.available) return true;
    form.setError(
      "slug",
      { type: "server", message: answer.message ?? "That slug can't be used." },
      { shouldFocus: true },
    );
    return false;
  };

  const create = () => {
    if (provision.isPending) return;
    provision.mutate({ idempotencyKey, ...toRequest(form.getValues()) });
  };

  const startAnother = () => {
    provision.reset();
    form.reset(initialValues());
    setIdempotencyKey(crypto.randomUUID());
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

  const stepHasError = (id: StepId) => STEP_FIELDS[id].some((field) => errors[field]);
  const failedWithoutFields = provision.isError && Object.keys(apiIssuesByPath(provision.error)).length === 0;
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
                  data-error={stepHasError(id) || undefined}
                  disabled={index > furthest || provision.isPending}
                  onClick={() => setStepIndex(index)}
                >
                  <span className="wizard-nav__number" aria-hidden="true">
                    {index + 1}
                  </span>
                  {STEP_TITLES[id]}
                  {stepHasError(id) ? <span className="sp-visually-hidden"> (needs a fix)</span> : null}
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
          <FormProvider {...form}>
            {View ? (
              <View values={values} set={set} errors={errors} />
            ) : (
              <ReviewStep values={values} fix={showServerErrors} />
            )}
          </FormProvider>
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
              <Button variant="primary" onClick={() => void next()} loading={leaving}>
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
