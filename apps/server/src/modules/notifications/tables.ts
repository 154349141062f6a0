import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
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
import { citizenAccounts } from '../identity/tables.js'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

/**
 * A message in a citizen's inbox. It belongs to the person (fiscal code), not to an account: the
 * city may write to someone who has never signed in, and App IO reaches them by fiscal code alone.
 */
export const notificationMessages = pgTable(
  'notification_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientFiscalCode: text('recipient_fiscal_code').notNull(),
    template: text('template').notNull(),
    topic: text('topic').notNull(),
    /** Legal messages (payment notices, formal communications) cannot be switched off. */
    legal: boolean('legal').notNull().default(false),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    dueDate: date('due_date'),
    payment: jsonb('payment').$type<{ noticeNumber: string; amountCents: number; payeeFiscalCode: string }>(),
    action: jsonb('action').$type<{ url: string; label: string }>(),
    /** Makes sending idempotent: the same event never lands twice in an inbox. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('notification_messages_dedupe_idx').on(table.dedupeKey),
    index('notification_messages_inbox_idx').on(table.recipientFiscalCode, table.createdAt),
  ],
)

export const DELIVERY_CHANNELS = ['push', 'email', 'sms', 'io'] as const
export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'skipped'] as const

/** One channel's delivery of a message: queued → sent → delivered, or failed, or skipped. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => notificationMessages.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    providerId: text('provider_id'),
    lastError: text('last_error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.messageId, table.channel] }),
    index('notification_deliveries_status_idx').on(table.status, table.updatedAt),
    check(
      'notification_deliveries_channel_check',
      sql.raw(`channel in (${DELIVERY_CHANNELS.map((c) => `'${c}'`).join(', ')})`),
    ),
    check(
      'notification_deliveries_status_check',
      sql.raw(`status in (${DELIVERY_STATUSES.map((s) => `'${s}'`).join(', ')})`),
    ),
  ],
)

/** Which channels a citizen wants for each topic, and when not to be disturbed. */
export const notificationPreferences = pgTable('notification_preferences', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => citizenAccounts.id, { onDelete: 'cascade' }),
  channelsByTopic: jsonb('channels_by_topic').$type<Record<string, string[]>>().notNull(),
  /** Quiet hours in Rome time, "22:00"–"08:00"; null for none. */
  quietFrom: text('quiet_from'),
  quietUntil: text('quiet_until'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** A browser's Web Push subscription; pruned when the push service answers 404 or 410. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => citizenAccounts.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('push_subscriptions_endpoint_idx').on(table.endpoint),
    index('push_subscriptions_account_idx').on(table.accountId),
  ],
)

/** The server's VAPID key pair, created on first start and kept so subscriptions stay valid. */
export const pushKeys = pgTable('push_keys', {
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: createdAt(),
})

/** Proactive rules staff can switch off, and the last day each one ran. */
export const notificationRules = pgTable('notification_rules', {
  id: text('id').primaryKey(),
  enabled: boolean('enabled').notNull().default(true),
  lastRunOn: date('last_run_on'),
  lastRunSent: bigint('last_run_sent', { mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
