// @servicepro/concierge: setting up a new business from an industry pack, planned as pure data.
// The executor that writes the plan in one transaction lives in packages/api (src/concierge).

export {
  type AddOnRow,
  addOnRow,
  type FaqRow,
  faqRow,
  fillBusinessName,
  type ServiceRow,
  serviceRow,
} from "./catalog.ts";
export {
  INTERNAL_NOTE_MAX,
  type ProvisioningInput,
  type ProvisioningInputRaw,
  provisioningInputSchema,
  provisioningInputShape,
  provisionRequestSchema,
  refineProvisioningInput,
} from "./input.ts";
export {
  ONBOARDING_TOKEN_TTL_MS,
  type OnboardingNoticePlan,
  onboardingLink,
  type PlanOptions,
  type ProvisionedAuditDetails,
  type ProvisioningPlan,
  type ProvisioningStep,
  planProvisioning,
  STEP_IDS,
  STEP_LABELS,
  type StepId,
  UNUSABLE_PASSWORD_HASH,
} from "./plan.ts";
export { type PlanGateIssue, planGateIssues } from "./plan-gates.ts";
export { type PlanSummary, summarizePlan } from "./summary.ts";
