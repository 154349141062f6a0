CREATE TABLE "appointment_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"citizen_fiscal_code" text NOT NULL,
	"service_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"channel" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_bookings_status_check" CHECK (status in ('booked', 'cancelled', 'checked-in', 'called', 'served', 'no-show')),
	CONSTRAINT "appointment_bookings_channel_check" CHECK (channel in ('web', '020202', 'counter')),
	CONSTRAINT "appointment_bookings_order_check" CHECK (starts_at < ends_at)
);
--> statement-breakpoint
CREATE TABLE "appointment_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_closures_order_check" CHECK (from_date <= to_date)
);
--> statement-breakpoint
CREATE TABLE "appointment_counter_claims" (
	"counter_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"booking_id" uuid NOT NULL,
	CONSTRAINT "appointment_counter_claims_counter_id_starts_at_pk" PRIMARY KEY("counter_id","starts_at")
);
--> statement-breakpoint
CREATE TABLE "appointment_counter_services" (
	"counter_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "appointment_counter_services_counter_id_service_id_pk" PRIMARY KEY("counter_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "appointment_counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	CONSTRAINT "appointment_hours_weekday_check" CHECK (weekday between 1 and 7),
	CONSTRAINT "appointment_hours_order_check" CHECK (opens_at < closes_at),
	CONSTRAINT "appointment_hours_grid_check" CHECK (extract(minute from opens_at)::int % 5 = 0 and extract(second from opens_at) = 0)
);
--> statement-breakpoint
CREATE TABLE "appointment_offices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"accessibility_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"documents_to_bring" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_active_per_citizen" integer DEFAULT 1 NOT NULL,
	"min_notice_hours" integer DEFAULT 2 NOT NULL,
	"max_days_ahead" integer DEFAULT 60 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_services_duration_check" CHECK (duration_minutes > 0 and duration_minutes <= 480 and duration_minutes % 5 = 0),
	CONSTRAINT "appointment_services_limits_check" CHECK (max_active_per_citizen > 0 and min_notice_hours >= 0 and max_days_ahead > 0)
);
--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD CONSTRAINT "appointment_bookings_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD CONSTRAINT "appointment_bookings_office_id_appointment_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."appointment_offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD CONSTRAINT "appointment_bookings_counter_id_appointment_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."appointment_counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_closures" ADD CONSTRAINT "appointment_closures_office_id_appointment_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."appointment_offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_counter_claims" ADD CONSTRAINT "appointment_counter_claims_counter_id_appointment_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."appointment_counters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_counter_claims" ADD CONSTRAINT "appointment_counter_claims_booking_id_appointment_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."appointment_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_counter_services" ADD CONSTRAINT "appointment_counter_services_counter_id_appointment_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."appointment_counters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_counter_services" ADD CONSTRAINT "appointment_counter_services_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_counters" ADD CONSTRAINT "appointment_counters_office_id_appointment_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."appointment_offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_hours" ADD CONSTRAINT "appointment_hours_office_id_appointment_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."appointment_offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_hours" ADD CONSTRAINT "appointment_hours_service_id_appointment_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."appointment_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_bookings_code_idx" ON "appointment_bookings" USING btree ("code");--> statement-breakpoint
CREATE INDEX "appointment_bookings_citizen_idx" ON "appointment_bookings" USING btree ("citizen_fiscal_code","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_bookings_office_idx" ON "appointment_bookings" USING btree ("office_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_closures_range_idx" ON "appointment_closures" USING btree ("to_date");--> statement-breakpoint
CREATE INDEX "appointment_counter_claims_booking_idx" ON "appointment_counter_claims" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "appointment_counter_services_service_idx" ON "appointment_counter_services" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_counters_name_idx" ON "appointment_counters" USING btree ("office_id","name");--> statement-breakpoint
CREATE INDEX "appointment_hours_service_idx" ON "appointment_hours" USING btree ("service_id","office_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_offices_name_idx" ON "appointment_offices" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_services_name_idx" ON "appointment_services" USING btree ("name");