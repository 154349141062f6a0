import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

export type LocalisedText = { it: string; en: string }

/** What people can subscribe to ("Eventi", "Mobilità"…); staff add and retire topics. */
export const newsletterTopics = pgTable('newsletter_topics', {
  id: text('id').primaryKey(),
  title: jsonb('title').$type<LocalisedText>().notNull(),
  description: jsonb('description').$type<LocalisedText>().notNull(),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
})

export const SUBSCRIBER_STATUSES = ['pending', 'active', 'unsubscribed'] as const

/**
 * An e-mail address on the list. It needs no account: anyone may subscribe, and the address counts
 * only once its owner confirms (double opt-in). Unsubscribed addresses are kept, with when and from
 * which campaign, so the city can prove consent and count who left.
 */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased. */
    email: text('email').notNull(),
    locale: text('locale').notNull().default('it'),
    status: text('status').notNull().default('pending'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    /** The topics asked for and not yet confirmed. */
    pendingTopics: text('pending_topics').array(),
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    confirmSentAt: timestamp('confirm_sent_at', { withTimezone: true }),
    /** A random capability in every newsletter's unsubscribe link. */
    unsubscribeToken: text('unsubscribe_token').notNull(),
    createdAt: createdAt(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    unsubscribedCampaignId: uuid('unsubscribed_campaign_id'),
  },
  (table) => [
    uniqueIndex('newsletter_subscribers_email_idx').on(table.email),
    uniqueIndex('newsletter_subscribers_unsubscribe_idx').on(table.unsubscribeToken),
    uniqueIndex('newsletter_subscribers_confirm_idx').on(table.confirmTokenHash),
    index('newsletter_subscribers_topics_idx')
      .using('gin', table.topics)
      .where(sql`${table.status} = 'active'`),
    index('newsletter_subscribers_left_idx').on(table.unsubscribedCampaignId),
    check(
      'newsletter_subscribers_status_check',
      sql.raw(`status in (${SUBSCRIBER_STATUSES.map((s) => `'${s}'`).join(', ')})`),
    ),
  ],
)

export const CAMPAIGN_STATUSES = ['draft', 'sending', 'sent'] as const

/** A newsletter issue written by the communication staff for one or more topics. */
export const newsletterCampaigns = pgTable(
  'newsletter_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: jsonb('subject').$type<{ it: string; en?: string }>().notNull(),
    body: jsonb('body').$type<{ it: string; en?: string }>().notNull(),
    topics: text('topics').array().notNull(),
    status: text('status').notNull().default('draft'),
    recipients: integer('recipients'),
    createdBy: uuid('created_by').notNull(),
    sentBy: uuid('sent_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('newsletter_campaigns_created_idx').on(table.createdAt),
    check(
      'newsletter_campaigns_status_check',
      sql.raw(`status in (${CAMPAIGN_STATUSES.map((s) => `'${s}'`).join(', ')})`),
    ),
  ],
)

export const SEND_STATUSES = ['queued', 'sent', 'failed', 'skipped'] as const

/**
 * One recipient of one campaign. Written for every recipient when the campaign starts, so the list
 * is fixed at that moment; batches of them are sent by jobs. A send leaves `queued` once.
 */
export const newsletterSends = pgTable(
  'newsletter_sends',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => newsletterCampaigns.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: 'cascade' }),
    batch: integer('batch').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.campaignId, table.subscriberId] }),
    // What is left to send, by batch: small, and it shrinks as the campaign goes out.
    index('newsletter_sends_queued_idx')
      .on(table.campaignId, table.batch)
      .where(sql`${table.status} = 'queued'`),
    check(
      'newsletter_sends_status_check',
      sql.raw(`status in (${SEND_STATUSES.map((s) => `'${s}'`).join(', ')})`),
    ),
  ],
)
