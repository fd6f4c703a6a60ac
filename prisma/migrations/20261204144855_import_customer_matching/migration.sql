-- Hand-written: the import's "which customers share these phones or emails" as an index lookup.
--
-- Each import batch looks up its rows' phones among the business's customers' primary and further
-- phones (alt_phones, a GIN-indexed array) and its emails. As the app role, under row-level security,
-- `alt_phones && $phones` can never use the GIN index (array overlap is not LEAKPROOF, so it runs
-- after the policy's tenant test on every row): a sequential scan of every tenant's customers per
-- batch, measured 8 s per 10,000-row batch at 400,000 customers. This function answers only "which
-- customer ids of the CURRENT tenant (app.tenant_id) have one of these phones or emails", as the
-- migration owner; the caller reads the rows by id under RLS as usual, so isolation holds twice.
--
-- The further phones are probed one phone at a time, so the GIN index's pending list goes: with
-- fastupdate on, new entries queue in an unsorted list (up to gin_pending_list_limit, 4 MB) that
-- every probe reads in full until a vacuum merges it, and autovacuum may be off or behind. Measured
-- on 30,000 customers just imported: 0.82 ms per probe with the list (16.5 s for 20,000 phones),
-- 0.45 s for all of them without. Inserting 10,000 customers costs 15 % more without it (0.44 s
-- against 0.39 s); most customers have no further phone.
ALTER INDEX customers_alt_phones_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('customers_alt_phones_idx'::regclass);

-- Each phone is a GIN lookup of its own (`OFFSET 0` keeps the tenant
-- test out of the index scan, where without fresh statistics the planner ANDs it with a scan of the
-- tenant's whole (tenant_id, phone) index for every phone: 20,000 phones on 400,000 customers took
-- 110 s that way, 0.1-0.2 s this way). One `&&` with all the phones is no better: 1.3-81 s.
CREATE FUNCTION app_customers_matching(p_phones text[], p_emails text[])
  RETURNS TABLE (id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  v_tenant text := app_current_tenant_id();
BEGIN
  IF v_tenant IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT c.id FROM public.customers c
     WHERE c.tenant_id = v_tenant AND c.phone = ANY (coalesce(p_phones, '{}'))
    UNION
    SELECT x.id
      FROM unnest(coalesce(p_phones, '{}')) AS p(phone)
     CROSS JOIN LATERAL (
       SELECT c.id, c.tenant_id FROM public.customers c WHERE c.alt_phones @> ARRAY[p.phone] OFFSET 0
     ) x
     WHERE x.tenant_id = v_tenant
    UNION
    SELECT c.id FROM public.customers c
     WHERE c.tenant_id = v_tenant AND c.email IS NOT NULL AND lower(c.email) = ANY (coalesce(p_emails, '{}'));
END $$;
REVOKE ALL ON FUNCTION app_customers_matching(text[], text[]) FROM PUBLIC;

-- Fresh planner statistics for the tables an import reads while it writes them. Autovacuum may be
-- off or behind (it is off on the CI machine; the embedded database never analyses), and an import
-- grows a business from nothing to 10^6 customers in minutes: plans made for an empty table (a
-- nested loop over "one row") then cost minutes per batch. The import calls this as its row count
-- doubles. ANALYZE needs the table's owner, hence SECURITY DEFINER; it reads a sample (30,000 rows),
-- so it costs well under a second at any size, and it changes no data.
CREATE FUNCTION app_refresh_import_statistics()
  RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
BEGIN
  ANALYZE public.customers;
  ANALYZE public.import_keys;
END $$;
REVOKE ALL ON FUNCTION app_refresh_import_statistics() FROM PUBLIC;
