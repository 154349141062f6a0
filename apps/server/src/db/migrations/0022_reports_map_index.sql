DROP INDEX "reports_location_idx";--> statement-breakpoint
CREATE INDEX "reports_map_idx" ON "reports" USING gist ("location") INCLUDE ("created_at", "code", "category_code", "status");
