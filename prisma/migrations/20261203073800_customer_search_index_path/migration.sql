-- The searched customer list (app_customer_page) on 10^5 customers: with 5 % of them matching, the planner
-- preferred a parallel sequential scan (58 ms, both cores) to the trigram index (20 ms, one core), because
-- its estimate of a bitmap scan over a GIN index is pessimistic. Inside this one function the index path
-- is always the better one (a filter by tenant, term, tag or visit date, then a top-N sort or a walk of the
-- name index), so sequential scans and parallel workers are turned off for its statement alone.
ALTER FUNCTION app_customer_page(text, text, text, timestamptz, text, uuid, integer)
  SET enable_seqscan = off;
ALTER FUNCTION app_customer_page(text, text, text, timestamptz, text, uuid, integer)
  SET max_parallel_workers_per_gather = 0;
