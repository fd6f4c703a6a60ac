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

-- The points ledger stays append-only with one exception: a customer merge (and its undo) moves
-- entries between the two customers, changing customer_id and nothing else, inside a transaction
-- that declared it (app.customer_merge = 'on', set by packages/customer-master for that
-- transaction only). The app role may update that one column (grants in packages/db migrate.ts).
CREATE OR REPLACE FUNCTION loyalty_entries_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('app.customer_merge', true) = 'on'
     AND (to_jsonb(NEW) - 'customer_id') = (to_jsonb(OLD) - 'customer_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'loyalty_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

-- The duplicate finder's keys (packages/customer-master/src/matching.ts computes the same ones;
-- its test compares them with these). ASCII letters and digits only, lower-cased with translate()
-- rather than lower(), so the database's locale cannot make the two disagree.
-- Name key: lower case, punctuation dropped, words in alphabetical order ("Smith, John" = "john smith").
CREATE FUNCTION customer_name_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT NULLIF(array_to_string(ARRAY(
    SELECT w FROM unnest(string_to_array(btrim(regexp_replace(translate(coalesce(name, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[^a-z0-9]+', ' ', 'g')), ' ')) AS w
    WHERE w <> '' ORDER BY w COLLATE "C"), ' '), '')
$$;

-- Street key: lower case, punctuation dropped, the usual street words abbreviated ("12 Oak Street." = "12 oak st").
CREATE FUNCTION customer_street_key(address text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT NULLIF(array_to_string(ARRAY(
    SELECT CASE w
      WHEN 'street' THEN 'st' WHEN 'avenue' THEN 'ave' WHEN 'av' THEN 'ave' WHEN 'road' THEN 'rd'
      WHEN 'drive' THEN 'dr' WHEN 'lane' THEN 'ln' WHEN 'boulevard' THEN 'blvd' WHEN 'court' THEN 'ct'
      WHEN 'place' THEN 'pl' WHEN 'terrace' THEN 'ter' WHEN 'highway' THEN 'hwy' WHEN 'parkway' THEN 'pkwy'
      WHEN 'circle' THEN 'cir' WHEN 'square' THEN 'sq' WHEN 'apartment' THEN 'apt' WHEN 'suite' THEN 'ste'
      WHEN 'north' THEN 'n' WHEN 'south' THEN 's' WHEN 'east' THEN 'e' WHEN 'west' THEN 'w'
      ELSE w END
    FROM unnest(string_to_array(btrim(regexp_replace(translate(coalesce(address, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[^a-z0-9]+', ' ', 'g')), ' '))
         WITH ORDINALITY AS t(w, n)
    WHERE w <> '' ORDER BY n), ' '), '')
$$;

-- The finder joins customers on these (set-based, one tenant at a time).
CREATE INDEX customers_email_key_idx ON customers (tenant_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX customers_name_key_idx ON customers (tenant_id, customer_name_key(name)) WHERE name IS NOT NULL;
