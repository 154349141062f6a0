CREATE TABLE "certificate_files" (
	"certificate_id" uuid PRIMARY KEY NOT NULL,
	"pdf" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_protocol_counters" (
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "certificate_protocol_counters_year_pk" PRIMARY KEY("year")
);
--> statement-breakpoint
CREATE TABLE "certificate_stamps" (
	"stamp_id" text PRIMARY KEY NOT NULL,
	"stamp_date" date NOT NULL,
	"certificate_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verification_code" text NOT NULL,
	"type" text NOT NULL,
	"language" text NOT NULL,
	"subject_fiscal_code" text NOT NULL,
	"requester_fiscal_code" text NOT NULL,
	"purpose" text NOT NULL,
	"for_use_abroad" boolean DEFAULT false NOT NULL,
	"stamp_mode" text NOT NULL,
	"exemption" text,
	"stamp_cents" integer NOT NULL,
	"fees_cents" integer NOT NULL,
	"status" text NOT NULL,
	"payment_position_id" uuid,
	"protocol_year" integer,
	"protocol_number" integer,
	"issued_at" timestamp with time zone,
	"valid_until" date,
	"content" jsonb,
	"seal" text,
	"key_id" text,
	"pdf_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_status_check" CHECK ("certificates"."status" in ('awaiting-payment', 'issued', 'cancelled')),
	CONSTRAINT "certificates_stamp_check" CHECK ("certificates"."stamp_mode" in ('pay', 'declared', 'exempt', 'none'))
);
--> statement-breakpoint
ALTER TABLE "certificate_files" ADD CONSTRAINT "certificate_files_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_stamps" ADD CONSTRAINT "certificate_stamps_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_verification_idx" ON "certificates" USING btree ("verification_code");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_protocol_idx" ON "certificates" USING btree ("protocol_year","protocol_number");--> statement-breakpoint
CREATE INDEX "certificates_subject_idx" ON "certificates" USING btree ("subject_fiscal_code","created_at");--> statement-breakpoint
CREATE INDEX "certificates_requester_idx" ON "certificates" USING btree ("requester_fiscal_code","created_at");--> statement-breakpoint
CREATE INDEX "certificates_position_idx" ON "certificates" USING btree ("payment_position_id");