CREATE INDEX "app_usage_category_idx" ON "app_usage" USING btree ("category") WHERE "app_usage"."category" is not null;--> statement-breakpoint
-- The all-apps leaderboard over a range that cuts a month reads every app's running totals on two days: with
-- the totals in the key's index (INCLUDE, which the schema cannot state) an index-only scan reads them instead
-- of one heap page per app (README Benchmarks). Same name and key columns, so the schema snapshot is unchanged.
ALTER TABLE "app_usage_picked_daily" DROP CONSTRAINT "app_usage_picked_daily_day_app_id_snapshot_id_pk";--> statement-breakpoint
ALTER TABLE "app_usage_picked_daily" ADD CONSTRAINT "app_usage_picked_daily_day_app_id_snapshot_id_pk" PRIMARY KEY ("day","app_id","snapshot_id") INCLUDE ("cum_tokens","cum_rows","day_rows");
