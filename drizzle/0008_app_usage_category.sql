ALTER TABLE "app_usage" DROP CONSTRAINT "app_usage_identity";--> statement-breakpoint
ALTER TABLE "app_usage" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "app_usage" ADD CONSTRAINT "app_usage_identity" UNIQUE NULLS NOT DISTINCT("app_id","model_id","period_kind","period_start","period_end","category");--> statement-breakpoint
ALTER TABLE "app_usage" ADD CONSTRAINT "app_usage_category_window_only" CHECK ("app_usage"."category" is null or "app_usage"."period_kind" = 'window');