-- Real Twilio traffic (issue 11): MMS parts on messages, the opt-out classifier's review queue,
-- call legs and callback ordering on calls, caller name and forwarding, and Advanced Opt-Out per number.

-- CreateEnum
CREATE TYPE "consent_review" AS ENUM ('pending', 'opted_out', 'dismissed');

-- AlterEnum (PostgreSQL 12+ adds enum values inside a transaction; nothing here uses them yet)
ALTER TYPE "consent_source" ADD VALUE 'voicemail';
ALTER TYPE "consent_source" ADD VALUE 'voice_menu';

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "caller_name" TEXT,
ADD COLUMN     "consent_review" "consent_review",
ADD COLUMN     "direction" TEXT NOT NULL DEFAULT 'inbound',
ADD COLUMN     "forwarded_from" TEXT,
ADD COLUMN     "parent_call_sid" TEXT,
ADD COLUMN     "recording_status" TEXT,
ADD COLUMN     "status_sequence" INTEGER;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "consent_review" "consent_review",
ADD COLUMN     "consent_score" DOUBLE PRECISION,
ADD COLUMN     "media" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "tenant_phone_configs" ADD COLUMN     "advanced_opt_out" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "calls_tenant_id_parent_call_sid_idx" ON "calls"("tenant_id", "parent_call_sid");

-- CreateIndex
CREATE INDEX "messages_tenant_id_consent_review_idx" ON "messages"("tenant_id", "consent_review");
