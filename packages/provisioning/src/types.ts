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

/**
 * A new business owner to send their one-time link to, after the set-up commits: by email, and by
 * text when they gave a mobile number. Who they are and where the link goes are read from the
 * database when it is sent; nothing personal goes into the job queue.
 */
export type OnboardingNoticeRequest = {
  tenantId: string;
  /** The owner's user id (they get the link). */
  userId: string;
  /** The owner's mobile (E.164); null: email only. Decides the channels, is not queued. */
  phone: string | null;
};

/** What an onboarding text or email says, built at send time. */
export type OnboardingMessage = {
  businessName: string;
  ownerName: string;
  /** The full one-time link, e.g. https://app.example.com/app/welcome?token=… (minted at send time). */
  link: string;
  expiresAt: string;
};

/**
 * Side effects of setting up a business, queued inside the set-up transaction (so a rollback
 * queues nothing and a commit queues them exactly once) and carried out by workers afterwards.
 */
export type ProvisioningJobs = {
  /** Buys the business's numbers from Twilio if needed and points their webhooks at us (no-op for pool numbers). */
  queueNumberSetup(tx: JobTx, job: { tenantId: string }): Promise<void>;
  queueOnboardingNotice(tx: JobTx, notice: OnboardingNoticeRequest): Promise<void>;
};

/** Any Prisma transaction (tenant-scoped or platform): jobs are rows in the same transaction. */
export type JobTx = { $queryRawUnsafe: (query: string, ...values: unknown[]) => Promise<unknown> };
