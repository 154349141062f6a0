-- Full-text search over service titles and summaries, one index per language. The expressions must
-- stay identical to the ones in modules/catalogue/repo.ts, or the planner will not use the indexes.
CREATE INDEX "catalogue_services_search_it_idx" ON "catalogue_services" USING gin (to_tsvector('italian'::regconfig, "title_it" || ' ' || "summary_it"));--> statement-breakpoint
CREATE INDEX "catalogue_services_search_en_idx" ON "catalogue_services" USING gin (to_tsvector('english'::regconfig, "title_en" || ' ' || "summary_en"));
