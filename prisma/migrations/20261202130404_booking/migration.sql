-- CreateEnum
CREATE TYPE "customer_source" AS ENUM ('sms', 'call', 'booking_page', 'import', 'staff', 'ai_agent', 'portal');

-- CreateEnum
CREATE TYPE "asset_kind" AS ENUM ('vehicle', 'pet', 'property');

-- CreateEnum
CREATE TYPE "bookable_kind" AS ENUM ('staff', 'crew', 'resource');

-- CreateEnum
CREATE TYPE "appointment_status" AS ENUM ('booked', 'confirmed', 'completed', 'cancelled', 'no_show');

-- CreateEnum
CREATE TYPE "actor_kind" AS ENUM ('staff', 'customer', 'ai_agent', 'import', 'system');

-- CreateEnum
CREATE TYPE "reminder_kind" AS ENUM ('confirmation', 'reminder');

-- CreateEnum
CREATE TYPE "reminder_status" AS ENUM ('scheduled', 'sent', 'skipped', 'cancelled');

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "address" TEXT,
ADD COLUMN     "alt_phones" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "last_seen_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_visit_at" TIMESTAMPTZ(3),
ADD COLUMN     "lifetime_spend_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "search_text" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sort_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "source" "customer_source" NOT NULL DEFAULT 'sms',
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "visit_count" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "asset_kind" "asset_kind",
ADD COLUMN     "booking_rules" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "quote_only" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "size_adjustments" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "assets" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "kind" "asset_kind" NOT NULL,
    "label" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "size_class" TEXT,
    "notes" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assets_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "booking_settings" (
    "tenant_id" TEXT NOT NULL,
    "hours" JSONB NOT NULL,
    "closed_dates" JSONB NOT NULL DEFAULT '[]',
    "slot_interval_minutes" INTEGER NOT NULL DEFAULT 30,
    "lead_time_minutes" INTEGER NOT NULL DEFAULT 120,
    "booking_window_days" INTEGER NOT NULL DEFAULT 60,
    "buffer_minutes" INTEGER NOT NULL DEFAULT 0,
    "max_concurrent" INTEGER,
    "online_booking_enabled" BOOLEAN NOT NULL DEFAULT true,
    "deposit_cents" INTEGER NOT NULL DEFAULT 0,
    "cancellation_window_hours" INTEGER NOT NULL DEFAULT 24,
    "cancellation_fee_cents" INTEGER NOT NULL DEFAULT 0,
    "reminder_offsets_minutes" INTEGER[] DEFAULT ARRAY[1440, 120]::INTEGER[],
    "quiet_hours_start" TEXT NOT NULL DEFAULT '21:00',
    "quiet_hours_end" TEXT NOT NULL DEFAULT '08:00',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "booking_settings_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "bookables" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "kind" "bookable_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "membership_id" UUID,
    "hours" JSONB,
    "color" TEXT NOT NULL DEFAULT '#2563eb',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bookables_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "time_off" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "bookable_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "time_off_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "appointments" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "asset_id" UUID,
    "bookable_id" UUID NOT NULL,
    "series_id" UUID,
    "add_on_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "blocks_until" TIMESTAMPTZ(3) NOT NULL,
    "status" "appointment_status" NOT NULL DEFAULT 'booked',
    "duration_minutes" INTEGER NOT NULL,
    "price_cents" INTEGER,
    "price_min_cents" INTEGER,
    "price_max_cents" INTEGER,
    "deposit_cents" INTEGER NOT NULL DEFAULT 0,
    "cancellation_fee_cents" INTEGER NOT NULL DEFAULT 0,
    "customer_notes" TEXT,
    "staff_notes" TEXT,
    "booked_by" "actor_kind" NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "appointments_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "appointment_events" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" "actor_kind" NOT NULL,
    "actor_user_id" UUID,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appointment_events_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "appointment_series" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "asset_id" UUID,
    "bookable_id" UUID NOT NULL,
    "add_on_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "interval_weeks" INTEGER NOT NULL,
    "first_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "until_date" TEXT,
    "ended_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "appointment_series_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "appointment_reminders" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "kind" "reminder_kind" NOT NULL,
    "for_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "offset_minutes" INTEGER NOT NULL DEFAULT 0,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "reminder_status" NOT NULL DEFAULT 'scheduled',
    "status_reason" TEXT,
    "message_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "appointment_reminders_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "assets_tenant_id_customer_id_idx" ON "assets"("tenant_id", "customer_id");

-- CreateIndex
CREATE INDEX "bookables_tenant_id_position_idx" ON "bookables"("tenant_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "bookables_tenant_id_membership_id_key" ON "bookables"("tenant_id", "membership_id");

-- CreateIndex
CREATE INDEX "time_off_tenant_id_bookable_id_starts_at_idx" ON "time_off"("tenant_id", "bookable_id", "starts_at");

-- CreateIndex
CREATE INDEX "appointments_tenant_id_starts_at_idx" ON "appointments"("tenant_id", "starts_at");

-- CreateIndex
CREATE INDEX "appointments_tenant_id_bookable_id_starts_at_idx" ON "appointments"("tenant_id", "bookable_id", "starts_at");

-- CreateIndex
CREATE INDEX "appointments_tenant_id_customer_id_starts_at_idx" ON "appointments"("tenant_id", "customer_id", "starts_at" DESC);

-- CreateIndex
CREATE INDEX "appointments_tenant_id_series_id_idx" ON "appointments"("tenant_id", "series_id");

-- CreateIndex
CREATE INDEX "appointment_events_tenant_id_appointment_id_created_at_idx" ON "appointment_events"("tenant_id", "appointment_id", "created_at");

-- CreateIndex
CREATE INDEX "appointment_reminders_tenant_id_status_due_at_idx" ON "appointment_reminders"("tenant_id", "status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "appointment_reminders_tenant_id_appointment_id_kind_for_sta_key" ON "appointment_reminders"("tenant_id", "appointment_id", "kind", "for_starts_at", "offset_minutes");

-- CreateIndex
CREATE INDEX "customers_tenant_id_sort_name_id_idx" ON "customers"("tenant_id", "sort_name", "id");

-- CreateIndex
CREATE INDEX "customers_tenant_id_last_visit_at_id_idx" ON "customers"("tenant_id", "last_visit_at", "id");

-- AddForeignKey
ALTER TABLE "assets" ADD CONSTRAINT "assets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assets" ADD CONSTRAINT "assets_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_settings" ADD CONSTRAINT "booking_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookables" ADD CONSTRAINT "bookables_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_tenant_id_bookable_id_fkey" FOREIGN KEY ("tenant_id", "bookable_id") REFERENCES "bookables"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_tenant_id_service_id_fkey" FOREIGN KEY ("tenant_id", "service_id") REFERENCES "services"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_tenant_id_asset_id_fkey" FOREIGN KEY ("tenant_id", "asset_id") REFERENCES "assets"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_tenant_id_bookable_id_fkey" FOREIGN KEY ("tenant_id", "bookable_id") REFERENCES "bookables"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_tenant_id_series_id_fkey" FOREIGN KEY ("tenant_id", "series_id") REFERENCES "appointment_series"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_tenant_id_appointment_id_fkey" FOREIGN KEY ("tenant_id", "appointment_id") REFERENCES "appointments"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_tenant_id_service_id_fkey" FOREIGN KEY ("tenant_id", "service_id") REFERENCES "services"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_tenant_id_bookable_id_fkey" FOREIGN KEY ("tenant_id", "bookable_id") REFERENCES "bookables"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_reminders" ADD CONSTRAINT "appointment_reminders_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_reminders" ADD CONSTRAINT "appointment_reminders_tenant_id_appointment_id_fkey" FOREIGN KEY ("tenant_id", "appointment_id") REFERENCES "appointments"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: extensions, row-level security, the double-booking guard, value checks, search,
-- and moving the opening hours from the phone numbers to the business.
-- ---------------------------------------------------------------------------------------------

-- Both are trusted extensions (a database owner may create them); PGlite loads them as contrib
-- modules (packages/db/src/client.ts).
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['assets', 'booking_settings', 'bookables', 'time_off', 'appointments',
                           'appointment_events', 'appointment_series', 'appointment_reminders'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;

-- The database itself refuses a double booking: no two live appointments on one bookable may
-- overlap (the range includes the buffer after the job). Cancelled ones free their time.
ALTER TABLE "appointments" ADD CONSTRAINT appointments_no_double_booking
  EXCLUDE USING gist (tenant_id WITH =, bookable_id WITH =, tstzrange(starts_at, blocks_until, '[)') WITH &&)
  WHERE (status <> 'cancelled');

ALTER TABLE "appointments" ADD CONSTRAINT appointments_times CHECK (starts_at < ends_at AND ends_at <= blocks_until);
ALTER TABLE "appointments" ADD CONSTRAINT appointments_duration_positive CHECK (duration_minutes > 0);
ALTER TABLE "appointments" ADD CONSTRAINT appointments_money_nonnegative CHECK (
  (price_cents IS NULL OR price_cents >= 0) AND (price_min_cents IS NULL OR price_min_cents >= 0)
  AND (price_max_cents IS NULL OR price_max_cents >= 0) AND deposit_cents >= 0 AND cancellation_fee_cents >= 0);
ALTER TABLE "time_off" ADD CONSTRAINT time_off_times CHECK (starts_at < ends_at);
ALTER TABLE "appointment_series" ADD CONSTRAINT appointment_series_interval CHECK (interval_weeks BETWEEN 1 AND 52);
ALTER TABLE "booking_settings" ADD CONSTRAINT booking_settings_ranges CHECK (
  slot_interval_minutes BETWEEN 5 AND 240 AND lead_time_minutes >= 0 AND booking_window_days BETWEEN 1 AND 730
  AND buffer_minutes BETWEEN 0 AND 480 AND (max_concurrent IS NULL OR max_concurrent >= 1)
  AND deposit_cents >= 0 AND cancellation_window_hours >= 0 AND cancellation_fee_cents >= 0);
ALTER TABLE "customers" ADD CONSTRAINT customers_lifetime_nonnegative CHECK (visit_count >= 0 AND lifetime_spend_cents >= 0);
ALTER TABLE "bookables" ADD CONSTRAINT bookables_staff_has_membership CHECK ((kind = 'staff') = (membership_id IS NOT NULL));

-- Customer search: substring match on name, email and phone digits, served by a trigram index.
CREATE INDEX customers_search_trgm ON "customers" USING gin (search_text gin_trgm_ops);

-- Existing customers get their sort and search keys.
UPDATE "customers" SET
  sort_name = COALESCE(lower(name), phone),
  search_text = lower(concat_ws(' ', name, email, regexp_replace(phone, '\D', '', 'g')));

-- Opening hours belong to the business now: each tenant's hours come from its first phone number
-- (the IVR reads booking_settings.hours from here on).
INSERT INTO "booking_settings" (tenant_id, hours, updated_at)
SELECT t.id,
       COALESCE((SELECT p.business_hours FROM "tenant_phone_configs" p WHERE p.tenant_id = t.id ORDER BY p.created_at LIMIT 1),
                '{"mon":[["08:00","18:00"]],"tue":[["08:00","18:00"]],"wed":[["08:00","18:00"]],"thu":[["08:00","18:00"]],"fri":[["08:00","18:00"]],"sat":[["09:00","14:00"]]}'::jsonb),
       now()
FROM "tenants" t;

-- Every existing staff member (membership) can be booked: one bookable each, named after the user.
INSERT INTO "bookables" (tenant_id, id, kind, name, membership_id, position, updated_at)
SELECT m.tenant_id, gen_random_uuid(), 'staff', u.name, m.id,
       (row_number() OVER (PARTITION BY m.tenant_id ORDER BY m.created_at))::int - 1, now()
FROM "memberships" m JOIN "users" u ON u.id = m.user_id;
