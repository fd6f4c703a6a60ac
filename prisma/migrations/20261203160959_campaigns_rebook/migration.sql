-- Campaigns and rebook reminders (issue 15, items 2, 3 and 5): campaigns with their audience and
-- template, their outbox (campaign_sends: one row per recipient, written set-based), the drain's pace
-- per sender (campaign_sender_paces), an optional per-number campaign rate, rebook reminders (one
-- per completed visit of a service with a reminder cadence) and their switch in automation settings.

-- CreateEnum
CREATE TYPE "campaign_status" AS ENUM ('draft', 'scheduled', 'sending', 'paused', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "campaign_send_status" AS ENUM ('queued', 'sending', 'sent', 'skipped', 'failed');

-- CreateEnum
CREATE TYPE "rebook_reminder_status" AS ENUM ('queued', 'sent', 'skipped');

-- AlterTable
ALTER TABLE "automation_settings" ADD COLUMN     "rebook_reminders_enabled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "tenant_phone_configs" ADD COLUMN     "sms_rate_per_second" DECIMAL(6,2);

-- CreateTable
CREATE TABLE "campaigns" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "audience" JSONB NOT NULL DEFAULT '{}',
    "status" "campaign_status" NOT NULL DEFAULT 'draft',
    "scheduled_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "paused_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "recipient_count" INTEGER NOT NULL DEFAULT 0,
    "template_key" TEXT,
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "campaign_sends" (
    "tenant_id" TEXT NOT NULL,
    "campaign_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "sender_key" TEXT NOT NULL,
    "from_number" TEXT NOT NULL,
    "status" "campaign_send_status" NOT NULL DEFAULT 'queued',
    "status_reason" TEXT,
    "message_id" UUID,
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "campaign_sends_pkey" PRIMARY KEY ("tenant_id","campaign_id","customer_id")
);

-- CreateTable
CREATE TABLE "campaign_sender_paces" (
    "tenant_id" TEXT NOT NULL,
    "sender_key" TEXT NOT NULL,
    "next_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaign_sender_paces_pkey" PRIMARY KEY ("tenant_id","sender_key")
);

-- CreateTable
CREATE TABLE "rebook_reminders" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "rebook_reminder_status" NOT NULL DEFAULT 'queued',
    "status_reason" TEXT,
    "message_id" UUID,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rebook_reminders_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "campaigns_tenant_id_created_at_idx" ON "campaigns"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "campaigns_tenant_id_status_idx" ON "campaigns"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "campaign_sends_tenant_id_customer_id_sent_at_idx" ON "campaign_sends"("tenant_id", "customer_id", "sent_at");

-- CreateIndex
CREATE INDEX "rebook_reminders_tenant_id_customer_id_status_idx" ON "rebook_reminders"("tenant_id", "customer_id", "status");

-- CreateIndex
CREATE INDEX "rebook_reminders_tenant_id_created_at_idx" ON "rebook_reminders"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "rebook_reminders_tenant_id_appointment_id_key" ON "rebook_reminders"("tenant_id", "appointment_id");

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_sends" ADD CONSTRAINT "campaign_sends_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_sends" ADD CONSTRAINT "campaign_sends_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaigns"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_sender_paces" ADD CONSTRAINT "campaign_sender_paces_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rebook_reminders" ADD CONSTRAINT "rebook_reminders_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rebook_reminders" ADD CONSTRAINT "rebook_reminders_tenant_id_appointment_id_fkey" FOREIGN KEY ("tenant_id", "appointment_id") REFERENCES "appointments"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: tenant isolation, as on every tenant table (forced row-level security on
-- app.tenant_id), value checks and the drain's partial indexes.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['campaigns', 'campaign_sends', 'campaign_sender_paces', 'rebook_reminders'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;

ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_recipient_count_check" CHECK ("recipient_count" >= 0);
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_body_check" CHECK (char_length("body") BETWEEN 1 AND 1600);
-- Carriers' ceiling for one number is far below this; it only stops a typo from meaning "unlimited".
ALTER TABLE "tenant_phone_configs" ADD CONSTRAINT "tenant_phone_configs_sms_rate_check"
  CHECK ("sms_rate_per_second" IS NULL OR ("sms_rate_per_second" > 0 AND "sms_rate_per_second" <= 1000));

-- Not in schema.prisma (Prisma leaves partial indexes it did not create alone; see the keyset
-- migration). The drain's claim: the next queued rows of one campaign for one sender.
CREATE INDEX "campaign_sends_queued_idx" ON "campaign_sends"("tenant_id", "campaign_id", "sender_key", "customer_id")
  WHERE "status" = 'queued';
-- Rows a crashed drain left mid-send, found and finished on the next pass.
CREATE INDEX "campaign_sends_sending_idx" ON "campaign_sends"("tenant_id", "campaign_id", "claimed_at")
  WHERE "status" = 'sending';
