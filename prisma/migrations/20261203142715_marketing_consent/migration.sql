-- Consent that distinguishes purposes (issue 15, part 1): the consent ledger records which consent
-- each change is about (transactional or marketing; existing rows are transactional), marketing
-- consent keeps its own current state (no row = no consent), and imported lists are a source.

-- CreateEnum
CREATE TYPE "consent_purpose" AS ENUM ('transactional', 'marketing');

-- AlterEnum
ALTER TYPE "consent_source" ADD VALUE 'import';

-- AlterTable
ALTER TABLE "sms_consent_events" ADD COLUMN     "purpose" "consent_purpose" NOT NULL DEFAULT 'transactional';

-- CreateTable
CREATE TABLE "marketing_consents" (
    "tenant_id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "state" "consent_state" NOT NULL,
    "source" "consent_source" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "marketing_consents_pkey" PRIMARY KEY ("tenant_id","phone")
);

-- AddForeignKey
ALTER TABLE "marketing_consents" ADD CONSTRAINT "marketing_consents_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: tenant isolation, as on every tenant table (forced row-level security on
-- app.tenant_id).
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['marketing_consents'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;
