CREATE SEQUENCE "public"."payment_iuv_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "payment_checkouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payer_fiscal_code" text NOT NULL,
	"option_ids" uuid[] NOT NULL,
	"total_cents" integer NOT NULL,
	"provider" text NOT NULL,
	"provider_reference" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "payment_checkouts_status_check" CHECK (status in ('open', 'paid', 'failed', 'abandoned'))
);
--> statement-breakpoint
CREATE TABLE "payment_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"nav" text NOT NULL,
	"kind" text NOT NULL,
	"instalment" integer,
	"amount_cents" integer NOT NULL,
	"due_date" date NOT NULL,
	"description" text NOT NULL,
	"transfers" jsonb,
	"status" text DEFAULT 'unpaid' NOT NULL,
	"paid_at" timestamp with time zone,
	"receipt_id" uuid,
	CONSTRAINT "payment_options_kind_check" CHECK ("payment_options"."kind" in ('single', 'instalment')),
	CONSTRAINT "payment_options_status_check" CHECK ("payment_options"."status" in ('unpaid', 'paid', 'cancelled')),
	CONSTRAINT "payment_options_amount_check" CHECK ("payment_options"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"iupd" text NOT NULL,
	"debtor_fiscal_code" text NOT NULL,
	"debtor_name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_positions_kind_check" CHECK (kind in ('tari', 'fine', 'canteen', 'stamp-duty', 'other')),
	CONSTRAINT "payment_positions_status_check" CHECK (status in ('draft', 'published', 'partially-paid', 'paid', 'expired', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "payment_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_receipt_id" text NOT NULL,
	"provider" text NOT NULL,
	"nav" text NOT NULL,
	"creditor_fiscal_code" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"payer_fiscal_code" text,
	"psp" text,
	"outcome" text NOT NULL,
	"option_id" uuid,
	"repeats" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_receipts_outcome_check" CHECK (outcome in ('applied', 'unknown-notice', 'amount-mismatch', 'already-paid'))
);
--> statement-breakpoint
CREATE TABLE "payment_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"option_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"reason" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_refunds_amount_check" CHECK ("payment_refunds"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "payment_options" ADD CONSTRAINT "payment_options_position_id_payment_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."payment_positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_option_id_payment_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."payment_options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_checkouts_payer_idx" ON "payment_checkouts" USING btree ("payer_fiscal_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_options_nav_idx" ON "payment_options" USING btree ("nav");--> statement-breakpoint
CREATE INDEX "payment_options_position_idx" ON "payment_options" USING btree ("position_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_positions_iupd_idx" ON "payment_positions" USING btree ("iupd");--> statement-breakpoint
CREATE INDEX "payment_positions_debtor_idx" ON "payment_positions" USING btree ("debtor_fiscal_code");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_receipts_provider_idx" ON "payment_receipts" USING btree ("provider","provider_receipt_id");--> statement-breakpoint
CREATE INDEX "payment_receipts_nav_idx" ON "payment_receipts" USING btree ("nav");--> statement-breakpoint
CREATE INDEX "payment_refunds_option_idx" ON "payment_refunds" USING btree ("option_id");