/**
 * Side effects of setting up a business: queued inside the set-up transaction, carried out by
 * workers after it commits (a rollback queues nothing; a commit queues each exactly once).
 */
import { JOB_QUEUES } from "@servicepro/db";
import type { EmailSender } from "@servicepro/notifications";
import type { SmsSender, TwilioClient, WorkerLogger } from "@servicepro/sms";
import { formatPhone } from "@servicepro/telephony";
import type { PgBoss, PrismaTransactionLike } from "pg-boss";
import { fromPrisma } from "pg-boss";
import { setUpTwilioNumber } from "./numbers.ts";
import type { JobTx, OnboardingNotice, ProvisioningJobs } from "./types.ts";

type NumberSetupJob = { tenantId: string; phoneNumber: string };
type NoticeJob = OnboardingNotice & { channel: "sms" | "email" };

const inTx = (tx: JobTx) => ({ db: fromPrisma(tx as unknown as PrismaTransactionLike) });

export function createProvisioningJobs(boss: PgBoss): ProvisioningJobs {
  return {
    async queueNumberSetup(tx, job) {
      const data: NumberSetupJob = { tenantId: job.tenantId, phoneNumber: job.phoneNumber };
      await boss.send(JOB_QUEUES.numberSetup.name, data, { ...inTx(tx), singletonKey: job.phoneNumber });
    },
    async queueOnboardingNotice(tx, notice) {
      for (const channel of notice.phone ? (["sms", "email"] as const) : (["email"] as const)) {
        const data: NoticeJob = { ...notice, channel };
        await boss.send(JOB_QUEUES.onboardingNotice.name, data, inTx(tx));
      }
    },
  };
}

export const onboardingTexts = {
  sms: (n: OnboardingNotice) =>
    `Hi ${n.ownerName.split(" ")[0]}, ${n.businessName} is set up on ServicePro. Set your password and finish setup here (link works once, for 72 hours): ${n.link}`,
  emailSubject: (n: OnboardingNotice) => `Finish setting up ${n.businessName} on ServicePro`,
  emailText: (n: OnboardingNotice) =>
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
  twilio: TwilioClient | null;
  publicBaseUrl: string;
  sms: SmsSender;
  email: EmailSender;
  /** The platform's own number onboarding texts come from; without it they are skipped (email still goes). */
  platformSmsFrom: string | null;
  logger: WorkerLogger;
};

export async function startProvisioningWorkers(
  boss: PgBoss,
  deps: ProvisioningWorkerDeps,
): Promise<() => Promise<void>> {
  const numberWorker = await boss.work<NumberSetupJob>(
    JOB_QUEUES.numberSetup.name,
    { pollingIntervalSeconds: 2 },
    async ([job]) => {
      const result = await setUpTwilioNumber(deps.twilio, deps.publicBaseUrl, job!.data.phoneNumber);
      deps.logger.info(
        { tenantId: job!.data.tenantId, phoneNumber: job!.data.phoneNumber, result },
        "phone number set up",
      );
    },
  );
  const noticeWorker = await boss.work<NoticeJob>(
    JOB_QUEUES.onboardingNotice.name,
    { pollingIntervalSeconds: 2 },
    async ([job]) => {
      const notice = job!.data;
      if (notice.channel === "email") {
        await deps.email.send({
          to: notice.email,
          subject: onboardingTexts.emailSubject(notice),
          text: onboardingTexts.emailText(notice),
        });
      } else if (notice.phone && deps.platformSmsFrom) {
        await deps.sms.send({ from: deps.platformSmsFrom, to: notice.phone, body: onboardingTexts.sms(notice) });
      } else {
        deps.logger.warn(
          { tenantId: notice.tenantId, phone: notice.phone ? formatPhone(notice.phone) : null },
          "onboarding text skipped: PLATFORM_SMS_FROM is not set",
        );
      }
    },
  );
  return async () => {
    await boss.offWork(JOB_QUEUES.numberSetup.name, { id: numberWorker });
    await boss.offWork(JOB_QUEUES.onboardingNotice.name, { id: noticeWorker });
  };
}
