-- Hand-written: customer search that can use its trigram index under row-level security.
--
-- With RLS on, PostgreSQL evaluates a query's own conditions only after the policy's, unless the
-- condition's functions are LEAKPROOF. LIKE and array containment are not, so as the app role a
-- search or tag filter can never drive an index: it walks the tenant's customers in name order and
-- tests each (measured: 0.15x the no-op procedure on 100,000 customers). This function answers one
-- narrow question, "which customer ids of the CURRENT tenant (app.tenant_id) make this page of this
-- search", as the migration owner, so the planner may pick the trigram index. The caller then reads
-- the rows by id under RLS as usual, so isolation is enforced twice. search_path is pinned.
CREATE FUNCTION app_customer_page(
  p_pattern text, p_tag text, p_visit text, p_since timestamptz,
  p_after_sort text, p_after_id uuid, p_limit integer)
  RETURNS TABLE (id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  v_tenant text := app_current_tenant_id();
  v_sql text := 'SELECT c.id FROM public.customers c WHERE c.tenant_id = $1';
BEGIN
  IF v_tenant IS NULL OR p_limit IS NULL OR p_limit < 1 OR p_limit > 101 THEN
    RETURN;
  END IF;
  IF p_pattern IS NOT NULL THEN v_sql := v_sql || ' AND c.search_text LIKE $2'; END IF;
  IF p_tag IS NOT NULL THEN v_sql := v_sql || ' AND c.tags @> ARRAY[$3]::text[]'; END IF;
  IF p_visit = 'never' THEN v_sql := v_sql || ' AND c.last_visit_at IS NULL';
  ELSIF p_visit = 'before' THEN v_sql := v_sql || ' AND c.last_visit_at < $4';
  ELSIF p_visit = 'since' THEN v_sql := v_sql || ' AND c.last_visit_at >= $4';
  END IF;
  IF p_after_sort IS NOT NULL THEN v_sql := v_sql || ' AND (c.sort_name, c.id) > ($5, $6)'; END IF;
  -- With a term of 3 or more characters the trigram index finds the matches and the page is a top-N
  -- sort of them. Left to itself the planner walks the name index instead, expecting matches to be
  -- spread evenly through the alphabet; they rarely are (a surname search starts where the surname
  -- sorts: measured 226 ms against 14 ms on 100,000 customers). `sort_name || ''` sorts the same
  -- but cannot be read from that index. Shorter terms have no trigrams: the walk is the only way.
  IF p_pattern IS NOT NULL AND length(p_pattern) >= 5 THEN
    v_sql := v_sql || ' ORDER BY c.sort_name || '''', c.id LIMIT $7';
  ELSE
    v_sql := v_sql || ' ORDER BY c.sort_name, c.id LIMIT $7';
  END IF;
  RETURN QUERY EXECUTE v_sql USING v_tenant, p_pattern, p_tag, p_since, p_after_sort, p_after_id, p_limit;
END $$;
REVOKE ALL ON FUNCTION app_customer_page(text, text, text, timestamptz, text, uuid, integer) FROM PUBLIC;
