-- Keeps usage_daily_rollup and usage_monthly_rollup equal to aggregates of model_usage_daily, in the same
-- transaction as every write. Statement-level triggers with transition tables: one grouped statement per
-- write statement (ingest writes in chunks of 200k rows), never a trigger per row. Months are computed
-- with date arithmetic (day - (day of month - 1)), independent of the session time zone.
-- The models trigger moves a model's rows when its author (or variant/kind) changes.
CREATE FUNCTION usage_rollup_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_daily_rollup AS r (day, author, is_free, is_bucket, snapshot_id, total_tokens, row_count)
  SELECT n.day, m.author, m.variant = 'free', m.kind = 'bucket', n.snapshot_id, sum(n.total_tokens), count(*)
  FROM new_rows n JOIN models m ON m.id = n.model_id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (day, author, is_free, is_bucket, snapshot_id) DO UPDATE
    SET total_tokens = r.total_tokens + excluded.total_tokens, row_count = r.row_count + excluded.row_count;
  INSERT INTO usage_monthly_rollup AS r (month, model_id, snapshot_id, total_tokens, row_count)
  SELECT n.day - (extract(day FROM n.day)::int - 1), n.model_id, n.snapshot_id, sum(n.total_tokens), count(*)
  FROM new_rows n
  GROUP BY 1, 2, 3
  ON CONFLICT (month, model_id, snapshot_id) DO UPDATE
    SET total_tokens = r.total_tokens + excluded.total_tokens, row_count = r.row_count + excluded.row_count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION usage_rollup_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT day, model_id, snapshot_id, total_tokens AS t, 1 AS c FROM new_rows
    UNION ALL
    SELECT day, model_id, snapshot_id, -total_tokens, -1 FROM old_rows)
  INSERT INTO usage_daily_rollup AS r (day, author, is_free, is_bucket, snapshot_id, total_tokens, row_count)
  SELECT d.day, m.author, m.variant = 'free', m.kind = 'bucket', d.snapshot_id, sum(d.t), sum(d.c)
  FROM d JOIN models m ON m.id = d.model_id
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.t) <> 0 OR sum(d.c) <> 0
  ON CONFLICT (day, author, is_free, is_bucket, snapshot_id) DO UPDATE
    SET total_tokens = r.total_tokens + excluded.total_tokens, row_count = r.row_count + excluded.row_count;
  WITH d AS (
    SELECT day, model_id, snapshot_id, total_tokens AS t, 1 AS c FROM new_rows
    UNION ALL
    SELECT day, model_id, snapshot_id, -total_tokens, -1 FROM old_rows)
  INSERT INTO usage_monthly_rollup AS r (month, model_id, snapshot_id, total_tokens, row_count)
  SELECT d.day - (extract(day FROM d.day)::int - 1), d.model_id, d.snapshot_id, sum(d.t), sum(d.c)
  FROM d
  GROUP BY 1, 2, 3
  HAVING sum(d.t) <> 0 OR sum(d.c) <> 0
  ON CONFLICT (month, model_id, snapshot_id) DO UPDATE
    SET total_tokens = r.total_tokens + excluded.total_tokens, row_count = r.row_count + excluded.row_count;
  DELETE FROM usage_daily_rollup WHERE row_count = 0 AND day IN (SELECT DISTINCT day FROM old_rows);
  DELETE FROM usage_monthly_rollup WHERE row_count = 0
    AND (month, model_id) IN (SELECT DISTINCT day - (extract(day FROM day)::int - 1), model_id FROM old_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION usage_rollup_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_daily_rollup AS r (day, author, is_free, is_bucket, snapshot_id, total_tokens, row_count)
  SELECT o.day, m.author, m.variant = 'free', m.kind = 'bucket', o.snapshot_id, -sum(o.total_tokens), -count(*)
  FROM old_rows o JOIN models m ON m.id = o.model_id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (day, author, is_free, is_bucket, snapshot_id) DO UPDATE
    SET total_tokens = r.total_tokens + excluded.total_tokens, row_count = r.row_count + excluded.row_count;
  INSERT INTO usage_monthly_rollup AS r (month, model_id, snapshot_id, total_tokens, row_count)
  SELECT o.day - (extract(day FROM o.day)::int - 1), o.model_id, o.snapshot_id, -sum(o.total_tokens), -count(*)
  FROM old_rows o
  GROUP BY 1, 2, 3
  ON CONFLICT (month, model_id, snapshot_id) DO UPDATE
    SET total_tokens = r.total_tokens + excluded.total_tokens, row_count = r.row_count + excluded.row_count;
  DELETE FROM usage_daily_rollup WHERE row_count = 0 AND day IN (SELECT DISTINCT day FROM old_rows);
  DELETE FROM usage_monthly_rollup WHERE row_count = 0
    AND (month, model_id) IN (SELECT DISTINCT day - (extract(day FROM day)::int - 1), model_id FROM old_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION usage_rollup_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE usage_daily_rollup, usage_monthly_rollup;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION usage_rollup_on_model_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO usage_daily_rollup AS r (day, author, is_free, is_bucket, snapshot_id, total_tokens, row_count)
  SELECT u.day, x.author, x.free, x.bucket, u.snapshot_id, x.sign * sum(u.total_tokens), x.sign * count(*)
  FROM model_usage_daily u
  CROSS JOIN (VALUES (OLD.author, OLD.variant = 'free', OLD.kind = 'bucket', -1),
                     (NEW.author, NEW.variant = 'free', NEW.kind = 'bucket', 1)) AS x(author, free, bucket, sign)
  WHERE u.model_id = NEW.id
  GROUP BY u.day, x.author, x.free, x.bucket, u.snapshot_id, x.sign
  ON CONFLICT (day, author, is_free, is_bucket, snapshot_id) DO UPDATE
    SET total_tokens = r.total_tokens + excluded.total_tokens, row_count = r.row_count + excluded.row_count;
  DELETE FROM usage_daily_rollup WHERE row_count = 0 AND author = OLD.author;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER usage_rollup_insert AFTER INSERT ON model_usage_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_on_insert();
--> statement-breakpoint
CREATE TRIGGER usage_rollup_update AFTER UPDATE ON model_usage_daily
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_on_update();
--> statement-breakpoint
CREATE TRIGGER usage_rollup_delete AFTER DELETE ON model_usage_daily
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_on_delete();
--> statement-breakpoint
CREATE TRIGGER usage_rollup_truncate AFTER TRUNCATE ON model_usage_daily
  FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_on_truncate();
--> statement-breakpoint
CREATE TRIGGER usage_rollup_model_change AFTER UPDATE OF author, variant, kind ON models
  FOR EACH ROW WHEN (OLD.author IS DISTINCT FROM NEW.author OR OLD.variant IS DISTINCT FROM NEW.variant OR OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION usage_rollup_on_model_change();
--> statement-breakpoint
-- Existing data.
INSERT INTO usage_daily_rollup (day, author, is_free, is_bucket, snapshot_id, total_tokens, row_count)
SELECT u.day, m.author, m.variant = 'free', m.kind = 'bucket', u.snapshot_id, sum(u.total_tokens), count(*)
FROM model_usage_daily u JOIN models m ON m.id = u.model_id
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO usage_monthly_rollup (month, model_id, snapshot_id, total_tokens, row_count)
SELECT u.day - (extract(day FROM u.day)::int - 1), u.model_id, u.snapshot_id, sum(u.total_tokens), count(*)
FROM model_usage_daily u
GROUP BY 1, 2, 3;
