import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'

/**
 * A citizen's private calendar feed: the URL carries a random token, only its hash is kept. One per
 * citizen; a new one replaces the old, which stops working at once.
 */
export const deadlineFeeds = pgTable(
  'deadline_feeds',
  {
    fiscalCode: text('fiscal_code').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('deadline_feeds_token_idx').on(table.tokenHash)],
)
