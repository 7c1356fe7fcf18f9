CREATE TABLE "app_usage_app_monthly" (
	"month" date NOT NULL,
	"app_id" text NOT NULL,
	"total_tokens" numeric NOT NULL,
	"month_tokens" numeric,
	CONSTRAINT "app_usage_app_monthly_month_app_id_pk" PRIMARY KEY("month","app_id")
);
--> statement-breakpoint
CREATE TABLE "app_usage_month_snapshots" (
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	CONSTRAINT "app_usage_month_snapshots_month_kind_snapshot_id_pk" PRIMARY KEY("month","kind","snapshot_id")
);
--> statement-breakpoint
CREATE INDEX "app_usage_app_monthly_rank_idx" ON "app_usage_app_monthly" USING btree ("month","total_tokens" DESC NULLS LAST,"app_id");--> statement-breakpoint
CREATE INDEX "app_usage_picked_daily_snapshot_idx" ON "app_usage_picked_daily" USING btree ("snapshot_id","day") WHERE day_rows > 0;--> statement-breakpoint
-- A candidate's months are read by index only: the key index also holds the totals (INCLUDE, which the schema
-- cannot state; same name and key columns, so the schema snapshot is unchanged).
ALTER TABLE "app_usage_app_monthly" DROP CONSTRAINT "app_usage_app_monthly_month_app_id_pk";--> statement-breakpoint
ALTER TABLE "app_usage_app_monthly" ADD CONSTRAINT "app_usage_app_monthly_month_app_id_pk" PRIMARY KEY ("month","app_id") INCLUDE ("total_tokens","month_tokens");
--> statement-breakpoint
-- Keeps app_usage_app_monthly and app_usage_month_snapshots equal to what app_usage_picked_monthly holds, in
-- the same transaction: the app_usage triggers (drizzle/0006) rewrite that table's rows of every (app, month) a
-- write touches, and these triggers recompute the same (app, month) pairs, and the snapshot summaries of the
-- same months, from it.
CREATE FUNCTION app_usage_bounds_refresh(k_app text[], k_month date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM app_usage_app_monthly r USING unnest(k_app, k_month) AS k(app_id, month)
    WHERE r.month = k.month AND r.app_id = k.app_id;
  INSERT INTO app_usage_app_monthly (month, app_id, total_tokens, month_tokens)
  SELECT m.month, m.app_id, sum(m.total_tokens), sum(m.total_tokens) FILTER (WHERE m.kind = 'month')
  FROM (SELECT DISTINCT app_id, month FROM unnest(k_app, k_month) AS k(app_id, month)) k
  JOIN app_usage_picked_monthly m ON m.month = k.month AND m.app_id = k.app_id
  GROUP BY 1, 2;
  DELETE FROM app_usage_month_snapshots WHERE month = ANY(k_month);
  INSERT INTO app_usage_month_snapshots (month, kind, snapshot_id, first_day, last_day)
  SELECT m.month, m.kind, m.snapshot_id, min(m.first_day), max(m.last_day)
  FROM app_usage_picked_monthly m WHERE m.month IN (SELECT DISTINCT unnest(k_month))
  GROUP BY 1, 2, 3;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_usage_bounds_on_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM app_usage_bounds_refresh(array_agg(k.app_id), array_agg(k.month))
  FROM (SELECT DISTINCT app_id, month FROM changed_rows) k HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_usage_bounds_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM app_usage_bounds_refresh(array_agg(k.app_id), array_agg(k.month))
  FROM (SELECT app_id, month FROM new_rows UNION SELECT app_id, month FROM old_rows) k HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION app_usage_bounds_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE app_usage_app_monthly, app_usage_month_snapshots;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER app_usage_bounds_insert AFTER INSERT ON app_usage_picked_monthly
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app_usage_bounds_on_rows();
--> statement-breakpoint
CREATE TRIGGER app_usage_bounds_update AFTER UPDATE ON app_usage_picked_monthly
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_usage_bounds_on_update();
--> statement-breakpoint
CREATE TRIGGER app_usage_bounds_delete AFTER DELETE ON app_usage_picked_monthly
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app_usage_bounds_on_rows();
--> statement-breakpoint
CREATE TRIGGER app_usage_bounds_truncate AFTER TRUNCATE ON app_usage_picked_monthly
  FOR EACH STATEMENT EXECUTE FUNCTION app_usage_bounds_on_truncate();
--> statement-breakpoint
-- Existing data.
INSERT INTO app_usage_app_monthly (month, app_id, total_tokens, month_tokens)
SELECT month, app_id, sum(total_tokens), sum(total_tokens) FILTER (WHERE kind = 'month') FROM app_usage_picked_monthly GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO app_usage_month_snapshots (month, kind, snapshot_id, first_day, last_day)
SELECT month, kind, snapshot_id, min(first_day), max(last_day) FROM app_usage_picked_monthly GROUP BY 1, 2, 3;
