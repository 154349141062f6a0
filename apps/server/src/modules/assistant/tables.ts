import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  customType,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/** PostgreSQL's text-search document; written by the repository from the entry's texts. */
const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector'
  },
})

/** A button the web renders under an answer: book, pay, request a certificate, open a service page. */
export type AssistantAction = {
  kind: 'appointment' | 'payment' | 'certificate' | 'service'
  target: string
  labelIt?: string
  labelEn?: string
}

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}

/**
 * One FAQ of the knowledge base. The search documents are kept by the repository on every write
 * (question weighted A, other phrasings B, answer C), so a query needs no work on the entry's text.
 */
export const assistantEntries = pgTable(
  'assistant_entries',
  {
    id: uuid('id').primaryKey(),
    /** Set on the demo entries only, so the seed can run again without duplicating them. */
    seedKey: text('seed_key'),
    topic: text('topic').notNull(),
    questionIt: text('question_it').notNull(),
    questionEn: text('question_en'),
    phrasingsIt: text('phrasings_it').array().notNull().default(sql`'{}'::text[]`),
    phrasingsEn: text('phrasings_en').array().notNull().default(sql`'{}'::text[]`),
    answerIt: text('answer_it').notNull(),
    answerEn: text('answer_en'),
    serviceSlugs: text('service_slugs').array().notNull().default(sql`'{}'::text[]`),
    actions: jsonb('actions').$type<AssistantAction[]>().notNull().default([]),
    published: boolean('published').notNull().default(false),
    searchIt: tsvector('search_it').notNull(),
    searchEn: tsvector('search_en').notNull(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('assistant_entries_seed_key_idx').on(table.seedKey),
    index('assistant_entries_search_it_idx').using('gin', table.searchIt),
    index('assistant_entries_search_en_idx').using('gin', table.searchEn),
    index('assistant_entries_topic_idx').on(table.topic),
  ],
)

/** Words people use for the same thing ("CIE", "carta d'identità elettronica"), in one language. */
export const assistantSynonyms = pgTable(
  'assistant_synonyms',
  {
    id: uuid('id').primaryKey(),
    seedKey: text('seed_key'),
    language: text('language').notNull(),
    terms: text('terms').array().notNull(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('assistant_synonyms_seed_key_idx').on(table.seedKey),
    check('assistant_synonyms_language', sql`${table.language} in ('it', 'en')`),
    index('assistant_synonyms_language_idx').on(table.language),
  ],
)

/**
 * One conversation. It holds no identity: a signed-in citizen is known only at the hand-off, from
 * the request. The id is random and acts as the conversation's key for whoever started it.
 */
export const assistantSessions = pgTable(
  'assistant_sessions',
  {
    id: uuid('id').primaryKey(),
    locale: text('locale').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    ticketCode: text('ticket_code'),
    handedOffAt: timestamp('handed_off_at', { withTimezone: true }),
  },
  (table) => [
    index('assistant_sessions_started_idx').on(table.startedAt),
    index('assistant_sessions_handed_off_idx').on(table.handedOffAt),
  ],
)

/**
 * One question and the assistant's reply: the transcript, the figures and the list of questions the
 * knowledge base could not answer. Texts are what the person typed and are blanked after the
 * retention period; the counts stay.
 */
export const assistantQuestions = pgTable(
  'assistant_questions',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => assistantSessions.id, { onDelete: 'cascade' }),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    language: text('language').notNull(),
    text: text('text').notNull(),
    /** Lower case, no accents or punctuation: how unanswered questions are grouped. */
    normalizedText: text('normalized_text').notNull(),
    replyText: text('reply_text').notNull(),
    understood: boolean('understood').notNull(),
    entryId: uuid('entry_id').references(() => assistantEntries.id, { onDelete: 'set null' }),
    confidence: real('confidence').notNull(),
    helpful: boolean('helpful'),
    /** An unanswered question staff dealt with, by the entry that now answers it. */
    handledEntryId: uuid('handled_entry_id').references(() => assistantEntries.id, { onDelete: 'set null' }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (table) => [
    index('assistant_questions_session_idx').on(table.sessionId, table.askedAt),
    index('assistant_questions_asked_idx').on(table.askedAt),
    index('assistant_questions_unanswered_idx')
      .on(table.normalizedText)
      .where(sql`${table.understood} = false and ${table.handledAt} is null`),
  ],
)
