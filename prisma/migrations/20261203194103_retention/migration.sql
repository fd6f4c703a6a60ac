-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "data_purged_at" TIMESTAMPTZ(3),
ADD COLUMN     "legal_hold_at" TIMESTAMPTZ(3),
ADD COLUMN     "legal_hold_by_user_id" UUID,
ADD COLUMN     "legal_hold_reason" TEXT;

-- CreateTable
CREATE TABLE "retention_settings" (
    "tenant_id" TEXT NOT NULL,
    "message_months" INTEGER,
    "recording_months" INTEGER,
    "cancelled_deletion_days" INTEGER,
    "warnings_sent" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "warned_for_cancelled_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "retention_settings_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "data_deletions" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "cutoff" TIMESTAMPTZ(3),
    "counts" JSONB NOT NULL DEFAULT '{}',
    "outcome" TEXT NOT NULL DEFAULT 'completed',
    "actor_user_id" UUID,
    "trigger" TEXT NOT NULL,
    "customer_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_deletions_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "data_deletions_tenant_id_created_at_idx" ON "data_deletions"("tenant_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_deletions" ADD CONSTRAINT "data_deletions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: tenant isolation, as on every tenant table (forced row-level security on
-- app.tenant_id), and value checks.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['retention_settings', 'data_deletions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;

-- Null keeps forever; otherwise 1 month to 10 years (the validators say the same to a person).
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_message_months_check"
  CHECK ("message_months" IS NULL OR "message_months" BETWEEN 1 AND 120);
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_recording_months_check"
  CHECK ("recording_months" IS NULL OR "recording_months" BETWEEN 1 AND 120);
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_cancelled_days_check"
  CHECK ("cancelled_deletion_days" IS NULL OR "cancelled_deletion_days" BETWEEN 1 AND 365);
-- A legal hold always says why and who.
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_legal_hold_check"
  CHECK ("legal_hold_at" IS NULL OR ("legal_hold_reason" IS NOT NULL AND "legal_hold_by_user_id" IS NOT NULL));

-- The append-only ledgers (consent evidence, points) refuse every UPDATE and DELETE. One exception:
-- the purge of a cancelled business (packages/retention purge.ts) deletes its rows, as the platform
-- role, inside a transaction that names that business in app.purge_tenant_id. Nothing else can.
CREATE OR REPLACE FUNCTION sms_consent_events_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    IF TG_OP = 'DELETE' AND current_user = 'servicepro_platform'
       AND OLD."tenant_id" = NULLIF(current_setting('app.purge_tenant_id', true), '') THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'sms_consent_events is append-only' USING ERRCODE = 'insufficient_privilege';
  END $$;
CREATE OR REPLACE FUNCTION loyalty_entries_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    IF TG_OP = 'DELETE' AND current_user = 'servicepro_platform'
       AND OLD."tenant_id" = NULLIF(current_setting('app.purge_tenant_id', true), '') THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'loyalty_entries is append-only' USING ERRCODE = 'insufficient_privilege';
  END $$;
