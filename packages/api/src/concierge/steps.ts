// Writes one planned step. Every write goes through the caller's platform transaction `tx`, and
// so do the jobs (pg-boss rows in the same transaction): a rollback leaves neither rows nor jobs.
import type { ProvisioningStep } from "@servicepro/concierge";
import type { Audit, Prisma } from "@servicepro/db";
import type { ProvisioningJobs } from "@servicepro/provisioning";
import { toDbIvrMode } from "@servicepro/voice";

const json = (value: unknown) => value as Prisma.InputJsonValue;

export async function runStep(
  tx: Prisma.TransactionClient,
  audit: Audit,
  jobs: ProvisioningJobs,
  step: ProvisioningStep,
): Promise<void> {
  switch (step.id) {
    case "createTenant":
      await tx.tenant.create({ data: step.tenant });
      return;
    case "createOwner":
      await tx.user.create({ data: step.user });
      await tx.membership.create({ data: step.membership });
      return;
    case "recordPackInstall":
      await tx.packInstall.create({ data: { ...step.install, snapshot: json(step.install.snapshot) } });
      return;
    case "createServices":
      await tx.service.createMany({ data: step.services });
      return;
    case "createAddOns":
      await tx.addOn.createMany({ data: step.addOns });
      return;
    case "createFaqs":
      await tx.faq.createMany({ data: step.faqs });
      return;
    case "setUpBooking":
      await tx.bookingSettings.create({ data: { ...step.settings, hours: json(step.settings.hours) } });
      return;
    case "assignPhoneNumber":
      await tx.tenantPhoneConfig.create({ data: { ...step.phone, ivrMode: toDbIvrMode(step.phone.ivrMode) } });
      return;
    case "saveWebsiteDraft":
      await tx.websiteDraft.create({ data: { ...step.draft, content: json(step.draft.content) } });
      return;
    case "createOnboardingToken":
      await tx.onboardingToken.create({ data: step.token });
      return;
    case "queueNumberSetup":
      // The job names the business only; the worker reads its number under the tenant's scope.
      await jobs.queueNumberSetup(tx, { tenantId: step.job.tenantId });
      return;
    case "queueOnboardingNotice":
      // Who and which channels; the link is minted by the worker when it sends (ADR 0013).
      await jobs.queueOnboardingNotice(tx, {
        tenantId: step.notice.tenantId,
        userId: step.notice.userId,
        phone: step.notice.phone,
      });
      return;
    case "audit":
      await audit({ ...step.event, details: json(step.event.details) });
      return;
  }
}
