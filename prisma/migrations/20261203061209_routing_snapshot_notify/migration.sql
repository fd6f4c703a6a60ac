-- The routing snapshot (@servicepro/routing) keeps, in every process, which tenant owns each of our
-- numbers and what a call to it is answered with (the tenant, the number's phone config, the
-- business hours, the FAQs). These triggers tell every process, through LISTEN/NOTIFY on
-- 'servicepro_routing', what to drop after a change commits. Payloads:
--   '+15555550100'      a number's route and its IVR context;
--   'service:<sid>'     routes matched (or missed) through that Messaging Service;
--   'tenant:<id>'       the IVR context of every number of that tenant (and of the fallback);
--   '*'                 everything (TRUNCATE).
-- pg_notify needs no privilege and reads only OLD/NEW, so the functions run as the writer
-- (SECURITY INVOKER): nothing here reads past row-level security.

CREATE FUNCTION routing_notify_phone_config() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('servicepro_routing', OLD.phone_number);
    PERFORM pg_notify('servicepro_routing', 'tenant:' || OLD.tenant_id);
    IF OLD.messaging_service_sid IS NOT NULL THEN
      PERFORM pg_notify('servicepro_routing', 'service:' || OLD.messaging_service_sid);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('servicepro_routing', NEW.phone_number);
    PERFORM pg_notify('servicepro_routing', 'tenant:' || NEW.tenant_id);
    IF NEW.messaging_service_sid IS NOT NULL THEN
      PERFORM pg_notify('servicepro_routing', 'service:' || NEW.messaging_service_sid);
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER tenant_phone_configs_routing_notify
  AFTER INSERT OR UPDATE OR DELETE ON "tenant_phone_configs"
  FOR EACH ROW EXECUTE FUNCTION routing_notify_phone_config();

-- Business hours (booking settings) and FAQs are per tenant: every number of it answers with them.
CREATE FUNCTION routing_notify_tenant_row() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('servicepro_routing', 'tenant:' || OLD.tenant_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('servicepro_routing', 'tenant:' || NEW.tenant_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER booking_settings_routing_notify
  AFTER INSERT OR UPDATE OR DELETE ON "booking_settings"
  FOR EACH ROW EXECUTE FUNCTION routing_notify_tenant_row();
CREATE TRIGGER faqs_routing_notify
  AFTER INSERT OR UPDATE OR DELETE ON "faqs"
  FOR EACH ROW EXECUTE FUNCTION routing_notify_tenant_row();

-- A call reads the tenant's name, slug, plan, status and time zone; other tenant columns change
-- more often (contact details, billing) and do not concern the snapshot.
CREATE FUNCTION routing_notify_tenant() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('servicepro_routing', 'tenant:' || NEW.id);
  RETURN NULL;
END $$;

CREATE TRIGGER tenants_routing_notify
  AFTER UPDATE ON "tenants"
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug
    OR OLD.plan_tier IS DISTINCT FROM NEW.plan_tier OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.timezone IS DISTINCT FROM NEW.timezone OR OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION routing_notify_tenant();

-- TRUNCATE fires no row triggers: drop everything.
CREATE FUNCTION routing_notify_all() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('servicepro_routing', '*');
  RETURN NULL;
END $$;

CREATE TRIGGER tenant_phone_configs_routing_truncate
  AFTER TRUNCATE ON "tenant_phone_configs" FOR EACH STATEMENT EXECUTE FUNCTION routing_notify_all();
CREATE TRIGGER booking_settings_routing_truncate
  AFTER TRUNCATE ON "booking_settings" FOR EACH STATEMENT EXECUTE FUNCTION routing_notify_all();
CREATE TRIGGER faqs_routing_truncate
  AFTER TRUNCATE ON "faqs" FOR EACH STATEMENT EXECUTE FUNCTION routing_notify_all();
CREATE TRIGGER tenants_routing_truncate
  AFTER TRUNCATE ON "tenants" FOR EACH STATEMENT EXECUTE FUNCTION routing_notify_all();

-- app_route_inbound as plpgsql, same answer and privileges. As a SQL-language SECURITY DEFINER
-- function with SET search_path it could not be inlined and was planned afresh on every call
-- (about 155 µs); plpgsql caches its statements' plans for the session (about 23 µs).
-- A number match is authoritative; a Messaging Service match counts only when no config has the number.
CREATE OR REPLACE FUNCTION app_route_inbound(p_called text, p_service text)
  RETURNS TABLE (tenant_id text, phone_number text, matched_by text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY SELECT c.tenant_id, c.phone_number, 'number'::text FROM public.tenant_phone_configs c
    WHERE c.phone_number = p_called LIMIT 1;
  IF FOUND OR p_service IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT c.tenant_id, c.phone_number, 'messaging_service'::text FROM public.tenant_phone_configs c
    WHERE c.messaging_service_sid = p_service
    ORDER BY c.created_at LIMIT 1;
END $$;
REVOKE ALL ON FUNCTION app_route_inbound(text, text) FROM PUBLIC;
