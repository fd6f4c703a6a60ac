// @servicepro/testkit: shared test tooling (the runner's summary; fakes for Twilio and OpenAI arrive with those phases).
export { summarize, type VitestJsonReport } from "./summary.ts";
