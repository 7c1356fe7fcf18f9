CREATE TABLE "app_usage" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"model_id" integer,
	"period_kind" text NOT NULL,
	"period_start" date,
	"period_end" date NOT NULL,
	"total_tokens" bigint NOT NULL,
	"requests" bigint,
	"rank" integer,
	"snapshot_id" bigint NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	CONSTRAINT "app_usage_identity" UNIQUE NULLS NOT DISTINCT("app_id","model_id","period_kind","period_start","period_end")
);
--> statement-breakpoint
CREATE TABLE "apps" (
	"app_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text,
	"url" text,
	"categories" text[],
	"meta_as_of" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "model_prices" (
	"model_id" integer NOT NULL,
	"day" date NOT NULL,
	"input_per_m" numeric(20, 10),
	"output_per_m" numeric(20, 10),
	"cache_read_per_m" numeric(20, 10),
	"snapshot_id" bigint NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	CONSTRAINT "model_prices_model_id_day_pk" PRIMARY KEY("model_id","day")
);
--> statement-breakpoint
CREATE TABLE "model_usage_daily" (
	"day" date NOT NULL,
	"model_id" integer NOT NULL,
	"total_tokens" bigint NOT NULL,
	"prompt_tokens" bigint,
	"completion_tokens" bigint,
	"reasoning_tokens" bigint,
	"cached_tokens" bigint,
	"requests" bigint,
	"snapshot_id" bigint NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	CONSTRAINT "model_usage_daily_day_model_id_pk" PRIMARY KEY("day","model_id")
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" serial PRIMARY KEY NOT NULL,
	"permaslug" text NOT NULL,
	"variant" text NOT NULL,
	"kind" text DEFAULT 'model' NOT NULL,
	"public_id" text NOT NULL,
	"author" text NOT NULL,
	"name" text,
	"launch_date" date,
	"context_length" integer,
	"in_catalogue" boolean DEFAULT false NOT NULL,
	"meta_as_of" timestamp with time zone,
	CONSTRAINT "models_identity" UNIQUE("permaslug","variant")
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"format" text NOT NULL,
	"source" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checksum" text NOT NULL,
	"citation" text NOT NULL,
	"row_counts" jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	CONSTRAINT "snapshots_checksum_unique" UNIQUE("checksum")
);
--> statement-breakpoint
ALTER TABLE "app_usage" ADD CONSTRAINT "app_usage_app_id_apps_app_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("app_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_usage" ADD CONSTRAINT "app_usage_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_prices" ADD CONSTRAINT "model_prices_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_prices" ADD CONSTRAINT "model_prices_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_usage_daily" ADD CONSTRAINT "model_usage_daily_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "app_usage_model_period_idx" ON "app_usage" USING btree ("model_id","period_kind","period_end");--> statement-breakpoint
CREATE INDEX "app_usage_app_period_idx" ON "app_usage" USING btree ("app_id","period_kind","period_end");--> statement-breakpoint
CREATE INDEX "model_usage_daily_model_day_idx" ON "model_usage_daily" USING btree ("model_id","day");--> statement-breakpoint
CREATE INDEX "models_public_id_idx" ON "models" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "models_author_idx" ON "models" USING btree ("author");--> statement-breakpoint
CREATE INDEX "snapshots_as_of_idx" ON "snapshots" USING btree ("as_of");