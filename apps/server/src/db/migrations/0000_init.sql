CREATE TABLE "city_profile" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"istat_code" text NOT NULL,
	"cadastral_code" text NOT NULL,
	"fiscal_code" text NOT NULL,
	"province_code" text NOT NULL,
	"region" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"website_url" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "city_profile_single_row" CHECK ("city_profile"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "registry_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"street_name" text NOT NULL,
	"house_number" text NOT NULL,
	"postal_code" text NOT NULL,
	"municipality_code" text NOT NULL,
	"municipality_name" text NOT NULL,
	"province_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_families" (
	"id" uuid PRIMARY KEY NOT NULL,
	"address_id" uuid NOT NULL,
	"formed_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fiscal_code" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"birth_place_code" text NOT NULL,
	"birth_place_name" text NOT NULL,
	"citizenship" text NOT NULL,
	"civil_status" text NOT NULL,
	"family_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"resident_since" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_persons_fiscal_code_unique" UNIQUE("fiscal_code"),
	CONSTRAINT "registry_persons_sex_check" CHECK ("registry_persons"."sex" in ('M', 'F')),
	CONSTRAINT "registry_persons_relationship_check" CHECK ("registry_persons"."relationship" in ('head', 'spouse', 'partner', 'child', 'parent', 'other')),
	CONSTRAINT "registry_persons_civil_status_check" CHECK ("registry_persons"."civil_status" in ('single', 'married', 'civil_union', 'divorced', 'widowed'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"on_behalf_of" text,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"ip" text,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_families" ADD CONSTRAINT "registry_families_address_id_registry_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."registry_addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_persons" ADD CONSTRAINT "registry_persons_family_id_registry_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."registry_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_persons_family_idx" ON "registry_persons" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");