CREATE TABLE "catalogue_categories" (
	"slug" text PRIMARY KEY NOT NULL,
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_recent_services" (
	"citizen_account_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"viewed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalogue_recent_services_citizen_account_id_service_id_pk" PRIMARY KEY("citizen_account_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_service_views" (
	"service_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalogue_service_views_service_id_day_pk" PRIMARY KEY("service_id","day")
);
--> statement-breakpoint
CREATE TABLE "catalogue_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_it" text NOT NULL,
	"summary_en" text NOT NULL,
	"category_slug" text NOT NULL,
	"audience" text[] NOT NULL,
	"channels" text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"online_access_level" smallint,
	"sections_it" jsonb NOT NULL,
	"sections_en" jsonb NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"featured_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_services_slug_unique" UNIQUE("slug"),
	CONSTRAINT "catalogue_services_status" CHECK ("catalogue_services"."status" in ('active', 'inactive')),
	CONSTRAINT "catalogue_services_access_level" CHECK ("catalogue_services"."online_access_level" is null or "catalogue_services"."online_access_level" between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "catalogue_recent_services" ADD CONSTRAINT "catalogue_recent_services_citizen_account_id_citizen_accounts_id_fk" FOREIGN KEY ("citizen_account_id") REFERENCES "public"."citizen_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_recent_services" ADD CONSTRAINT "catalogue_recent_services_service_id_catalogue_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."catalogue_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_service_views" ADD CONSTRAINT "catalogue_service_views_service_id_catalogue_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."catalogue_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_services" ADD CONSTRAINT "catalogue_services_category_slug_catalogue_categories_slug_fk" FOREIGN KEY ("category_slug") REFERENCES "public"."catalogue_categories"("slug") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "catalogue_recent_services_viewed_idx" ON "catalogue_recent_services" USING btree ("citizen_account_id","viewed_at");--> statement-breakpoint
CREATE INDEX "catalogue_service_views_day_idx" ON "catalogue_service_views" USING btree ("day");--> statement-breakpoint
CREATE INDEX "catalogue_services_category_idx" ON "catalogue_services" USING btree ("category_slug");