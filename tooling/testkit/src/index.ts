// @servicepro/testkit: shared test tooling (the runner's summary; fakes for Twilio and OpenAI arrive with those phases).

export {
  FAKE_ACCOUNT_SID,
  FAKE_AUTH_TOKEN,
  type FakeFailure,
  type FakeIncomingNumber,
  type FakeMessage,
  type FakeTwilio,
  startFakeTwilio,
} from "./fake-twilio.ts";
export { type JobQueueSql, type JobRecord, type JobState, type SettledJobsOptions, settledJobs } from "./job-queue.ts";
export { summarize, type VitestJsonReport } from "./summary.ts";
export { signedTwilioRequest } from "./twilio-webhooks.ts";
