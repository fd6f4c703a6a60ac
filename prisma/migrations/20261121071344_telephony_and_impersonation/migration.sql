-- CreateEnum
CREATE TYPE "ivr_mode" AS ENUM ('forward', 'menu', 'ai-voice', 'voicemail');

-- CreateEnum
CREATE TYPE "after_hours_mode" AS ENUM ('voicemail', 'forward', 'menu');

-- CreateEnum
CREATE TYPE "message_direction" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "message_status" AS ENUM ('received', 'pending', 'submitting', 'unknown', 'accepted', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read', 'suppressed');

-- CreateEnum
CREATE TYPE "call_outcome" AS ENUM ('in_progress', 'answered', 'forwarded', 'voicemail', 'missed', 'ai-handled');

-- CreateEnum
CREATE TYPE "consent_state" AS ENUM ('opted_in', 'opted_out');

-- CreateEnum
CREATE TYPE "consent_source" AS ENUM ('keyword', 'free_text', 'provider_21610', 'staff');

-- AlterTable
ALTER TABLE "audit_logs" ADD COLUMN     "impersonated_tenant_id" TEXT;

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "impersonated_tenant_id" TEXT,
ADD COLUMN     "impersonation_reason" TEXT,
ADD COLUMN     "impersonation_started_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "timezone" TEXT NOT NULL DEFAULT 'America/Chicago';

-- CreateTable
CREATE TABLE "tenant_phone_configs" (
    "phone_number" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "label" TEXT,
    "messaging_service_sid" TEXT,
    "ivr_mode" "ivr_mode" NOT NULL DEFAULT 'menu',
    "forward_to" TEXT,
    "greeting" TEXT,
    "business_hours" JSONB NOT NULL,
    "after_hours_mode" "after_hours_mode" NOT NULL DEFAULT 'voicemail',
    "voicemail_enabled" BOOLEAN NOT NULL DEFAULT true,
    "missed_call_text_enabled" BOOLEAN NOT NULL DEFAULT true,
    "missed_call_text" TEXT,
    "missed_call_text_window_minutes" INTEGER NOT NULL DEFAULT 240,
    "help_text" TEXT,
    "booking_url" TEXT,
    "address" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tenant_phone_configs_pkey" PRIMARY KEY ("phone_number")
);

-- CreateTable
CREATE TABLE "customers" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "tenant_number" TEXT NOT NULL,
    "last_message_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_message_preview" TEXT NOT NULL DEFAULT '',
    "last_direction" "message_direction",
    "unread_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "messages" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "direction" "message_direction" NOT NULL,
    "body" TEXT NOT NULL,
    "from_number" TEXT NOT NULL,
    "to_number" TEXT NOT NULL,
    "twilio_sid" TEXT,
    "purpose_key" TEXT,
    "kind" TEXT NOT NULL,
    "status" "message_status" NOT NULL,
    "status_history" JSONB NOT NULL DEFAULT '[]',
    "error_code" INTEGER,
    "error_message" TEXT,
    "routed_by_fallback" BOOLEAN NOT NULL DEFAULT false,
    "sent_by_user_id" UUID,
    "send_attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "calls" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "call_sid" TEXT NOT NULL,
    "customer_id" UUID,
    "from_number" TEXT NOT NULL,
    "to_number" TEXT NOT NULL,
    "ivr_mode" "ivr_mode" NOT NULL,
    "twilio_status" TEXT NOT NULL DEFAULT 'ringing',
    "outcome" "call_outcome" NOT NULL DEFAULT 'in_progress',
    "menu_selection" TEXT,
    "forwarded_to" TEXT,
    "dial_call_status" TEXT,
    "duration_seconds" INTEGER,
    "recording_sid" TEXT,
    "recording_url" TEXT,
    "recording_duration_seconds" INTEGER,
    "transcription" TEXT,
    "routed_by_fallback" BOOLEAN NOT NULL DEFAULT false,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calls_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "sms_consents" (
    "tenant_id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "state" "consent_state" NOT NULL,
    "source" "consent_source" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_consents_pkey" PRIMARY KEY ("tenant_id","phone")
);

-- CreateTable
CREATE TABLE "sms_consent_events" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "state" "consent_state" NOT NULL,
    "source" "consent_source" NOT NULL,
    "evidence" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_consent_events_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "faqs" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "faqs_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "unrouted_webhooks" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "sid" TEXT,
    "to_number" TEXT,
    "from_number" TEXT,
    "reason" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(3),

    CONSTRAINT "unrouted_webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tenant_phone_configs_messaging_service_sid_idx" ON "tenant_phone_configs"("messaging_service_sid");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_phone_configs_tenant_id_phone_number_key" ON "tenant_phone_configs"("tenant_id", "phone_number");

-- CreateIndex
CREATE UNIQUE INDEX "customers_tenant_id_phone_key" ON "customers"("tenant_id", "phone");

-- CreateIndex
CREATE INDEX "conversations_tenant_id_last_message_at_idx" ON "conversations"("tenant_id", "last_message_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "conversations_tenant_id_customer_id_key" ON "conversations"("tenant_id", "customer_id");

-- CreateIndex
CREATE INDEX "messages_tenant_id_conversation_id_created_at_idx" ON "messages"("tenant_id", "conversation_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "messages_tenant_id_twilio_sid_key" ON "messages"("tenant_id", "twilio_sid");

-- CreateIndex
CREATE UNIQUE INDEX "messages_tenant_id_purpose_key_key" ON "messages"("tenant_id", "purpose_key");

-- CreateIndex
CREATE INDEX "calls_tenant_id_started_at_idx" ON "calls"("tenant_id", "started_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "calls_tenant_id_call_sid_key" ON "calls"("tenant_id", "call_sid");

-- CreateIndex
CREATE INDEX "sms_consent_events_tenant_id_phone_created_at_idx" ON "sms_consent_events"("tenant_id", "phone", "created_at");

-- CreateIndex
CREATE INDEX "faqs_tenant_id_position_idx" ON "faqs"("tenant_id", "position");

-- CreateIndex
CREATE INDEX "unrouted_webhooks_created_at_idx" ON "unrouted_webhooks"("created_at");

-- AddForeignKey
ALTER TABLE "tenant_phone_configs" ADD CONSTRAINT "tenant_phone_configs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_conversation_id_fkey" FOREIGN KEY ("tenant_id", "conversation_id") REFERENCES "conversations"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_consents" ADD CONSTRAINT "sms_consents_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_consent_events" ADD CONSTRAINT "sms_consent_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "faqs" ADD CONSTRAINT "faqs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: row-level security for the telephony tables (docs/tenancy.md), the narrow
-- routing lookup, and append-only rules. Grants are applied by the migration runner.
-- ---------------------------------------------------------------------------------------------

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_phone_configs', 'customers', 'conversations', 'messages', 'calls',
                           'sms_consents', 'sms_consent_events', 'faqs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;

-- Inbound routing happens before any tenant is known. Instead of giving webhook code the
-- platform role, this function answers exactly one question, "which tenant owns this number
-- (or else this Messaging Service)?", and nothing more. SECURITY DEFINER runs it as the
-- migration owner, past RLS; search_path is pinned so it cannot be hijacked.
CREATE FUNCTION app_route_inbound(p_called text, p_service text)
  RETURNS TABLE (tenant_id text, phone_number text, matched_by text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    (SELECT c.tenant_id, c.phone_number, 'number'::text FROM public.tenant_phone_configs c
      WHERE c.phone_number = p_called)
    UNION ALL
    (SELECT c.tenant_id, c.phone_number, 'messaging_service'::text FROM public.tenant_phone_configs c
      WHERE p_service IS NOT NULL AND c.messaging_service_sid = p_service
        AND NOT EXISTS (SELECT 1 FROM public.tenant_phone_configs x WHERE x.phone_number = p_called)
      ORDER BY c.created_at LIMIT 1)
    LIMIT 1
  $$;
REVOKE ALL ON FUNCTION app_route_inbound(text, text) FROM PUBLIC;

-- The consent ledger is evidence: rows are added, never changed.
CREATE FUNCTION sms_consent_events_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'sms_consent_events is append-only' USING ERRCODE = 'insufficient_privilege'; END $$;
CREATE TRIGGER sms_consent_events_append_only
  BEFORE UPDATE OR DELETE ON "sms_consent_events"
  FOR EACH ROW EXECUTE FUNCTION sms_consent_events_append_only();
