CREATE TABLE "snapshot_body_parts" (
	"snapshot_id" bigint NOT NULL,
	"part" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "snapshot_body_parts_snapshot_id_part_pk" PRIMARY KEY("snapshot_id","part")
);
--> statement-breakpoint
ALTER TABLE "snapshot_body_parts" ADD CONSTRAINT "snapshot_body_parts_snapshot_id_snapshot_bodies_snapshot_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshot_bodies"("snapshot_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
-- Bodies stored before this migration become one part each (a part may be any size; new ones are about 1 MB).
INSERT INTO "snapshot_body_parts" ("snapshot_id", "part", "text") SELECT "snapshot_id", 0, "body" FROM "snapshot_bodies";--> statement-breakpoint
ALTER TABLE "snapshot_bodies" DROP COLUMN "body";