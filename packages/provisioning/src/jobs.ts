/**
 * Side effects of setting up a business: queued inside the set-up transaction, carried out by
 * workers after it commits (a rollback queues nothing; a commit queues each exactly once).
 *
 * Jobs carry references only (docs/decisions/0013-no-secrets-in-the-queue.md): the queue's tables
 * are readable by the app role for every tenant and keep finished jobs until retention deletes
 * them. A number set-up names the business; an onboarding notice names an onboarding_notices row,
 * and its one-time link is minted when it is sent, so the raw link exists only in the message.
 */
import { randomUUID } from "node:crypto";
import { ONBOARDING_TOKEN_TTL_MS, onboardingLink } from "@servicepro/concierge";
import { type Database, JOB_QUEUES, type JobData, jobData, platformDb, queueJob, tenantDb } from "@servicepro/db";
import type { EmailSender } from "@servicepro/notifications";
import type { SmsSender, TwilioClient, WorkerLogger } from "@servicepro/sms";
import type { PgBoss, PrismaTransactionLike } from "pg-boss";
import { fromPrisma } from "pg-boss";
import { setUpTwilioNumber } from "./numbers.ts";
import { newOnboardingToken } from "./onboarding-token.ts";
import type { JobTx, OnboardingMessage, ProvisioningJobs } from "./types.ts";

const inTx = (tx: JobTx) => ({ db: fromPrisma(tx as unknown as PrismaTransactionLike) });

export function createProvisioningJobs(boss: PgBoss): ProvisioningJobs {
  return {
    async queueNumberSetup(tx, job) {
      await queueJob(boss, "numberSetup", { tenantId: job.tenantId }, { ...inTx(tx), singletonOn: "tenantId" });
    },
    async queueOnboardingNotice(tx, notice) {
      for (const channel of notice.phone ? (["sms", "email"] as const) : (["email"] as const)) {
        const noticeId = randomUUID();
        // The row holds who (the user) and which channel; the job names the row. Same transaction:
        // a rollback leaves neither.
        await tx.$queryRawUnsafe(
          "INSERT INTO onboarding_notices (id, user_id, target_tenant_id, channel) VALUES ($1::uuid, $2::uuid, $3, $4)",
          noticeId,
          notice.userId,
          notice.tenantId,
          channel,
        );
        await queueJob(boss, "onboardingNotice", { tenantId: notice.tenantId, noticeId, channel }, inTx(tx));
      }
    },
  };
}

export const onboardingTexts = {
  sms: (n: OnboardingMessage) =>
    `Hi ${n.ownerName.split(" ")[0]}, ${n.businessName} is set up on ServicePro. Set your password and finish setup here (link works once, for 72 hours): ${n.link}`,
  emailSubject: (n: OnboardingMessage) => `Finish setting up ${n.businessName} on ServicePro`,
  emailText: (n: OnboardingMessage) =>
    [
      `Hi ${n.ownerName},`,
      "",
      `${n.businessName} is ready on ServicePro. Open this link to set your password and finish setup:`,
      n.link,
      "",
      `The link works once and expires on ${new Date(n.expiresAt).toUTCString()}. If it has expired, reply to this email and we'll send a new one.`,
    ].join("\n"),
};

export type ProvisioningWorkerDeps = {
  db: Database;
  twilio: TwilioClient | null;
  publicBaseUrl: string;
  sms: SmsSender;
  email: EmailSender;
  /** The platform's own number onboarding texts come from; without it they are skipped (email still goes). */
  platformSmsFrom: string | null;
  logger: WorkerLogger;
  now?: () => Date;
};

/** Sets up every number the business has (idempotent: a retry finds a bought number on the account). */
export async function runNumberSetup(deps: ProvisioningWorkerDeps, job: JobData<"numberSetup">): Promise<void> {
  const numbers = await tenantDb(deps.db, job.tenantId).run((tx) =>
    tx.tenantPhoneConfig.findMany({ select: { phoneNumber: true }, orderBy: { phoneNumber: "asc" } }),
  );
  for (const { phoneNumber } of numbers) {
    const result = await setUpTwilioNumber(deps.twilio, deps.publicBaseUrl, phoneNumber);
    deps.logger.info({ tenantId: job.tenantId, phoneNumber, result }, "phone number set up");
  }
}

export type NoticeOutcome = "sent" | "already_sent" | "already_onboarded" | "skipped" | "gone";

/**
 * Sends one onboarding notice: reads the owner and business under the platform role, mints a
 * fresh one-time link (valid 72 hours from now; only its hash is stored), sends it, then marks the
 * notice sent so a retried job sends nothing more. A send that fails withdraws its link before the
 * job is retried, which mints a new one. Any open link of the owner works until one of them is used
 * (onboarding.complete spends them all).
 */
export async function sendOnboardingNotice(
  deps: ProvisioningWorkerDeps,
  job: JobData<"onboardingNotice">,
): Promise<NoticeOutcome> {
  const platform = (purpose: string) => platformDb(deps.db, { actorUserId: null, purpose });
  const now = deps.now?.() ?? new Date();
  const prepared = await platform("onboarding.notice: mint the link").run(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM onboarding_notices WHERE id = ${job.noticeId}::uuid AND target_tenant_id = ${job.tenantId} FOR UPDATE`;
    if (!locked) return { outcome: "gone" } as const;
    const notice = await tx.onboardingNotice.findUniqueOrThrow({
      where: { id: job.noticeId },
      select: {
        sentAt: true,
        channel: true,
        user: { select: { id: true, name: true, email: true, disabledAt: true } },
      },
    });
    if (notice.sentAt) return { outcome: "already_sent" } as const;
    if (notice.user.disabledAt) return { outcome: "gone" } as const;
    const spent = await tx.onboardingToken.count({
      where: { userId: notice.user.id, tenantId: job.tenantId, usedAt: { not: null } },
    });
    if (spent > 0) return { outcome: "already_onboarded" } as const;
    const tenant = await tx.tenant.findUnique({
      where: { id: job.tenantId },
      select: { name: true, contactPhone: true },
    });
    if (!tenant) return { outcome: "gone" } as const;
    if (job.channel === "sms" && (!deps.platformSmsFrom || !tenant.contactPhone))
      return { outcome: "skipped" } as const;

    const { token, tokenHash } = newOnboardingToken();
    const expiresAt = new Date(now.getTime() + ONBOARDING_TOKEN_TTL_MS);
    await tx.onboardingToken.create({
      data: { id: tokenHash, userId: notice.user.id, tenantId: job.tenantId, expiresAt },
    });
    await tx.onboardingNotice.update({ where: { id: job.noticeId }, data: { tokenId: tokenHash } });
    const message: OnboardingMessage = {
      businessName: tenant.name,
      ownerName: notice.user.name,
      link: onboardingLink(deps.publicBaseUrl, token),
      expiresAt: expiresAt.toISOString(),
    };
    return { outcome: "ready", tokenHash, message, email: notice.user.email, phone: tenant.contactPhone } as const;
  });

  if (prepared.outcome === "skipped") {
    deps.logger.warn(
      { tenantId: job.tenantId, noticeId: job.noticeId },
      "onboarding text skipped: PLATFORM_SMS_FROM is not set (or the business has no contact phone)",
    );
    return "skipped";
  }
  if (prepared.outcome !== "ready") return prepared.outcome;

  try {
    if (job.channel === "email") {
      await deps.email.send({
        to: prepared.email,
        subject: onboardingTexts.emailSubject(prepared.message),
        text: onboardingTexts.emailText(prepared.message),
      });
    } else {
      await deps.sms.send({
        from: deps.platformSmsFrom!,
        to: prepared.phone!,
        body: onboardingTexts.sms(prepared.message),
      });
    }
  } catch (error) {
    // Not delivered: its link must not stay valid (the retry mints a new one).
    await platform("onboarding.notice: withdraw an unsent link")
      .run((tx) => tx.onboardingToken.deleteMany({ where: { id: prepared.tokenHash, usedAt: null } }))
      .catch(() => undefined);
    throw error;
  }
  await platform("onboarding.notice: mark sent").run((tx) =>
    tx.onboardingNotice.update({ where: { id: job.noticeId }, data: { sentAt: deps.now?.() ?? new Date() } }),
  );
  return "sent";
}

export async function startProvisioningWorkers(
  boss: PgBoss,
  deps: ProvisioningWorkerDeps,
): Promise<() => Promise<void>> {
  const numberWorker = await boss.work(JOB_QUEUES.numberSetup.name, { pollingIntervalSeconds: 2 }, async ([job]) => {
    await runNumberSetup(deps, jobData("numberSetup", job!.data));
  });
  const noticeWorker = await boss.work(
    JOB_QUEUES.onboardingNotice.name,
    { pollingIntervalSeconds: 2 },
    async ([job]) => {
      const data = jobData("onboardingNotice", job!.data);
      const outcome = await sendOnboardingNotice(deps, data);
      if (outcome !== "sent" && outcome !== "skipped")
        deps.logger.info({ tenantId: data.tenantId, noticeId: data.noticeId, outcome }, "onboarding notice not sent");
    },
  );
  return async () => {
    await boss.offWork(JOB_QUEUES.numberSetup.name, { id: numberWorker });
    await boss.offWork(JOB_QUEUES.onboardingNotice.name, { id: noticeWorker });
  };
}
