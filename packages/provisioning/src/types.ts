/** A phone number the platform can give a business now. */
export type AvailableNumber = { phoneNumber: string; locality: string | null; region: string | null };

/**
 * Where new businesses' numbers come from: with Twilio credentials, Twilio's inventory (searched,
 * then bought after the set-up commits); without, the configured pool (PHONE_NUMBER_POOL) minus
 * numbers already assigned.
 */
export type NumberProvider = {
  readonly kind: "twilio" | "pool";
  search(options: { areaCode?: string | undefined; limit?: number | undefined }): Promise<AvailableNumber[]>;
};

/** A new business owner's one-time link, to be sent by SMS and email after the set-up commits. */
export type OnboardingNotice = {
  tenantId: string;
  businessName: string;
  ownerName: string;
  email: string;
  /** E.164; null: email only. */
  phone: string | null;
  /** The full one-time link, e.g. https://app.example.com/app/welcome?token=… */
  link: string;
  expiresAt: string;
};

/**
 * Side effects of setting up a business, queued inside the set-up transaction (so a rollback
 * queues nothing and a commit queues them exactly once) and carried out by workers afterwards.
 */
export type ProvisioningJobs = {
  /** Buys the number from Twilio if needed and points its webhooks at us (no-op for pool numbers). */
  queueNumberSetup(tx: JobTx, job: { tenantId: string; phoneNumber: string }): Promise<void>;
  queueOnboardingNotice(tx: JobTx, notice: OnboardingNotice): Promise<void>;
};

/** Any Prisma transaction (tenant-scoped or platform): jobs are rows in the same transaction. */
export type JobTx = { $queryRawUnsafe: (query: string, ...values: unknown[]) => Promise<unknown> };
