-- The subsidy answer's free/paid sums and bucket share, and every month-level model total, read the usage
-- rollups by index only: each key index also holds the tokens (INCLUDE, which the schema cannot state; same
-- names and key columns, so the schema snapshot is unchanged). A heap read per row was most of their cost.
ALTER TABLE "usage_daily_rollup" DROP CONSTRAINT "usage_daily_rollup_day_author_is_free_is_bucket_snapshot_id_pk";--> statement-breakpoint
ALTER TABLE "usage_daily_rollup" ADD CONSTRAINT "usage_daily_rollup_day_author_is_free_is_bucket_snapshot_id_pk" PRIMARY KEY ("day","author","is_free","is_bucket","snapshot_id") INCLUDE ("total_tokens");--> statement-breakpoint
ALTER TABLE "usage_monthly_rollup" DROP CONSTRAINT "usage_monthly_rollup_month_model_id_snapshot_id_pk";--> statement-breakpoint
ALTER TABLE "usage_monthly_rollup" ADD CONSTRAINT "usage_monthly_rollup_month_model_id_snapshot_id_pk" PRIMARY KEY ("month","model_id","snapshot_id") INCLUDE ("total_tokens");
