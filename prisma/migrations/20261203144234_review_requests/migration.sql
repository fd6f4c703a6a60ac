-- Review requests (issue 15, item 4): per-business automation settings (review requests on/off,
-- the review link, the delay after completion) and one review request per completed appointment,
-- with its status, the text it sent and the clicks on its short link (the token's hash only).

-- CreateEnum
CREATE TYPE "review_request_status" AS ENUM ('queued', 'sent', 'skipped');

-- CreateTable
CREATE TABLE "automation_settings" (
    "tenant_id" TEXT NOT NULL,
    "review_requests_enabled" BOOLEAN NOT NULL DEFAULT false,
    "review_link" TEXT,
    "review_delay_minutes" INTEGER NOT NULL DEFAULT 120,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "automation_settings_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "review_requests" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "review_request_status" NOT NULL DEFAULT 'queued',
    "status_reason" TEXT,
    "message_id" UUID,
    "sent_at" TIMESTAMPTZ(3),
    "token_hash" TEXT,
    "click_count" INTEGER NOT NULL DEFAULT 0,
    "first_click_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_requests_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "review_requests_tenant_id_created_at_idx" ON "review_requests"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "review_requests_tenant_id_appointment_id_key" ON "review_requests"("tenant_id", "appointment_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_requests_tenant_id_token_hash_key" ON "review_requests"("tenant_id", "token_hash");

-- AddForeignKey
ALTER TABLE "automation_settings" ADD CONSTRAINT "automation_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_tenant_id_appointment_id_fkey" FOREIGN KEY ("tenant_id", "appointment_id") REFERENCES "appointments"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: tenant isolation, as on every tenant table (forced row-level security on
-- app.tenant_id), and value checks.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['automation_settings', 'review_requests'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;

-- A week at most (the form's bounds); only https links are sent to customers.
ALTER TABLE "automation_settings" ADD CONSTRAINT "automation_settings_delay_check"
  CHECK ("review_delay_minutes" BETWEEN 0 AND 10080);
ALTER TABLE "automation_settings" ADD CONSTRAINT "automation_settings_link_check"
  CHECK ("review_link" IS NULL OR "review_link" LIKE 'https://%');
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_click_count_check" CHECK ("click_count" >= 0);
