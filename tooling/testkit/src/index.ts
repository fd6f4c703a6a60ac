// @servicepro/testkit: shared test tooling (the runner's summary; fakes for Twilio and OpenAI arrive with those phases).
export { summarize, type VitestJsonReport } from "./summary.ts";
export { startFakeTwilio, FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, type FakeTwilio, type FakeMessage, type FakeFailure, type FakeIncomingNumber } from "./fake-twilio.ts";
export { signedTwilioRequest } from "./twilio-webhooks.ts";
