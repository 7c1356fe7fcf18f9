CREATE TABLE "model_usage_window" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"model_id" integer NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date,
	"period_end" date NOT NULL,
	"rounded" boolean DEFAULT false NOT NULL,
	"total_tokens" bigint NOT NULL,
	"prompt_tokens" bigint,
	"completion_tokens" bigint,
	"reasoning_tokens" bigint,
	"cached_tokens" bigint,
	"requests" bigint,
	"snapshot_id" bigint NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	CONSTRAINT "model_usage_window_identity" UNIQUE NULLS NOT DISTINCT("model_id","period_kind","period_start","period_end")
);
--> statement-breakpoint
CREATE TABLE "retractions" (
	"version" bigint PRIMARY KEY NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"format" text NOT NULL,
	"source" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"checksum" text NOT NULL,
	"retracted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshot_bodies" (
	"snapshot_id" bigint PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"caller_as_of" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "model_usage_window_model_end_idx" ON "model_usage_window" USING btree ("model_id","period_end");