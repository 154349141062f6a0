import { sql } from 'drizzle-orm'
import { bigint, check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** Messages "sent" on a machine with no mail relay or SMS gateway, for people and tests to read. */
export const devOutbox = pgTable(
  'dev_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    text: text('text').notNull(),
    html: text('html'),
    /** Extra e-mail headers (List-Unsubscribe, …), so what a mail client would see can be checked. */
    headers: jsonb('headers').$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('dev_outbox_recipient_idx').on(table.recipient),
    check('dev_outbox_channel_check', sql`${table.channel} in ('email', 'sms', 'io')`),
  ],
)
