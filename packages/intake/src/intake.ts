/**
 * The durable Twilio intake, assembled: the stager (group commit) the webhook routes acknowledge
 * through, and this process's worker, woken by every commit the stager makes.
 */
import type { IntakeDeps } from "@servicepro/sms";
import type { StagedEvent } from "./events.ts";
import { createStager, type StagerOptions } from "./stager.ts";
import { type IntakeLogger, type IntakeWorkerOptions, startIntakeWorker } from "./worker.ts";

export type TwilioIntake = {
  /** Resolves once the event is committed in the staging table: only then may the webhook be acknowledged. */
  stage(event: StagedEvent): Promise<void>;
  /** Waits for staging writes in flight, then applies everything claimable (tests, tools). */
  drain(): Promise<void>;
  stop(): Promise<void>;
};

export function startTwilioIntake(
  deps: IntakeDeps,
  logger: IntakeLogger,
  options: IntakeWorkerOptions & { stager?: Omit<StagerOptions, "onStaged"> } = {},
): TwilioIntake {
  const worker = startIntakeWorker(deps, logger, options);
  const stager = createStager(deps.db, { ...options.stager, onStaged: () => worker.wake() });
  return {
    stage: (event) => stager.stage(event),
    async drain() {
      await stager.idle();
      await worker.drain();
    },
    async stop() {
      await stager.idle();
      await worker.stop();
    },
  };
}
