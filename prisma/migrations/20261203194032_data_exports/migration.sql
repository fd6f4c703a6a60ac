-- CreateEnum
CREATE TYPE "data_export_status" AS ENUM ('queued', 'running', 'ready', 'failed', 'expired');

-- CreateTable
CREATE TABLE "data_exports" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "status" "data_export_status" NOT NULL DEFAULT 'queued',
    "requested_by_user_id" UUID,
    "requested_by_platform" BOOLEAN NOT NULL DEFAULT false,
    "rows_written" INTEGER NOT NULL DEFAULT 0,
    "rows_total" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT,
    "sha256" TEXT,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "ready_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_exports_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "data_exports_tenant_id_created_at_idx" ON "data_exports"("tenant_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: tenant isolation, as on every tenant table (forced row-level security on
-- app.tenant_id), and the value checks.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE "data_exports" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "data_exports" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "data_exports"
  USING ("tenant_id" = (SELECT app_current_tenant_id()))
  WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()));

ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_rows_check"
  CHECK ("rows_written" >= 0 AND "rows_total" >= 0);
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_token_hash_check" CHECK ("token_hash" ~ '^[0-9a-f]{64}$');
