CREATE TABLE "anonymous_email_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"proof_hash" text,
	"verified_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "canned_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid,
	"title" text NOT NULL,
	"body_it" text NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_calls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contact_id" uuid,
	"operator_staff_id" uuid NOT NULL,
	"category_id" uuid,
	"outcome" text NOT NULL,
	"ticket_id" uuid,
	"booking_code" text,
	"notes" text DEFAULT '' NOT NULL,
	"caller_phone" text,
	"started_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer NOT NULL,
	"wait_seconds" integer,
	"telephony_call_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_calls_outcome_check" CHECK (outcome in ('solved', 'ticket', 'appointment', 'transferred', 'dropped')),
	CONSTRAINT "contact_calls_duration_check" CHECK ("contact_calls"."duration_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "telephony_waits" (
	"telephony_call_id" text PRIMARY KEY NOT NULL,
	"wait_seconds" integer NOT NULL,
	"caller_phone" text,
	"queue" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"level" smallint NOT NULL,
	"code" text NOT NULL,
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"team_code" text,
	"process" text DEFAULT 'standard' NOT NULL,
	"first_response_minutes" integer,
	"resolution_minutes" integer,
	"citizen_visible" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_categories_level_check" CHECK ("ticket_categories"."level" between 1 and 3),
	CONSTRAINT "ticket_categories_parent_check" CHECK (("ticket_categories"."level" = 1) = ("ticket_categories"."parent_id" is null)),
	CONSTRAINT "ticket_categories_routing_check" CHECK ("ticket_categories"."level" < 3 or ("ticket_categories"."team_code" is not null and "ticket_categories"."first_response_minutes" > 0 and "ticket_categories"."resolution_minutes" > 0)),
	CONSTRAINT "ticket_categories_process_check" CHECK (process in ('standard', 'mayor-letter', 'problem-report'))
);
--> statement-breakpoint
CREATE TABLE "ticket_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_code" text,
	"display_name" text DEFAULT '' NOT NULL,
	"email" text,
	"email_verified" boolean DEFAULT false NOT NULL,
	"phone" text,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"team_code" text,
	"staff_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ticket_events_kind_check" CHECK (kind in ('created', 'status', 'assigned', 'forwarded', 'merged', 'categorised', 'sla-warning', 'sla-breached', 'escalated', 'reopened'))
);
--> statement-breakpoint
CREATE TABLE "ticket_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"author_staff_id" uuid,
	"author_name" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"email_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_messages_kind_check" CHECK (kind in ('inbound', 'reply', 'note'))
);
--> statement-breakpoint
CREATE TABLE "ticket_team_settings" (
	"team_code" text PRIMARY KEY NOT NULL,
	"assignment" text DEFAULT 'claim' NOT NULL,
	"escalation_email" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_team_settings_assignment_check" CHECK ("ticket_team_settings"."assignment" in ('claim', 'least-loaded'))
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"category_id" uuid,
	"team_code" text NOT NULL,
	"assignee_staff_id" uuid,
	"status" text NOT NULL,
	"subject" text NOT NULL,
	"external_ref" text,
	"first_response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"sla_paused_at" timestamp with time zone,
	"first_responded_at" timestamp with time zone,
	"sla_warned_at" timestamp with time zone,
	"sla_breached_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tickets_channel_check" CHECK (channel in ('web', 'phone', 'email', 'social', 'chatbot', 'mayor', 'report')),
	CONSTRAINT "tickets_status_check" CHECK (status in ('new', 'assigned', 'in-progress', 'waiting-citizen', 'waiting-office', 'resolved', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_category_id_ticket_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ticket_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_calls" ADD CONSTRAINT "contact_calls_contact_id_ticket_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."ticket_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_calls" ADD CONSTRAINT "contact_calls_category_id_ticket_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ticket_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_calls" ADD CONSTRAINT "contact_calls_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_message_id_ticket_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."ticket_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_categories" ADD CONSTRAINT "ticket_categories_parent_id_ticket_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."ticket_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_contacts" ADD CONSTRAINT "ticket_contacts_merged_into_id_ticket_contacts_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."ticket_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_contact_id_ticket_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."ticket_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_category_id_ticket_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ticket_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_merged_into_id_tickets_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "anonymous_email_challenges_email_idx" ON "anonymous_email_challenges" USING btree (lower("email"),"created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "anonymous_email_challenges_proof_idx" ON "anonymous_email_challenges" USING btree ("proof_hash");--> statement-breakpoint
CREATE INDEX "canned_replies_category_idx" ON "canned_replies" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "contact_calls_contact_idx" ON "contact_calls" USING btree ("contact_id","started_at");--> statement-breakpoint
CREATE INDEX "contact_calls_started_idx" ON "contact_calls" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_calls_telephony_idx" ON "contact_calls" USING btree ("telephony_call_id");--> statement-breakpoint
CREATE INDEX "ticket_attachments_ticket_idx" ON "ticket_attachments" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_categories_code_idx" ON "ticket_categories" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ticket_categories_parent_idx" ON "ticket_categories" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_contacts_fiscal_code_idx" ON "ticket_contacts" USING btree ("fiscal_code");--> statement-breakpoint
CREATE INDEX "ticket_contacts_email_idx" ON "ticket_contacts" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "ticket_contacts_phone_idx" ON "ticket_contacts" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","occurred_at");--> statement-breakpoint
CREATE INDEX "ticket_messages_ticket_idx" ON "ticket_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_messages_email_idx" ON "ticket_messages" USING btree ("email_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_code_idx" ON "tickets" USING btree ("code");--> statement-breakpoint
CREATE INDEX "tickets_contact_idx" ON "tickets" USING btree ("contact_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_team_queue_idx" ON "tickets" USING btree ("team_code","resolution_due_at") WHERE status not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "tickets_assignee_idx" ON "tickets" USING btree ("assignee_staff_id","resolution_due_at") WHERE status not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "tickets_sla_watch_idx" ON "tickets" USING btree ("resolution_due_at") WHERE status not in ('resolved', 'closed', 'waiting-citizen') and sla_breached_at is null;--> statement-breakpoint
CREATE INDEX "tickets_resolved_idx" ON "tickets" USING btree ("resolved_at") WHERE status = 'resolved';--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_external_ref_idx" ON "tickets" USING btree ("channel","external_ref");