-- 20261203061314_session_change_feed: hand-written SQL.
-- Created with `prisma-migrate new session_change_feed --allow-empty` while schema.prisma and the migrations were in sync.
--
-- The session cache (packages/api/src/identity/session-cache.ts) keeps each signed-in browser's
-- resolved session in memory, in every server process. These triggers tell every process, with a
-- NOTIFY on servicepro_sessions, that something a cached session carries has changed, so it is
-- dropped before the next request is answered from it:
--   - the session row: sign-out and expiry (DELETE), rotation (the old id is deleted), impersonation
--     start, stop or expiry (UPDATE). Refreshing last_seen_at alone notifies nothing: the cache
--     keeps its own (older) copy, and only ever serves a session that copy says is still active;
--   - its user: disabled, renamed, made or unmade platform owner ('user:<id>');
--   - the user's memberships: added, removed, role changed ('user:<id>');
--   - the tenant it works in: renamed, plan or status changed, deleted ('tenant:<id>');
--   - TRUNCATE of any of these tables: '*' (everything).
-- PostgreSQL sends a notification when the writing transaction commits, never when it rolls back.

CREATE FUNCTION app_notify_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('servicepro_sessions', OLD.id);
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_notify_deleted AFTER DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION app_notify_session_changed();

CREATE TRIGGER sessions_notify_updated AFTER UPDATE ON "sessions"
  FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at'))
  EXECUTE FUNCTION app_notify_session_changed();

CREATE FUNCTION app_notify_session_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('servicepro_sessions', 'user:' || OLD.id);
  RETURN NULL;
END $$;

CREATE TRIGGER users_notify_sessions AFTER UPDATE ON "users"
  FOR EACH ROW
  WHEN (
    OLD.email IS DISTINCT FROM NEW.email
    OR OLD.name IS DISTINCT FROM NEW.name
    OR OLD.is_platform_owner IS DISTINCT FROM NEW.is_platform_owner
    OR OLD.disabled_at IS DISTINCT FROM NEW.disabled_at
  )
  EXECUTE FUNCTION app_notify_session_user_changed();

CREATE FUNCTION app_notify_session_membership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Identical payloads in one transaction are delivered once, so an update notifies one user once.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('servicepro_sessions', 'user:' || OLD.user_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('servicepro_sessions', 'user:' || NEW.user_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER memberships_notify_sessions AFTER INSERT OR UPDATE OR DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION app_notify_session_membership_changed();

CREATE FUNCTION app_notify_session_tenant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('servicepro_sessions', 'tenant:' || OLD.id);
  RETURN NULL;
END $$;

CREATE TRIGGER tenants_notify_sessions_updated AFTER UPDATE ON "tenants"
  FOR EACH ROW
  WHEN (
    OLD.name IS DISTINCT FROM NEW.name
    OR OLD.plan_tier IS DISTINCT FROM NEW.plan_tier
    OR OLD.status IS DISTINCT FROM NEW.status
  )
  EXECUTE FUNCTION app_notify_session_tenant_changed();

CREATE TRIGGER tenants_notify_sessions_deleted AFTER DELETE ON "tenants"
  FOR EACH ROW EXECUTE FUNCTION app_notify_session_tenant_changed();

CREATE FUNCTION app_notify_sessions_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('servicepro_sessions', '*');
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_notify_truncated AFTER TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION app_notify_sessions_truncated();
CREATE TRIGGER users_notify_sessions_truncated AFTER TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION app_notify_sessions_truncated();
CREATE TRIGGER memberships_notify_sessions_truncated AFTER TRUNCATE ON "memberships"
  FOR EACH STATEMENT EXECUTE FUNCTION app_notify_sessions_truncated();
CREATE TRIGGER tenants_notify_sessions_truncated AFTER TRUNCATE ON "tenants"
  FOR EACH STATEMENT EXECUTE FUNCTION app_notify_sessions_truncated();
