-- The customer portal and loyalty (issue 14): customer sessions (own cookie, one tenant, one
-- customer), sign-in codes and links (hashes only), the shared rate-limit counters, and the loyalty
-- programme: settings, rewards, an append-only points ledger with the balance kept on the customer,
-- and redemptions applied to the next appointment.

-- AlterEnum
ALTER TYPE "consent_source" ADD VALUE 'portal';

-- CreateEnum
CREATE TYPE "portal_challenge_kind" AS ENUM ('code', 'link');

-- CreateEnum
CREATE TYPE "loyalty_reward_kind" AS ENUM ('money_off', 'free_add_on');

-- CreateEnum
CREATE TYPE "loyalty_entry_kind" AS ENUM ('visit', 'review_bonus', 'referral_bonus', 'redeem', 'refund', 'adjust', 'expire');

-- CreateEnum
CREATE TYPE "loyalty_redemption_status" AS ENUM ('open', 'applied', 'cancelled');

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "points_balance" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "points_earned" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "booking_settings" ADD COLUMN "late_changes_online" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "appointments" ADD COLUMN "late_change_fee_cents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "customer_sessions" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "customer_id" UUID NOT NULL,
    "remember" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "customer_sessions_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "portal_challenges" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "kind" "portal_challenge_kind" NOT NULL,
    "customer_id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "browser_hash" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "portal_challenges_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "loyalty_settings" (
    "tenant_id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "points_per_dollar" INTEGER NOT NULL DEFAULT 1,
    "points_per_visit" INTEGER NOT NULL DEFAULT 0,
    "review_bonus" INTEGER NOT NULL DEFAULT 0,
    "referral_bonus" INTEGER NOT NULL DEFAULT 0,
    "expiry_months" INTEGER,
    "tiers" JSONB NOT NULL DEFAULT '[]',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "loyalty_settings_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "loyalty_rewards" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "loyalty_reward_kind" NOT NULL,
    "points_cost" INTEGER NOT NULL,
    "amount_cents" INTEGER,
    "add_on_id" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "loyalty_rewards_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "loyalty_entries" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "kind" "loyalty_entry_kind" NOT NULL,
    "points" INTEGER NOT NULL,
    "balance_after" INTEGER NOT NULL,
    "appointment_id" UUID,
    "redemption_id" UUID,
    "reason" TEXT,
    "actor_kind" "actor_kind" NOT NULL,
    "actor_user_id" UUID,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loyalty_entries_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "loyalty_redemptions" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "reward_id" UUID NOT NULL,
    "reward_name" TEXT NOT NULL,
    "kind" "loyalty_reward_kind" NOT NULL,
    "amount_cents" INTEGER,
    "add_on_id" UUID,
    "points_cost" INTEGER NOT NULL,
    "status" "loyalty_redemption_status" NOT NULL DEFAULT 'open',
    "appointment_id" UUID,
    "actor_kind" "actor_kind" NOT NULL,
    "actor_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "loyalty_redemptions_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "customer_sessions_tenant_id_customer_id_idx" ON "customer_sessions"("tenant_id", "customer_id");

-- CreateIndex
CREATE INDEX "portal_challenges_tenant_id_phone_created_at_idx" ON "portal_challenges"("tenant_id", "phone", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "portal_challenges_tenant_id_secret_hash_key" ON "portal_challenges"("tenant_id", "secret_hash");

-- CreateIndex
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits"("expire");

-- CreateIndex
CREATE INDEX "loyalty_entries_tenant_id_customer_id_created_at_idx" ON "loyalty_entries"("tenant_id", "customer_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "loyalty_entries_tenant_id_idempotency_key_key" ON "loyalty_entries"("tenant_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "loyalty_redemptions_tenant_id_customer_id_status_idx" ON "loyalty_redemptions"("tenant_id", "customer_id", "status");

-- CreateIndex
CREATE INDEX "loyalty_redemptions_tenant_id_appointment_id_idx" ON "loyalty_redemptions"("tenant_id", "appointment_id");

-- AddForeignKey
ALTER TABLE "customer_sessions" ADD CONSTRAINT "customer_sessions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_sessions" ADD CONSTRAINT "customer_sessions_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_challenges" ADD CONSTRAINT "portal_challenges_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loyalty_settings" ADD CONSTRAINT "loyalty_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loyalty_rewards" ADD CONSTRAINT "loyalty_rewards_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_tenant_id_reward_id_fkey" FOREIGN KEY ("tenant_id", "reward_id") REFERENCES "loyalty_rewards"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: tenant isolation, as on every tenant table (forced row-level security on
-- app.tenant_id), and value checks. rate_limits is not a tenant table: its keys are hashes.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['customer_sessions', 'portal_challenges', 'loyalty_settings', 'loyalty_rewards',
                           'loyalty_entries', 'loyalty_redemptions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;

-- A redemption takes points with one guarded UPDATE; the balance can never go below zero, so two
-- redemptions racing for the same points cannot both win.
ALTER TABLE "appointments" ADD CONSTRAINT appointments_late_change_fee_nonnegative CHECK (late_change_fee_cents >= 0);
ALTER TABLE "customers" ADD CONSTRAINT customers_points_balance_nonnegative CHECK (points_balance >= 0);
ALTER TABLE "customers" ADD CONSTRAINT customers_points_earned_nonnegative CHECK (points_earned >= 0);
ALTER TABLE "loyalty_entries" ADD CONSTRAINT loyalty_entries_points_nonzero CHECK (points <> 0 AND balance_after >= 0);
ALTER TABLE "loyalty_settings" ADD CONSTRAINT loyalty_settings_ranges CHECK (
  points_per_dollar BETWEEN 0 AND 1000 AND points_per_visit BETWEEN 0 AND 100000
  AND review_bonus BETWEEN 0 AND 100000 AND referral_bonus BETWEEN 0 AND 100000
  AND (expiry_months IS NULL OR expiry_months BETWEEN 1 AND 120));
ALTER TABLE "loyalty_rewards" ADD CONSTRAINT loyalty_rewards_shape CHECK (
  points_cost > 0 AND (
    (kind = 'money_off' AND amount_cents IS NOT NULL AND amount_cents > 0 AND add_on_id IS NULL) OR
    (kind = 'free_add_on' AND add_on_id IS NOT NULL AND amount_cents IS NULL)));
ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT loyalty_redemptions_state CHECK (
  points_cost > 0 AND
  (status <> 'applied' OR appointment_id IS NOT NULL) AND
  (status <> 'cancelled' OR cancelled_at IS NOT NULL));
ALTER TABLE "portal_challenges" ADD CONSTRAINT portal_challenges_shape CHECK (
  channel IN ('sms', 'email') AND attempts >= 0 AND (kind = 'link' OR browser_hash IS NULL));

-- The points ledger is append-only, like the consent ledger: a correction is a new entry.
CREATE FUNCTION loyalty_entries_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'loyalty_entries is append-only' USING ERRCODE = 'insufficient_privilege'; END $$;
CREATE TRIGGER loyalty_entries_append_only
  BEFORE UPDATE OR DELETE ON "loyalty_entries"
  FOR EACH ROW EXECUTE FUNCTION loyalty_entries_append_only();
