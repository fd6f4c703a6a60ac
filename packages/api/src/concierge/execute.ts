// Runs a concierge set-up: the pure plan (packages/concierge) written in ONE platform transaction,
// side effects queued as jobs in that same transaction, idempotent under the client's key.
// Why each choice: docs/decisions/0008-concierge-provisioning.md.
import { createHash, randomUUID } from "node:crypto";
import { type ProvisioningInput, planProvisioning, STEP_LABELS, type StepId } from "@servicepro/concierge";
import type { Audit, Prisma } from "@servicepro/db";
import { AppError, fieldErrors } from "@servicepro/errors";
import { getPack } from "@servicepro/industry-packs";
import type { ProvisioningJobs } from "@servicepro/provisioning";
import { newOnboardingToken } from "@servicepro/provisioning";
import type { Logger } from "../context.ts";
import type { RefusalDetail } from "../trpc.ts";
import { clashedField, findClashes } from "./clashes.ts";
import {
  type OnboardingDelivery,
  type OnboardingDeliveryConfig,
  planOnboardingDelivery,
} from "./onboarding-delivery.ts";
import { runStep } from "./steps.ts";

export const PROVISION_PURPOSE = "admin.concierge.provision";

export type PlatformRunner = { run<T>(fn: (tx: Prisma.TransactionClient, audit: Audit) => Promise<T>): Promise<T> };

export type ProvisionDeps = {
  platform: (purpose: string) => PlatformRunner;
  jobs: ProvisioningJobs;
  now: () => Date;
  publicBaseUrl: string;
  /** The platform owner asking: only they can replay their own key. */
  actorUserId: string;
  requestId: string;
  logger: Logger;
  /** What the onboarding-notice worker can really send with (the answer says which channels go). */
  onboardingDelivery: OnboardingDeliveryConfig;
};

/** The answer to a set-up, stored under the idempotency key and given again to every retry. */
export type ProvisionResult = {
  tenantId: string;
  slug: string;
  businessName: string;
  ownerEmail: string;
  /** The new owner's one-time link: shown to the platform owner (and sent, if asked); null after it was used. */
  onboardingLink: string | null;
  onboardingExpiresAt: string;
  created: { services: number; addOns: number; faqs: number; phoneNumber: string | null; websiteDraft: boolean };
  numberSetup: "queued" | "none";
  onboardingNotice: "queued" | "none";
  /** Per channel: whether the link really goes out that way, or why not. */
  onboarding: OnboardingDelivery;
  warnings: string[];
};

export type ProvisionRequest = ProvisioningInput & { idempotencyKey: string };

/** Test seam, never reachable from the procedure's input: fail right after this step ran. */
export type ProvisionHooks = { failAfterStep?: StepId };

/** SHA-256 of the normalised request with sorted keys: the same set-up always hashes the same. */
export function requestHashOf(input: ProvisioningInput): string {
  return createHash("sha256").update(canonicalJson(input)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

class StepFailure extends Error {
  override name = "StepFailure";
  readonly step: StepId;
  constructor(step: StepId, cause: unknown) {
    super(`provisioning step ${step} failed`, { cause });
    this.step = step;
  }
}

export async function provisionBusiness(
  deps: ProvisionDeps,
  request: ProvisionRequest,
  hooks: ProvisionHooks = {},
): Promise<ProvisionResult> {
  const { idempotencyKey, ...input } = request;
  const pack = getPack(input.packId);
  // The input schema already refuses unknown packs; this guards callers that skip it.
  if (!pack) throw fieldErrors([{ path: ["packId"], message: `There is no industry pack "${input.packId}".` }]);
  const requestHash = requestHashOf(input);
  const { token, tokenHash } = newOnboardingToken();
  const plan = planProvisioning(input, pack, {
    now: deps.now(),
    publicBaseUrl: deps.publicBaseUrl,
    token,
    tokenHash,
    newId: () => randomUUID(),
  });

  try {
    return await deps.platform(PROVISION_PURPOSE).run(async (tx, audit) => {
      // First statement: claim the key. A concurrent request with the same key blocks here on the
      // primary key until this transaction ends, then finds the committed row (or, after a
      // rollback, claims the key itself).
      const claimed = await tx.$executeRaw`
        INSERT INTO provisioning_requests (idempotency_key, actor_user_id, request_hash, target_tenant_id, result)
        VALUES (${idempotencyKey}::uuid, ${deps.actorUserId}::uuid, ${requestHash}, ${plan.tenantId}, '{"status":"in_progress"}'::jsonb)
        ON CONFLICT (idempotency_key) DO NOTHING`;
      if (claimed === 0) {
        const first = await replay(tx, { idempotencyKey, requestHash, actorUserId: deps.actorUserId });
        // Answers stored before `onboarding` existed: said from today's configuration.
        return first.onboarding ? first : { ...first, onboarding: deliveryFor(input, deps) };
      }

      const clashes = await findClashes(tx, input);
      if (clashes.length > 0) throw fieldErrors(clashes);

      for (const step of plan.steps) {
        try {
          await runStep(tx, audit, deps.jobs, step);
        } catch (error) {
          throw new StepFailure(step.id, error);
        }
        if (hooks.failAfterStep === step.id)
          throw new StepFailure(step.id, new Error(`injected failure after ${step.id} (test hook)`));
      }

      const result: ProvisionResult = {
        tenantId: plan.tenantId,
        slug: plan.slug,
        businessName: input.businessName,
        ownerEmail: input.owner.email,
        onboardingLink: plan.onboardingLink,
        onboardingExpiresAt: plan.onboardingExpiresAt.toISOString(),
        created: { ...plan.counts, phoneNumber: input.phoneNumber, websiteDraft: input.websiteStarter },
        numberSetup: input.phoneNumber ? "queued" : "none",
        onboardingNotice: input.sendOnboarding ? "queued" : "none",
        onboarding: deliveryFor(input, deps),
        warnings: plan.warnings,
      };
      await tx.provisioningRequest.update({ where: { idempotencyKey }, data: { result } });
      return result;
    });
  } catch (error) {
    throw await explainFailure(deps, input, error);
  }
}

const deliveryFor = (input: ProvisioningInput, deps: ProvisionDeps): OnboardingDelivery =>
  planOnboardingDelivery({ send: input.sendOnboarding, ownerPhone: input.owner.phone }, deps.onboardingDelivery);

async function replay(
  tx: Prisma.TransactionClient,
  key: { idempotencyKey: string; requestHash: string; actorUserId: string },
): Promise<ProvisionResult> {
  const first = await tx.provisioningRequest.findUniqueOrThrow({ where: { idempotencyKey: key.idempotencyKey } });
  if (first.requestHash !== key.requestHash || first.actorUserId !== key.actorUserId) {
    throw new AppError(
      "CONFLICT",
      `This idempotency key was already used for a different set-up (${first.tenantId}). Start a new set-up to get a new key; only retries of the same set-up reuse one.`,
    );
  }
  return first.result as ProvisionResult;
}

/** Turns what went wrong into an answer the owner can act on. Nothing was written in any case. */
async function explainFailure(deps: ProvisionDeps, input: ProvisioningInput, error: unknown): Promise<unknown> {
  if (error instanceof AppError) return error;
  const step = error instanceof StepFailure ? error.step : null;
  const cause = error instanceof StepFailure ? error.cause : error;
  // Lost a race with another set-up for the same slug, number or email: the index decided.
  const field = clashedField(cause);
  if (field) {
    const issues = await deps.platform("admin.concierge.provision.clash").run((tx) => findClashes(tx, input, [field]));
    if (issues.length > 0) return fieldErrors(issues);
  }
  if (!step) return error; // not a step (e.g. the database is down): the standard handling applies
  deps.logger.error({ err: cause, step, slug: input.slug }, "concierge set-up failed; rolled back");
  return new AppError<RefusalDetail>(
    "INTERNAL",
    `Setting up ${input.businessName} stopped while ${STEP_LABELS[step]}, so nothing was saved: no business, account, number or message. Check the details and submit again (it is safe to retry); if it fails at the same step, contact support with reference ${deps.requestId}.`,
    // The cause keeps "database unavailable" detectable (503) by the middleware.
    { reason: { code: "PROVISIONING_FAILED", step }, cause },
  );
}
