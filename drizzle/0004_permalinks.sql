CREATE TABLE "permalinks" (
	"id" text PRIMARY KEY NOT NULL,
	"view" text NOT NULL,
	"subject" text,
	"chart" text,
	"query" text NOT NULL,
	"mode" text NOT NULL,
	"data" jsonb,
	"data_bytes" integer DEFAULT 0 NOT NULL,
	"as_of" timestamp with time zone,
	"snapshot_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"creator_hash" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "permalinks_creator_created_idx" ON "permalinks" USING btree ("creator_hash","created_at");--> statement-breakpoint
CREATE INDEX "permalinks_created_idx" ON "permalinks" USING btree ("created_at");