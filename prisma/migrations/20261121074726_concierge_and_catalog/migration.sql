-- AlterTable
ALTER TABLE "faqs" ADD COLUMN     "edited_at" TIMESTAMPTZ(3),
ADD COLUMN     "pack_item_id" TEXT;

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "contact_email" TEXT,
ADD COLUMN     "contact_name" TEXT,
ADD COLUMN     "contact_phone" TEXT;

-- CreateTable
CREATE TABLE "services" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "price_cents" INTEGER,
    "price_min_cents" INTEGER,
    "price_max_cents" INTEGER,
    "price_depends_on" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "pack_item_id" TEXT,
    "edited_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "services_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "add_ons" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "service_ids" UUID[],
    "offer_when" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "pack_item_id" TEXT,
    "edited_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "add_ons_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "pack_installs" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "pack_id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "installed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pack_installs_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "website_drafts" (
    "tenant_id" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "pack_id" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "website_drafts_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "onboarding_tokens" (
    "id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "target_tenant_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "onboarding_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provisioning_requests" (
    "idempotency_key" UUID NOT NULL,
    "actor_user_id" UUID NOT NULL,
    "request_hash" TEXT NOT NULL,
    "target_tenant_id" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provisioning_requests_pkey" PRIMARY KEY ("idempotency_key")
);

-- CreateIndex
CREATE INDEX "services_tenant_id_position_idx" ON "services"("tenant_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "services_tenant_id_pack_item_id_key" ON "services"("tenant_id", "pack_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "add_ons_tenant_id_pack_item_id_key" ON "add_ons"("tenant_id", "pack_item_id");

-- CreateIndex
CREATE INDEX "pack_installs_tenant_id_installed_at_idx" ON "pack_installs"("tenant_id", "installed_at" DESC);

-- CreateIndex
CREATE INDEX "onboarding_tokens_user_id_idx" ON "onboarding_tokens"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "faqs_tenant_id_pack_item_id_key" ON "faqs"("tenant_id", "pack_item_id");

-- AddForeignKey
ALTER TABLE "services" ADD CONSTRAINT "services_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "add_ons" ADD CONSTRAINT "add_ons_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pack_installs" ADD CONSTRAINT "pack_installs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "website_drafts" ADD CONSTRAINT "website_drafts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "onboarding_tokens" ADD CONSTRAINT "onboarding_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: row-level security for the new tenant tables, and value checks the app also
-- validates (the database refuses a half-valid row even from a buggy caller).
-- ---------------------------------------------------------------------------------------------

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['services', 'add_ons', 'pack_installs', 'website_drafts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;

ALTER TABLE "services" ADD CONSTRAINT services_duration_positive CHECK (duration_minutes > 0 AND duration_minutes % 5 = 0);
ALTER TABLE "services" ADD CONSTRAINT services_price_shape CHECK (
  (price_cents IS NOT NULL AND price_cents >= 0 AND price_min_cents IS NULL AND price_max_cents IS NULL)
  OR (price_cents IS NULL AND price_min_cents >= 0 AND price_max_cents > price_min_cents)
  OR (price_cents IS NULL AND price_min_cents IS NULL AND price_max_cents IS NULL));
ALTER TABLE "add_ons" ADD CONSTRAINT add_ons_duration_nonnegative CHECK (duration_minutes >= 0 AND duration_minutes % 5 = 0);
ALTER TABLE "add_ons" ADD CONSTRAINT add_ons_price_nonnegative CHECK (price_cents >= 0);
