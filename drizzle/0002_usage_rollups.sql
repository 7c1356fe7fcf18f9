CREATE TABLE "usage_daily_rollup" (
	"day" date NOT NULL,
	"author" text NOT NULL,
	"is_free" boolean NOT NULL,
	"is_bucket" boolean NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"total_tokens" bigint NOT NULL,
	"row_count" integer NOT NULL,
	CONSTRAINT "usage_daily_rollup_day_author_is_free_is_bucket_snapshot_id_pk" PRIMARY KEY("day","author","is_free","is_bucket","snapshot_id")
);
--> statement-breakpoint
CREATE TABLE "usage_monthly_rollup" (
	"month" date NOT NULL,
	"model_id" integer NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"total_tokens" bigint NOT NULL,
	"row_count" integer NOT NULL,
	CONSTRAINT "usage_monthly_rollup_month_model_id_snapshot_id_pk" PRIMARY KEY("month","model_id","snapshot_id")
);
