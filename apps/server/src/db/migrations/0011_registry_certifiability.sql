ALTER TABLE "registry_persons" ADD COLUMN "certifiability" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_persons" ADD CONSTRAINT "registry_persons_certifiability_check" CHECK ("registry_persons"."certifiability" between 0 and 4);--> statement-breakpoint
-- A record held back while checked could certify nothing: it keeps that meaning as code 0.
UPDATE "registry_persons" SET "certifiability" = CASE WHEN "certifiable" THEN 2 ELSE 0 END;