-- No secrets or personal data in the job queue (issue 11 §4, docs/decisions/0013-no-secrets-in-the-queue.md):
-- an onboarding job names one of these rows; the worker reads who and where from it under the
-- platform role and mints the one-time link when it sends. The app role has no access (migrate.ts
-- grantsSql revokes it), unlike pgboss.job, which it can read for every tenant.

-- CreateTable
CREATE TABLE "onboarding_notices" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "target_tenant_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "token_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "onboarding_notices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "onboarding_notices_user_id_idx" ON "onboarding_notices"("user_id");

-- AddForeignKey
ALTER TABLE "onboarding_notices" ADD CONSTRAINT "onboarding_notices_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: only channels the worker knows.
ALTER TABLE "onboarding_notices" ADD CONSTRAINT "onboarding_notices_channel_check" CHECK ("channel" IN ('sms', 'email'));

-- Hand-written: jobs queued by the previous release carried the onboarding link, the owner's name,
-- email and phone, and the business's number. Waiting onboarding jobs become a notice row and a
-- reference; finished ones (which kept the link) are deleted; waiting number set-ups drop the
-- number (the worker reads it). The queue's tables do not exist yet on a fresh install.
DO $$
BEGIN
  IF to_regclass('pgboss.job') IS NULL THEN
    RETURN;
  END IF;
  CREATE TEMP TABLE legacy_notice ON COMMIT DROP AS
    SELECT j.id AS job_id, gen_random_uuid() AS notice_id, u.id AS user_id,
           j.data->>'tenantId' AS tenant_id, j.data->>'channel' AS channel
    FROM pgboss.job j
    JOIN users u ON u.email = lower(btrim(j.data->>'email'))
    WHERE j.name = 'onboarding.notice' AND j.data ? 'link' AND j.state::text IN ('created', 'retry')
      AND j.data->>'channel' IN ('sms', 'email');
  INSERT INTO onboarding_notices (id, user_id, target_tenant_id, channel)
    SELECT notice_id, user_id, tenant_id, channel FROM legacy_notice;
  UPDATE pgboss.job j
    SET data = jsonb_build_object('tenantId', l.tenant_id, 'noticeId', l.notice_id, 'channel', l.channel)
    FROM legacy_notice l
    WHERE j.name = 'onboarding.notice' AND j.id = l.job_id;
  DELETE FROM pgboss.job WHERE name = 'onboarding.notice' AND data ? 'link';
  DELETE FROM pgboss.job WHERE name = 'phone-number.setup' AND state::text IN ('completed', 'failed', 'cancelled');
  UPDATE pgboss.job SET data = data - 'phoneNumber' WHERE name = 'phone-number.setup' AND data ? 'phoneNumber';
END $$;
