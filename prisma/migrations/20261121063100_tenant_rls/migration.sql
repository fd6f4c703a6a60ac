-- Hand-written: tenant isolation in PostgreSQL (docs/tenancy.md).
--
-- Every table with a tenant_id column gets row-level security, ENABLEd and FORCEd (so even the
-- table owner is subject to it), with one policy whose USING and WITH CHECK both compare the row's
-- tenant with the transaction-local setting app.tenant_id. With no tenant set the setting is NULL
-- or '' and the policy matches nothing: a query that forgets its tenant sees no rows at all.
-- Roles and grants are applied by the migration runner after every run (packages/db/src/migrate.ts).

-- The settings the policies read. NULLIF: after a transaction that used set_config(..., true),
-- current_setting(..., true) returns '' rather than NULL for the rest of the session.
CREATE FUNCTION app_current_tenant_id() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '') $$;

CREATE FUNCTION app_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

-- tenants: a tenant sees its own row. `(SELECT fn())` is evaluated once per statement, not per row.
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenants"
  USING ("id" = (SELECT app_current_tenant_id()))
  WITH CHECK ("id" = (SELECT app_current_tenant_id()));

-- memberships: tenant-owned; a signed-in user may also read their own memberships (sign-in needs
-- to find which businesses a user belongs to before a tenant is chosen).
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "memberships"
  USING ("tenant_id" = (SELECT app_current_tenant_id()))
  WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()));
CREATE POLICY own_memberships_read ON "memberships" FOR SELECT
  USING ("user_id" = (SELECT app_current_user_id()));

-- ...and the tenants those memberships point to (read only).
CREATE POLICY member_tenants_read ON "tenants" FOR SELECT
  USING (EXISTS (
    SELECT 1 FROM "memberships" m
    WHERE m."tenant_id" = "tenants"."id" AND m."user_id" = (SELECT app_current_user_id())
  ));

-- The audit trail is append-only for every role, the owner included (grants alone do not bind owners).
CREATE FUNCTION audit_logs_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege'; END $$;

CREATE TRIGGER audit_logs_append_only
  BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
CREATE TRIGGER audit_logs_no_truncate
  BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();
