-- CreateTable
CREATE TABLE "customer_merges" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "survivor_id" UUID NOT NULL,
    "merged_id" UUID NOT NULL,
    "survivor_before" JSONB NOT NULL,
    "merged_before" JSONB NOT NULL,
    "survivor_after" JSONB NOT NULL,
    "moved" JSONB NOT NULL DEFAULT '{}',
    "rewritten" JSONB NOT NULL DEFAULT '{}',
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undone_at" TIMESTAMPTZ(3),
    "undone_by_user_id" UUID,

    CONSTRAINT "customer_merges_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "customer_duplicate_dismissals" (
    "tenant_id" TEXT NOT NULL,
    "customer_a_id" UUID NOT NULL,
    "customer_b_id" UUID NOT NULL,
    "dismissed_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_duplicate_dismissals_pkey" PRIMARY KEY ("tenant_id","customer_a_id","customer_b_id")
);

-- CreateIndex
CREATE INDEX "customer_merges_tenant_id_survivor_id_created_at_idx" ON "customer_merges"("tenant_id", "survivor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "customer_merges_tenant_id_merged_id_idx" ON "customer_merges"("tenant_id", "merged_id");

-- CreateIndex
CREATE INDEX "customer_merges_tenant_id_created_at_id_idx" ON "customer_merges"("tenant_id", "created_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "customer_merges" ADD CONSTRAINT "customer_merges_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_duplicate_dismissals" ADD CONSTRAINT "customer_duplicate_dismissals_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: tenant isolation (forced row-level security on app.tenant_id, as on every tenant
-- table), value checks, the points ledger's one permitted change, and the duplicate finder's keys.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['customer_merges', 'customer_duplicate_dismissals'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenant_id" = (SELECT app_current_tenant_id())) WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()))', t);
  END LOOP;
END $$;

ALTER TABLE "customer_merges" ADD CONSTRAINT customer_merges_two_customers CHECK (survivor_id <> merged_id);
ALTER TABLE "customer_duplicate_dismissals" ADD CONSTRAINT customer_duplicate_dismissals_ordered
  CHECK (customer_a_id < customer_b_id);

-- The points ledger stays append-only with two exceptions: a customer merge (and its undo) moves
-- entries between the two customers, changing customer_id and nothing else, inside a transaction
-- that declared it (app.customer_merge = 'on', set by packages/customer-master for that
-- transaction only; the app role may update that one column, grants in packages/db migrate.ts); and
-- the purge of a cancelled business (the retention migration's exception, kept here because this
-- replaces its function): DELETE as the platform role for the business named in app.purge_tenant_id.
CREATE OR REPLACE FUNCTION loyalty_entries_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('app.customer_merge', true) = 'on'
     AND (to_jsonb(NEW) - 'customer_id') = (to_jsonb(OLD) - 'customer_id') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND current_user = 'servicepro_platform'
     AND OLD."tenant_id" = NULLIF(current_setting('app.purge_tenant_id', true), '') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'loyalty_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

-- The duplicate finder's name key (packages/customer-master/src/matching.ts nameKey computes the
-- same; test/keys.test.ts compares them). ASCII letters and digits only, lower-cased with translate()
-- rather than lower(), so the database's locale cannot make the two disagree.
-- Name key: lower case, punctuation dropped, words in alphabetical order ("Smith, John" = "john smith").
CREATE FUNCTION customer_name_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT NULLIF(array_to_string(ARRAY(
    SELECT w FROM unnest(string_to_array(btrim(regexp_replace(translate(coalesce(name, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[^a-z0-9]+', ' ', 'g')), ' ')) AS w
    WHERE w <> '' ORDER BY w COLLATE "C"), ' '), '')
$$;

-- The finder joins customers on these (set-based, one tenant at a time). The name key is a stored
-- generated column: computed once when a name is written, not twice per customer per page (at
-- 100,000 customers, computing it in the join took seconds; a join on the stored key, milliseconds).
-- Not in schema.prisma: Prisma cannot write a generated column, and no code reads it but the finder.
ALTER TABLE customers ADD COLUMN name_key text GENERATED ALWAYS AS (customer_name_key(name)) STORED;
CREATE INDEX customers_email_key_idx ON customers (tenant_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX customers_name_key_idx ON customers (tenant_id, name_key) WHERE name_key IS NOT NULL;
