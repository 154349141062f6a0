import { desc, eq } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { devOutbox } from './tables.js'

export type DevOutboxMessage = typeof devOutbox.$inferSelect
export type NewDevOutboxMessage = typeof devOutbox.$inferInsert

export async function insertDevOutboxMessage(db: Queryable, message: NewDevOutboxMessage): Promise<void> {
  await db.insert(devOutbox).values(message)
}

/** Newest first; optionally only those sent to one address or number. */
export async function listLatestDevOutboxMessages(
  db: Queryable,
  options: { limit: number; recipient?: string },
): Promise<DevOutboxMessage[]> {
  const query = db.select().from(devOutbox)
  const filtered = options.recipient ? query.where(eq(devOutbox.recipient, options.recipient)) : query
  return filtered.orderBy(desc(devOutbox.id)).limit(options.limit)
}
