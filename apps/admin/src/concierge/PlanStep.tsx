// Step 4: the plan, and what it includes (from @servicepro/features, the same map the server
// enforces). Internal (at-cost) businesses carry a note so nobody later wonders why.
import { FEATURE_KEYS, FEATURE_LABELS, TIER_FEATURES } from "@servicepro/features";
import { FormSelectField, FormTextAreaField } from "@servicepro/ui";
import { INTERNAL_NOTE_MAX } from "@servicepro/validators";
import { PLAN_TIERS, planTierBadgeLabel } from "@servicepro/web";
import type { StepProps } from "./step-props.ts";

const PLAN_OPTIONS = PLAN_TIERS.map((tier) => ({ value: tier, label: planTierBadgeLabel(tier) }));

export function PlanStep({ values }: StepProps) {
  const features = TIER_FEATURES[values.planTier];
  return (
    <div className="wizard-fields">
      <FormSelectField
        label="Plan"
        name="planTier"
        options={PLAN_OPTIONS}
        hint={
          values.planTier === "internal"
            ? "Family, friends and demo accounts: every feature on, at cost, no upgrade prompts."
            : "The business starts trialing on this plan; change it any time from the tenants list."
        }
      />
      {values.planTier === "internal" ? (
        <FormTextAreaField
          label="Internal note"
          name="internalNote"
          rows={2}
          maxLength={INTERNAL_NOTE_MAX}
          showCount
          hint="Whose account this is and why it is at cost. Only the platform console shows it."
        />
      ) : null}
      <section className="wizard-plan" aria-label={`What the ${planTierBadgeLabel(values.planTier)} plan includes`}>
        <h3 className="wizard-subtitle">What {planTierBadgeLabel(values.planTier)} includes</h3>
        <ul className="wizard-plan__list">
          {FEATURE_KEYS.map((key) => (
            <li key={key} data-included={features[key] || undefined}>
              <span aria-hidden="true">{features[key] ? "✓" : "—"}</span> {FEATURE_LABELS[key]}
              <span className="sp-visually-hidden">{features[key] ? ": included" : ": not included"}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
