-- Call callbacks matched by CallSid (issue 11). Status, recording and transcription callbacks and a
-- forwarded call's child leg (ParentCallSid) belong to the tenant whose call has that sid, not to
-- whoever owns the `To` number (a recording callback has no `To` at all; a child leg's `To` is the
-- number we dialled). Like app_route_inbound, this SECURITY DEFINER function answers exactly one
-- question past RLS, "which tenant's call has this CallSid (else this RecordingSid)?" (with the
-- number it called, so the call is answered with that number's settings), and returns at most two
-- rows so the caller can refuse an ambiguous sid. search_path is pinned.

-- CreateIndex
CREATE INDEX "calls_call_sid_idx" ON "calls"("call_sid");

-- CreateIndex
CREATE INDEX "calls_recording_sid_idx" ON "calls"("recording_sid");

CREATE FUNCTION app_route_call_sid(p_call_sid text, p_recording_sid text)
  RETURNS TABLE (tenant_id text, call_sid text, to_number text, routed_by_fallback boolean)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    (SELECT c.tenant_id, c.call_sid, c.to_number, c.routed_by_fallback FROM public.calls c
      WHERE p_call_sid IS NOT NULL AND p_call_sid <> '' AND c.call_sid = p_call_sid
      LIMIT 2)
    UNION ALL
    (SELECT c.tenant_id, c.call_sid, c.to_number, c.routed_by_fallback FROM public.calls c
      WHERE p_recording_sid IS NOT NULL AND p_recording_sid <> '' AND c.recording_sid = p_recording_sid
        AND NOT EXISTS (SELECT 1 FROM public.calls x WHERE x.call_sid = p_call_sid)
      LIMIT 2)
    LIMIT 2
  $$;
REVOKE ALL ON FUNCTION app_route_call_sid(text, text) FROM PUBLIC;
