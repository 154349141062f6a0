CREATE TABLE "deadline_feeds" (
	"fiscal_code" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_rolls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"positions" integer NOT NULL,
	"options" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	"imported_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_feeds_token_idx" ON "deadline_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "payment_rolls_imported_idx" ON "payment_rolls" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "payment_receipts_option_idx" ON "payment_receipts" USING btree ("option_id");