CREATE TABLE "assistant_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seed_key" text,
	"topic" text NOT NULL,
	"question_it" text NOT NULL,
	"question_en" text,
	"phrasings_it" text[] DEFAULT '{}'::text[] NOT NULL,
	"phrasings_en" text[] DEFAULT '{}'::text[] NOT NULL,
	"answer_it" text NOT NULL,
	"answer_en" text,
	"service_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"search_it" "tsvector" NOT NULL,
	"search_en" "tsvector" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistant_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"language" text NOT NULL,
	"text" text NOT NULL,
	"normalized_text" text NOT NULL,
	"reply_text" text NOT NULL,
	"understood" boolean NOT NULL,
	"entry_id" uuid,
	"confidence" real NOT NULL,
	"helpful" boolean,
	"handled_entry_id" uuid,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assistant_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"locale" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	"ticket_code" text,
	"handed_off_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assistant_synonyms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seed_key" text,
	"language" text NOT NULL,
	"terms" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assistant_synonyms_language" CHECK ("assistant_synonyms"."language" in ('it', 'en'))
);
--> statement-breakpoint
ALTER TABLE "assistant_questions" ADD CONSTRAINT "assistant_questions_session_id_assistant_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."assistant_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistant_questions" ADD CONSTRAINT "assistant_questions_entry_id_assistant_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."assistant_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistant_questions" ADD CONSTRAINT "assistant_questions_handled_entry_id_assistant_entries_id_fk" FOREIGN KEY ("handled_entry_id") REFERENCES "public"."assistant_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assistant_entries_seed_key_idx" ON "assistant_entries" USING btree ("seed_key");--> statement-breakpoint
CREATE INDEX "assistant_entries_search_it_idx" ON "assistant_entries" USING gin ("search_it");--> statement-breakpoint
CREATE INDEX "assistant_entries_search_en_idx" ON "assistant_entries" USING gin ("search_en");--> statement-breakpoint
CREATE INDEX "assistant_entries_topic_idx" ON "assistant_entries" USING btree ("topic");--> statement-breakpoint
CREATE INDEX "assistant_questions_session_idx" ON "assistant_questions" USING btree ("session_id","asked_at");--> statement-breakpoint
CREATE INDEX "assistant_questions_asked_idx" ON "assistant_questions" USING btree ("asked_at");--> statement-breakpoint
CREATE INDEX "assistant_questions_unanswered_idx" ON "assistant_questions" USING btree ("normalized_text") WHERE "assistant_questions"."understood" = false and "assistant_questions"."handled_at" is null;--> statement-breakpoint
CREATE INDEX "assistant_sessions_started_idx" ON "assistant_sessions" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "assistant_sessions_handed_off_idx" ON "assistant_sessions" USING btree ("handed_off_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assistant_synonyms_seed_key_idx" ON "assistant_synonyms" USING btree ("seed_key");--> statement-breakpoint
CREATE INDEX "assistant_synonyms_language_idx" ON "assistant_synonyms" USING btree ("language");