CREATE TABLE "city_streets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"search_key" text NOT NULL,
	"location" "point" NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "city_streets_name_idx" ON "city_streets" USING btree ("name");--> statement-breakpoint
CREATE INDEX "city_streets_location_idx" ON "city_streets" USING gist ("location");