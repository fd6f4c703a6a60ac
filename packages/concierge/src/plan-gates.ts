// What a set-up asks of the plan it chooses: a number of its own (dedicatedNumber) and, when the
// owner picks it, the AI receptionist (aiVoiceAgent). The preview shows these as warnings; the
// provision procedure refuses them (403, on the field that asks), so the wizard can say so on the
// step that has the field before anything is written.
import { type FeatureKey, hasFeature, lowestTierWith } from "@servicepro/features";
import { PLAN_TIER_LABELS, type PlanTier } from "@servicepro/tenancy/constants";
import type { ProvisioningInput } from "./input.ts";

export type PlanGateIssue = {
  feature: FeatureKey;
  /** The input field that asks for the feature (the wizard step that has it shows the message). */
  field: "phoneNumber" | "ivrMode";
  message: string;
};

type GateInput = Pick<ProvisioningInput, "planTier" | "phoneNumber"> & { ivrMode?: string | undefined };

/** The features `input` asks for that its plan does not include, each with the field that asks. */
export function planGateIssues(input: GateInput): PlanGateIssue[] {
  const plan = PLAN_TIER_LABELS[input.planTier as PlanTier] ?? input.planTier;
  const issues: PlanGateIssue[] = [];
  if (input.phoneNumber && !hasFeature(input, "dedicatedNumber")) {
    issues.push({
      feature: "dedicatedNumber",
      field: "phoneNumber",
      message: `The ${plan} plan has no phone number of its own: choose the ${PLAN_TIER_LABELS[lowestTierWith("dedicatedNumber")]} plan or higher, or set the business up without a number.`,
    });
  }
  if (input.phoneNumber && input.ivrMode === "ai-voice" && !hasFeature(input, "aiVoiceAgent")) {
    issues.push({
      feature: "aiVoiceAgent",
      field: "ivrMode",
      message: `The ${plan} plan has no AI receptionist: choose the ${PLAN_TIER_LABELS[lowestTierWith("aiVoiceAgent")]} plan, or another way for the number to answer.`,
    });
  }
  return issues;
}
