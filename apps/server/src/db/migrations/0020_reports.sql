CREATE TABLE "report_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"storage_key" text NOT NULL,
	"thumbnail_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_status_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"status" text NOT NULL,
	"public_note" text,
	"staff_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_supports" (
	"report_id" uuid NOT NULL,
	"supporter" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_supports_report_id_supporter_pk" PRIMARY KEY("report_id","supporter")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"location" "point",
	"address" text,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"source" text NOT NULL,
	"reporter_fiscal_code" text,
	"reporter_email" text,
	"reporter_name" text,
	"api_client_id" uuid,
	"support_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reports_status_check" CHECK ("reports"."status" in ('open', 'in-progress', 'closed')),
	CONSTRAINT "reports_place_check" CHECK ("reports"."location" is not null or "reports"."address" is not null)
);
--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_status_changes" ADD CONSTRAINT "report_status_changes_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_supports" ADD CONSTRAINT "report_supports_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_photos_position_idx" ON "report_photos" USING btree ("report_id","position");--> statement-breakpoint
CREATE INDEX "report_status_changes_report_idx" ON "report_status_changes" USING btree ("report_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_code_idx" ON "reports" USING btree ("code");--> statement-breakpoint
CREATE INDEX "reports_open_location_idx" ON "reports" USING gist ("location") WHERE "reports"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "reports_location_idx" ON "reports" USING gist ("location");--> statement-breakpoint
CREATE INDEX "reports_created_idx" ON "reports" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reports_category_created_idx" ON "reports" USING btree ("category_code","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("reporter_fiscal_code");