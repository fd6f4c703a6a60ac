// @servicepro/concierge: setting up a new business from an industry pack, planned as pure data.
// The executor that writes the plan in one transaction lives in packages/api (src/concierge).
export {
  provisioningInputSchema,
  provisionRequestSchema,
  provisioningInputShape,
  refineProvisioningInput,
  slugSchema,
  timeZoneSchema,
  canonicalTimeZone,
  INTERNAL_NOTE_MAX,
  type ProvisioningInput,
  type ProvisioningInputRaw,
} from "./input.ts";
export {
  planProvisioning,
  onboardingLink,
  STEP_LABELS,
  STEP_IDS,
  ONBOARDING_TOKEN_TTL_MS,
  UNUSABLE_PASSWORD_HASH,
  type ProvisioningPlan,
  type ProvisioningStep,
  type StepId,
  type PlanOptions,
  type OnboardingNoticePlan,
  type ProvisionedAuditDetails,
} from "./plan.ts";
export { serviceRow, addOnRow, faqRow, fillBusinessName, type ServiceRow, type AddOnRow, type FaqRow } from "./catalog.ts";
export { summarizePlan, type PlanSummary } from "./summary.ts";
