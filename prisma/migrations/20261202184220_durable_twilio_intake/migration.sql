-- CreateEnum
CREATE TYPE "twilio_event_kind" AS ENUM ('sms_incoming', 'sms_status', 'voice_incoming');

-- CreateTable
CREATE TABLE "twilio_events" (
    "tenant_id" TEXT NOT NULL,
    "kind" "twilio_event_kind" NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "order_key" TEXT NOT NULL,
    "from_number" TEXT,
    "params" JSONB NOT NULL,
    "query" JSONB NOT NULL DEFAULT '{}',
    "route" JSONB NOT NULL DEFAULT '{}',
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leased_until" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "failed_at" TIMESTAMPTZ(3),

    CONSTRAINT "twilio_events_pkey" PRIMARY KEY ("tenant_id","kind","dedupe_key")
);

-- CreateIndex
CREATE INDEX "twilio_events_seq_idx" ON "twilio_events"("seq");

-- CreateIndex
CREATE INDEX "twilio_events_order_key_seq_idx" ON "twilio_events"("order_key", "seq");

-- CreateIndex
CREATE INDEX "twilio_events_tenant_id_from_number_idx" ON "twilio_events"("tenant_id", "from_number");

-- AddForeignKey
ALTER TABLE "twilio_events" ADD CONSTRAINT "twilio_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation, as on every tenant table: forced row-level security on app.tenant_id.
ALTER TABLE "twilio_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "twilio_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "twilio_events"
  USING ("tenant_id" = (SELECT app_current_tenant_id()))
  WITH CHECK ("tenant_id" = (SELECT app_current_tenant_id()));

-- Staging, the acknowledgement's one statement: every webhook that arrived in one event-loop turn,
-- for any number of tenants, committed together (group commit). SECURITY INVOKER: it runs as the app
-- role, and each tenant's rows are inserted with app.tenant_id set to that tenant, so the policy's
-- WITH CHECK applies to every row exactly as for a tenant transaction. A redelivery (the same
-- tenant, kind and key) is skipped by the primary key. Workers in other processes are woken by the
-- notification; the setting is cleared before returning.
CREATE FUNCTION app_stage_twilio_events(p_events jsonb) RETURNS integer
  LANGUAGE plpgsql VOLATILE
  AS $$
DECLARE
  v_tenant text;
  v_count integer;
  v_staged integer := 0;
BEGIN
  FOR v_tenant IN SELECT DISTINCT e->>'tenantId' FROM jsonb_array_elements(p_events) AS e LOOP
    PERFORM set_config('app.tenant_id', v_tenant, true);
    INSERT INTO twilio_events (tenant_id, kind, dedupe_key, order_key, from_number, params, query, route)
      SELECT x."tenantId", x.kind::twilio_event_kind, x."dedupeKey", x."orderKey", x."fromNumber", x.params,
             coalesce(x.query, '{}'::jsonb), coalesce(x.route, '{}'::jsonb)
        FROM jsonb_to_recordset(p_events)
          AS x("tenantId" text, kind text, "dedupeKey" text, "orderKey" text, "fromNumber" text, params jsonb,
               query jsonb, route jsonb)
       WHERE x."tenantId" = v_tenant
      ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    v_staged := v_staged + v_count;
    IF v_count > 0 THEN
      PERFORM pg_notify('servicepro_intake', v_tenant);
    END IF;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
  RETURN v_staged;
END $$;
REVOKE ALL ON FUNCTION app_stage_twilio_events(jsonb) FROM PUBLIC;

-- Workers take events across tenants, so, like app_route_inbound, this narrow SECURITY DEFINER
-- function answers one thing: "the next events ready to apply". It leases them (another worker
-- takes them if the lease runs out: the worker died) and counts the attempt. An event waits while
-- an earlier event with the same order key is still pending (leased or not), so one conversation's
-- texts and one call's events are applied in arrival order by however many workers run; an event
-- given up on (failed_at) no longer blocks its successors.
CREATE FUNCTION app_claim_twilio_events(p_limit integer, p_lease_seconds integer)
  RETURNS TABLE (tenant_id text, kind text, dedupe_key text, seq bigint, params jsonb, query jsonb,
                 route jsonb, attempts integer, received_at timestamptz)
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    WITH ready AS (
      SELECT e.tenant_id, e.kind, e.dedupe_key FROM public.twilio_events e
       WHERE e.failed_at IS NULL
         AND (e.leased_until IS NULL OR e.leased_until < now())
         AND NOT EXISTS (SELECT 1 FROM public.twilio_events p
                          WHERE p.order_key = e.order_key AND p.seq < e.seq AND p.failed_at IS NULL)
       ORDER BY e.seq
       LIMIT p_limit
       FOR UPDATE SKIP LOCKED
    )
    UPDATE public.twilio_events t
       SET leased_until = now() + make_interval(secs => p_lease_seconds), attempts = t.attempts + 1
      FROM ready
     WHERE t.tenant_id = ready.tenant_id AND t.kind = ready.kind AND t.dedupe_key = ready.dedupe_key
    RETURNING t.tenant_id, t.kind::text, t.dedupe_key, t.seq, t.params, t.query, t.route, t.attempts, t.received_at
  $$;
REVOKE ALL ON FUNCTION app_claim_twilio_events(integer, integer) FROM PUBLIC;
