CREATE TABLE "app_usage_month_source" (
	"app_id" text NOT NULL,
	"model_id" integer,
	"month" date NOT NULL,
	"day_rows" integer NOT NULL,
	"month_rows" integer NOT NULL,
	"picked_kind" text NOT NULL,
	"picked_tokens" bigint NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"snapshot_ids" bigint[] NOT NULL,
	CONSTRAINT "app_usage_month_source_key" UNIQUE NULLS NOT DISTINCT("app_id","month","model_id")
);
--> statement-breakpoint
CREATE TABLE "app_usage_picked_daily" (
	"day" date NOT NULL,
	"app_id" text NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"day_rows" integer NOT NULL,
	"cum_tokens" bigint NOT NULL,
	"cum_rows" integer NOT NULL,
	CONSTRAINT "app_usage_picked_daily_day_app_id_snapshot_id_pk" PRIMARY KEY("day","app_id","snapshot_id")
);
--> statement-breakpoint
CREATE TABLE "app_usage_picked_monthly" (
	"month" date NOT NULL,
	"app_id" text NOT NULL,
	"kind" text NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"total_tokens" bigint NOT NULL,
	"row_count" integer NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	CONSTRAINT "app_usage_picked_monthly_month_app_id_kind_snapshot_id_pk" PRIMARY KEY("month","app_id","kind","snapshot_id")
);
--> statement-breakpoint
CREATE INDEX "app_usage_month_source_model_idx" ON "app_usage_month_source" USING btree ("model_id","month");