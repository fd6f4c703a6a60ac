// Step 8: what will be created, from the server's own plan (admin.concierge.preview), with its
// warnings. Nothing is written until Create.

import { IVR_MODE_LABELS } from "@servicepro/telephony/constants";
import { Alert, apiIssuesByPath, Button, DescriptionList, LoadErrorAlert, Spinner } from "@servicepro/ui";
import { planTierBadgeLabel, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { plural } from "../packs/format.ts";
import { describeOnboardingDelivery } from "./onboarding-delivery.ts";
import { STEP_TITLES, stepOfField, toRequest, type WizardValues } from "./wizard-state.ts";

/** `fix`: go to the step that has the field, with the server's messages shown next to the fields. */
export function ReviewStep({ values, fix }: { values: WizardValues; fix: (error: unknown, path: string) => void }) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.admin.concierge.preview.queryOptions(toRequest(values)));

  if (preview.isPending) {
    return (
      <div className="sp-center admin-loading">
        <Spinner label="Checking the set-up…" showLabel />
      </div>
    );
  }
  if (preview.isError) {
    const byPath = apiIssuesByPath(preview.error);
    const issues = Object.entries(byPath);
    if (issues.length === 0)
      return (
        <LoadErrorAlert
          title="The set-up couldn't be checked"
          error={preview.error}
          onRetry={() => void preview.refetch()}
          retrying={preview.isFetching}
        />
      );
    // Field problems the server found (a slug or number just taken, say): each with a way back to its step.
    return (
      <Alert tone="error" title="Fix these before creating the business">
        <ul className="wizard-issues">
          {issues.map(([path, message]) => (
            <li key={path}>
              {message}{" "}
              <Button size="sm" variant="ghost" onClick={() => fix(preview.error, path)}>
                Go to {STEP_TITLES[stepOfField(path)]}
              </Button>
            </li>
          ))}
        </ul>
      </Alert>
    );
  }

  const plan = preview.data;
  return (
    <div className="sp-stack">
      {plan.warnings.map((warning) => (
        <Alert key={warning} tone="warning">
          {warning}
        </Alert>
      ))}
      <DescriptionList
        items={[
          {
            id: "business",
            term: "Business",
            detail: `${plan.business.name} · /${plan.business.slug} · ${plan.business.timezone}`,
          },
          { id: "owner", term: "Owner", detail: `${plan.owner.name} · ${plan.owner.email} · ${plan.owner.phone}` },
          { id: "plan", term: "Plan", detail: `${planTierBadgeLabel(plan.business.planTier)}, trialing` },
          {
            id: "pack",
            term: "Industry pack",
            detail: `${plan.pack.name} ${plan.pack.version}: ${plural(plan.counts.services, "service", "services")}, ${plural(plan.counts.addOns, "add-on", "add-ons")}, ${plural(plan.counts.faqs, "FAQ", "FAQs")}`,
          },
          {
            id: "phone",
            term: "Phone number",
            detail: plan.phone
              ? `${plan.phone.phoneNumber}, answering with ${IVR_MODE_LABELS[plan.phone.ivrMode]}`
              : "None yet",
          },
          { id: "website", term: "Website", detail: plan.websiteDraft ? "Starter site saved as a draft" : "No draft" },
          {
            id: "onboarding",
            term: "Onboarding link",
            detail: describeOnboardingDelivery(plan.onboarding.delivery, "review"),
          },
        ]}
      />
      <details className="wizard-steps">
        <summary>Every step, in order ({plan.steps.length})</summary>
        <ol>
          {plan.steps.map((step) => (
            <li key={step.id}>
              <strong>{step.label}</strong>: {step.detail}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
