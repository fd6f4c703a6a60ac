-- Status callbacks matched by MessageSid alone (issue 11): the query string our sender adds
-- (?t=<tenant>&m=<message>) is a hint. Without it, or when it is wrong, the webhook has to find the
-- message by Twilio's SID across tenants. Like app_route_inbound, this SECURITY DEFINER function
-- answers one narrow question ("which tenant's outbound message has this SID?") so webhook code
-- never needs the platform role; search_path is pinned so it cannot be hijacked.

-- CreateIndex (the unique index leads with tenant_id, so a lookup by SID alone needs its own)
CREATE INDEX "messages_twilio_sid_idx" ON "messages"("twilio_sid");

-- Twilio SIDs are unique across accounts, so more than one row means a forged or corrupt SID:
-- at most two rows come back, and the caller treats two as ambiguous.
CREATE FUNCTION app_route_message_sid(p_sid text)
  RETURNS TABLE (tenant_id text, message_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT m.tenant_id, m.id FROM public.messages m
      WHERE p_sid IS NOT NULL AND p_sid <> '' AND m.twilio_sid = p_sid AND m.direction = 'outbound'
      LIMIT 2
  $$;
REVOKE ALL ON FUNCTION app_route_message_sid(text) FROM PUBLIC;
