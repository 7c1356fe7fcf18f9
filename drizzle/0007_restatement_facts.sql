CREATE TABLE "covered_days" (
	"format" text NOT NULL,
	"source" text NOT NULL,
	"day" date NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"checksum" text NOT NULL,
	CONSTRAINT "covered_days_format_source_day_pk" PRIMARY KEY("format","source","day")
);
--> statement-breakpoint
ALTER TABLE "apps" ADD COLUMN "slug_as_of" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "apps" ADD COLUMN "url_as_of" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "apps" ADD COLUMN "categories_as_of" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "name_as_of" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "launch_date_as_of" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "context_length_as_of" timestamp with time zone;--> statement-breakpoint
-- Existing data: the facts stored so far were set by the snapshot that last described the row; categories
-- stored as {} were omissions (an empty list was never a statement).
UPDATE "models" SET "name_as_of" = CASE WHEN "name" IS NOT NULL THEN "meta_as_of" END,
  "launch_date_as_of" = CASE WHEN "launch_date" IS NOT NULL THEN "meta_as_of" END,
  "context_length_as_of" = CASE WHEN "context_length" IS NOT NULL THEN "meta_as_of" END;--> statement-breakpoint
UPDATE "apps" SET "categories" = NULL WHERE "categories" = '{}';--> statement-breakpoint
UPDATE "apps" SET "slug_as_of" = CASE WHEN "slug" IS NOT NULL THEN "meta_as_of" END,
  "url_as_of" = CASE WHEN "url" IS NOT NULL THEN "meta_as_of" END,
  "categories_as_of" = CASE WHEN "categories" IS NOT NULL THEN "meta_as_of" END;--> statement-breakpoint
-- A stored `other` row of a rankings-daily snapshot marks a day that snapshot covered.
INSERT INTO "covered_days" ("format", "source", "day", "snapshot_id", "as_of", "checksum")
SELECT DISTINCT ON (s."format", s."source", u."day") s."format", s."source", u."day", s."id", s."as_of", s."checksum"
FROM "model_usage_daily" u JOIN "models" m ON m."id" = u."model_id" AND m."kind" = 'bucket'
JOIN "snapshots" s ON s."id" = u."snapshot_id"
WHERE s."format" = 'openrouter-rankings-daily'
ORDER BY s."format", s."source", u."day", s."as_of" DESC, s."checksum" DESC;
