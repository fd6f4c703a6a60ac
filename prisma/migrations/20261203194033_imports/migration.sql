-- CreateEnum
CREATE TYPE "import_kind" AS ENUM ('customers', 'assets', 'appointments', 'messages', 'points');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('pending', 'uploaded', 'previewed', 'queued', 'running', 'completed', 'failed');

-- CreateTable
CREATE TABLE "imports" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "kind" "import_kind" NOT NULL,
    "preset" TEXT,
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "options" JSONB NOT NULL DEFAULT '{}',
    "file_name" TEXT NOT NULL,
    "file_size" INTEGER,
    "file_sha256" TEXT,
    "file_path" TEXT,
    "status" "import_status" NOT NULL DEFAULT 'pending',
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "created_count" INTEGER NOT NULL DEFAULT 0,
    "merged_count" INTEGER NOT NULL DEFAULT 0,
    "unchanged_count" INTEGER NOT NULL DEFAULT 0,
    "rejected_count" INTEGER NOT NULL DEFAULT 0,
    "review_count" INTEGER NOT NULL DEFAULT 0,
    "checkpoint" INTEGER NOT NULL DEFAULT 0,
    "preview" JSONB,
    "problems" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "imports_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "import_keys" (
    "tenant_id" TEXT NOT NULL,
    "kind" "import_kind" NOT NULL,
    "key" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "import_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_keys_pkey" PRIMARY KEY ("tenant_id","kind","key")
);

-- CreateIndex
CREATE INDEX "imports_tenant_id_created_at_id_idx" ON "imports"("tenant_id", "created_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_keys" ADD CONSTRAINT "import_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: tenant isolation, as on every tenant table (forced row-level security on
-- app.tenant_id), value checks, one running import per tenant, and the import's match indexes.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['imports', 'import_keys'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;

ALTER TABLE "imports" ADD CONSTRAINT "imports_counts_check" CHECK (
  "total_rows" >= 0 AND "processed_rows" >= 0 AND "created_count" >= 0 AND "merged_count" >= 0
  AND "unchanged_count" >= 0 AND "rejected_count" >= 0 AND "review_count" >= 0 AND "checkpoint" >= 0);

-- Not in schema.prisma (Prisma leaves partial indexes it did not create alone). One import queued or
-- running per business: a second `run` hits this and is refused with a plain 409 (packages/imports).
CREATE UNIQUE INDEX "imports_one_active_idx" ON "imports"("tenant_id") WHERE "status" IN ('queued', 'running');

-- An import matches customers on the case-folded email and on every phone (primary: the unique
-- index; others: alt_phones), a few thousand at a time.
CREATE INDEX "customers_email_lower_idx" ON "customers"("tenant_id", lower("email")) WHERE "email" IS NOT NULL;
CREATE INDEX "customers_alt_phones_idx" ON "customers" USING GIN ("alt_phones");
