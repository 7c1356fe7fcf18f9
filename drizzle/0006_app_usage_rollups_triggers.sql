-- Keeps the app-usage rollups (app_usage_month_source, app_usage_picked_monthly, app_usage_picked_daily; see
-- db/schema.ts) equal to what the app-period rule picks from app_usage, in the same transaction as every
-- write. Statement-level triggers with transition tables collect the (app, month) pairs a statement touched
-- and recompute those pairs from app_usage (every model of the app in that month): the rule's choice for a
-- month depends on all its rows, so recomputing is exact where adding deltas would not be. Window rows are
-- never part of the rule and touch nothing. Rows without a period_start are ignored, as the rule's query
-- always did. Months are computed with date arithmetic, independent of the session time zone.
-- The picked rows are read per (app, month) through the (app_id, period_kind, period_end) index (a lateral
-- subquery the planner cannot flatten), and merge joins are off inside the refresh: left to itself, one
-- insert of 22,573 day rows into the benchmark's 10M (5,644 pairs) merge-joined the whole daily rollup index
-- and looked up every row of a model instead of its month, and took 51 s instead of 4.5 s without triggers.
CREATE FUNCTION app_usage_rollup_refresh(k_app text[], k_month date[]) RETURNS void LANGUAGE plpgsql
  SET enable_mergejoin = off AS $$
BEGIN
  DELETE FROM app_usage_month_source r USING unnest(k_app, k_month) AS k(app_id, month)
    WHERE r.app_id = k.app_id AND r.month = k.month;
  DELETE FROM app_usage_picked_monthly r USING unnest(k_app, k_month) AS k(app_id, month)
    WHERE r.month = k.month AND r.app_id = k.app_id;
  -- One primary-key lookup per (day, app) instead of a range over every app's days.
  DELETE FROM app_usage_picked_daily r USING unnest(k_app, k_month) AS k(app_id, month) CROSS JOIN generate_series(0, 30) AS g(n)
    WHERE g.n < (k.month + interval '1 month')::date - k.month AND r.day = k.month + g.n AND r.app_id = k.app_id;
  -- Rule 1: the month row stands unless day rows cover every day of its month; and what the picked rows add up to.
  INSERT INTO app_usage_month_source (app_id, model_id, month, day_rows, month_rows, picked_kind, picked_tokens, first_day, last_day, snapshot_ids)
  SELECT c.app_id, c.model_id, c.month, c.d, c.m, x.kind,
         CASE x.kind WHEN 'month' THEN c.m_tokens ELSE c.d_tokens END, CASE x.kind WHEN 'month' THEN c.m_first ELSE c.d_first END,
         CASE x.kind WHEN 'month' THEN c.m_last ELSE c.d_last END, CASE x.kind WHEN 'month' THEN c.m_snaps ELSE c.d_snaps END
  FROM (SELECT u.app_id, u.model_id, k.month,
               (count(*) FILTER (WHERE u.period_kind = 'day'))::int AS d, (count(*) FILTER (WHERE u.period_kind = 'month'))::int AS m,
               sum(u.total_tokens) FILTER (WHERE u.period_kind = 'day') AS d_tokens,
               sum(u.total_tokens) FILTER (WHERE u.period_kind = 'month') AS m_tokens,
               min(u.period_start) FILTER (WHERE u.period_kind = 'day') AS d_first, min(u.period_start) FILTER (WHERE u.period_kind = 'month') AS m_first,
               max(u.period_end) FILTER (WHERE u.period_kind = 'day') AS d_last, max(u.period_end) FILTER (WHERE u.period_kind = 'month') AS m_last,
               array_agg(DISTINCT u.snapshot_id) FILTER (WHERE u.period_kind = 'day') AS d_snaps,
               array_agg(DISTINCT u.snapshot_id) FILTER (WHERE u.period_kind = 'month') AS m_snaps
        FROM unnest(k_app, k_month) AS k(app_id, month)
        JOIN app_usage u ON u.app_id = k.app_id AND u.period_kind IN ('day', 'month')
         AND u.period_end - (extract(day FROM u.period_end)::int - 1) = k.month
         AND u.period_end BETWEEN k.month AND (k.month + interval '1 month')::date - 1
         AND u.period_start BETWEEN k.month AND (k.month + interval '1 month')::date - 1
        GROUP BY 1, 2, 3) c
  CROSS JOIN LATERAL (SELECT CASE WHEN c.m > 0 AND c.d < (c.month + interval '1 month')::date - c.month THEN 'month' ELSE 'day' END AS kind) x;
  -- The picked per-model rows, summed over models per app (rule 3: rows for all models are left out).
  WITH p AS MATERIALIZED (
    SELECT k.app_id, k.month, u.kind, u.period_start, u.period_end, u.snapshot_id, u.total_tokens
    FROM unnest(k_app, k_month) AS k(app_id, month)
    CROSS JOIN LATERAL (
      SELECT u.period_kind AS kind, u.period_start, u.period_end, u.snapshot_id, u.total_tokens
      FROM app_usage u
      JOIN app_usage_month_source s ON s.app_id = k.app_id AND s.month = k.month AND s.model_id = u.model_id AND s.picked_kind = u.period_kind
      WHERE u.app_id = k.app_id AND u.model_id IS NOT NULL AND u.period_kind IN ('day', 'month')
        AND u.period_end BETWEEN k.month AND (k.month + interval '1 month')::date - 1
        AND u.period_start BETWEEN k.month AND (k.month + interval '1 month')::date - 1
      OFFSET 0) u),
  per_day AS (
    SELECT p.app_id, p.month, p.snapshot_id, p.period_end AS day, sum(p.total_tokens) AS t, count(*)::int AS c
    FROM p WHERE p.kind = 'day' GROUP BY 1, 2, 3, 4),
  -- Running totals for every day from the snapshot's first picked day in the month to the month's end: the
  -- days with rows and a zero for every day of that span, summed per day (no join, so no plan can go quadratic).
  daily AS (
    INSERT INTO app_usage_picked_daily (day, app_id, snapshot_id, day_rows, cum_tokens, cum_rows)
    SELECT z.day, z.app_id, z.snapshot_id, sum(z.c), sum(sum(z.t)) OVER w, sum(sum(z.c)) OVER w
    FROM (SELECT app_id, month, snapshot_id, day, t, c FROM per_day
          UNION ALL
          SELECT f.app_id, f.month, f.snapshot_id, f.first + g.n, 0, 0
          FROM (SELECT app_id, month, snapshot_id, min(day) AS first FROM per_day GROUP BY 1, 2, 3) f
          CROSS JOIN LATERAL generate_series(0, (f.month + interval '1 month')::date - 1 - f.first) AS g(n)) z
    GROUP BY z.app_id, z.month, z.snapshot_id, z.day
    WINDOW w AS (PARTITION BY z.app_id, z.month, z.snapshot_id ORDER BY z.day))
  INSERT INTO app_usage_picked_monthly (month, app_id, kind, snapshot_id, total_tokens, row_count, first_day, last_day)
  SELECT p.month, p.app_id, p.kind, p.snapshot_id, sum(p.total_tokens), count(*), min(p.period_start), max(p.period_end)
  FROM p GROUP BY 1, 2, 3, 4;
END $$;
--> statement-breakpoint
-- Recomputes every rollup row from app_usage: the backfill below, and bulk loads that disable the triggers.
CREATE FUNCTION app_usage_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE app_usage_month_source, app_usage_picked_monthly, app_usage_picked_daily;
  PERFORM app_usage_rollup_refresh(array_agg(k.app_id), array_agg(k.month))
  FROM (SELECT DISTINCT app_id, period_end - (extract(day FROM period_end)::int - 1) AS month
        FROM app_usage WHERE period_kind IN ('day', 'month')) k;
END $$;
--> statement-breakpoint
-- Inserts and deletes: their triggers name the inserted or deleted rows changed_rows.
CREATE FUNCTION app_usage_rollup_on_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM app_usage_rollup_refresh(array_agg(k.app_id), array_agg(k.month))
  FROM (SELECT DISTINCT app_id, period_end - (extract(day FROM period_end)::int - 1) AS month
        FROM changed_rows WHERE period_kind IN ('day', 'month')) k;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_usage_rollup_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM app_usage_rollup_refresh(array_agg(k.app_id), array_agg(k.month))
  FROM (SELECT app_id, period_end - (extract(day FROM period_end)::int - 1) AS month FROM new_rows WHERE period_kind IN ('day', 'month')
        UNION
        SELECT app_id, period_end - (extract(day FROM period_end)::int - 1) FROM old_rows WHERE period_kind IN ('day', 'month')) k;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_usage_rollup_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE app_usage_month_source, app_usage_picked_monthly, app_usage_picked_daily;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER app_usage_rollup_insert AFTER INSERT ON app_usage
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app_usage_rollup_on_rows();
--> statement-breakpoint
CREATE TRIGGER app_usage_rollup_update AFTER UPDATE ON app_usage
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_usage_rollup_on_update();
--> statement-breakpoint
CREATE TRIGGER app_usage_rollup_delete AFTER DELETE ON app_usage
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app_usage_rollup_on_rows();
--> statement-breakpoint
CREATE TRIGGER app_usage_rollup_truncate AFTER TRUNCATE ON app_usage
  FOR EACH STATEMENT EXECUTE FUNCTION app_usage_rollup_on_truncate();
--> statement-breakpoint
-- Existing data.
SELECT app_usage_rollup_rebuild();
