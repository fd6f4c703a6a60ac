/**
 * @servicepro/agent/testing: a fake OpenAI server on 127.0.0.1 and fake models for it (an evil one
 * that obeys any instruction it reads, a competent one, a fixed reply). For tests, the eval and the
 * latency benchmark; never imported by the running app.
 */
export { competentModelHandler, evilModelHandler, fixedReplyHandler, readTargets } from "./fake-models.ts";
export { type FakeAnswer, type FakeCall, type FakeHandler, type FakeOpenAI, startFakeOpenAI } from "./fake-openai.ts";
