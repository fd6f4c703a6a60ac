-- Opening hours live in booking_settings.hours (copied there by the booking migration); the IVR,
-- the AI receptionist and online booking all read them from there.
-- AlterTable
ALTER TABLE "tenant_phone_configs" DROP COLUMN "business_hours";

-- ---------------------------------------------------------------------------------------------
-- Hand-written: every membership is a bookable staff member, whoever adds it (concierge set-up,
-- the seed, an invitation, a test fixture). The trigger runs with the inserting role's rights, so
-- row-level security still applies: a tenant transaction can only add its own tenant's bookable.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION memberships_add_bookable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    INSERT INTO "bookables" (tenant_id, id, kind, name, membership_id, position, updated_at)
    SELECT NEW.tenant_id, gen_random_uuid(), 'staff', u.name, NEW.id,
           COALESCE((SELECT max(b.position) + 1 FROM "bookables" b WHERE b.tenant_id = NEW.tenant_id), 0), now()
    FROM "users" u WHERE u.id = NEW.user_id
    ON CONFLICT (tenant_id, membership_id) DO NOTHING;
    RETURN NULL;
  END $$;

CREATE TRIGGER memberships_add_bookable AFTER INSERT ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION memberships_add_bookable();
