// @servicepro/provisioning: what happens after a concierge set-up commits. Where new numbers come
// from (Twilio's inventory or the platform's pool), the job that buys and configures a number, and
// the job that sends the owner's one-time link by text and email.

export {
  createProvisioningJobs,
  onboardingTexts,
  type ProvisioningWorkerDeps,
  startProvisioningWorkers,
} from "./jobs.ts";
export {
  createPoolNumberProvider,
  createTwilioNumberProvider,
  type NumberSetupResult,
  setUpTwilioNumber,
} from "./numbers.ts";
export type * from "./types.ts";
