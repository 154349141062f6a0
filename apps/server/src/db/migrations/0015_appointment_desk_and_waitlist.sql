CREATE TABLE "appointment_daily_tickets" (
	"office_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "appointment_daily_tickets_office_id_day_pk" PRIMARY KEY("office_id","day")
);
--> statement-breakpoint
CREATE TABLE "appointment_waitlist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_fiscal_code" text NOT NULL,
	"service_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"day" date NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"offered_booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_waitlist_status_check" CHECK (status in ('waiting', 'offered', 'booked', 'left', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "service_use_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"citizen_fiscal_code" text NOT NULL,
	"subject_id" text NOT NULL,
	"channel" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_use_events_kind_check" CHECK (kind in ('appointment-served', 'certificate-issued', 'civil-status-certificate-issued', 'residence-change', 'tari-declaration', 'ticket-resolved', 'assistant-session'))
);
--> statement-breakpoint
ALTER TABLE "appointment_bookings" DROP CONSTRAINT "appointment_bookings_status_check";--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD COLUMN "manage_token_hash" text;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD COLUMN "booked_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD COLUMN "held_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD COLUMN "ticket_number" integer;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD COLUMN "called_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD COLUMN "called_to_counter_id" uuid;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointment_daily_tickets" ADD CONSTRAINT "appointment_daily_tickets_office_id_appointment_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."appointment_offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_waitlist" ADD CONSTRAINT "appointment_waitlist_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_waitlist" ADD CONSTRAINT "appointment_waitlist_office_id_appointment_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."appointment_offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_waitlist" ADD CONSTRAINT "appointment_waitlist_offered_booking_id_appointment_bookings_id_fk" FOREIGN KEY ("offered_booking_id") REFERENCES "public"."appointment_bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_waitlist_line_idx" ON "appointment_waitlist" USING btree ("service_id","office_id","day","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_waitlist_once_idx" ON "appointment_waitlist" USING btree ("citizen_fiscal_code","service_id","office_id","day") WHERE status in ('waiting', 'offered');--> statement-breakpoint
CREATE UNIQUE INDEX "service_use_events_subject_idx" ON "service_use_events" USING btree ("kind","subject_id");--> statement-breakpoint
CREATE INDEX "service_use_events_time_idx" ON "service_use_events" USING btree ("occurred_at");--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD CONSTRAINT "appointment_bookings_called_to_counter_id_appointment_counters_id_fk" FOREIGN KEY ("called_to_counter_id") REFERENCES "public"."appointment_counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_bookings_held_idx" ON "appointment_bookings" USING btree ("held_until") WHERE status = 'offered';--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD CONSTRAINT "appointment_bookings_status_check" CHECK (status in ('booked', 'cancelled', 'checked-in', 'called', 'served', 'no-show', 'offered', 'expired'));