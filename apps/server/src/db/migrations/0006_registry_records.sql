CREATE TABLE "registry_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"details" jsonb NOT NULL,
	CONSTRAINT "registry_records_kind_check" CHECK (kind in ('identity-card', 'previous-residence', 'school-enrolment', 'canteen-enrolment', 'vehicle', 'resident-parking-permit', 'area-c-pass', 'area-b-exemption', 'property', 'isee', 'library-loan', 'digital-domicile'))
);
--> statement-breakpoint
ALTER TABLE "registry_persons" ADD COLUMN "certifiable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_records" ADD CONSTRAINT "registry_records_person_id_registry_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registry_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_records_person_idx" ON "registry_records" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "registry_records_valid_until_idx" ON "registry_records" USING btree ("valid_until","kind");