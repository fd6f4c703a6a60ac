// @servicepro/provisioning: what happens after a concierge set-up commits. Where new numbers come
// from (Twilio's inventory or the platform's pool), the job that buys and configures a number, and
// the job that sends the owner's one-time link by text and email (minted when it is sent: jobs carry
// ids only).

export {
  createProvisioningJobs,
  type NoticeOutcome,
  onboardingTexts,
  type ProvisioningWorkerDeps,
  runNumberSetup,
  sendOnboardingNotice,
  startProvisioningWorkers,
} from "./jobs.ts";
export {
  createPoolNumberProvider,
  createTwilioNumberProvider,
  type NumberSetupResult,
  setUpTwilioNumber,
} from "./numbers.ts";
export { newOnboardingToken, onboardingTokenHash } from "./onboarding-token.ts";
export type * from "./types.ts";
