CREATE TABLE "model_listings" (
	"model_id" integer NOT NULL,
	"source" text NOT NULL,
	"first_seen" date NOT NULL,
	"last_seen" date NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	CONSTRAINT "model_listings_model_id_source_pk" PRIMARY KEY("model_id","source")
);
--> statement-breakpoint
ALTER TABLE "model_listings" ADD CONSTRAINT "model_listings_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_listings" ADD CONSTRAINT "model_listings_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_listings_source_last_idx" ON "model_listings" USING btree ("source","last_seen");