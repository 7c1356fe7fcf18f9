ALTER TABLE "app_usage" DROP CONSTRAINT "app_usage_app_id_apps_app_id_fk";
--> statement-breakpoint
ALTER TABLE "app_usage" DROP CONSTRAINT "app_usage_model_id_models_id_fk";
--> statement-breakpoint
ALTER TABLE "model_usage_daily" DROP CONSTRAINT "model_usage_daily_model_id_models_id_fk";
