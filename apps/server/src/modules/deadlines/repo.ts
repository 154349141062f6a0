import { and, eq, isNull, lt, or } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { deadlineFeeds } from './tables.js'

export type FeedRow = typeof deadlineFeeds.$inferSelect

export async function findFeedOf(db: Queryable, fiscalCode: string): Promise<FeedRow | null> {
  const [row] = await db.select().from(deadlineFeeds).where(eq(deadlineFeeds.fiscalCode, fiscalCode))
  return row ?? null
}

export async function findFeedByTokenHash(db: Queryable, tokenHash: string): Promise<FeedRow | null> {
  const [row] = await db.select().from(deadlineFeeds).where(eq(deadlineFeeds.tokenHash, tokenHash))
  return row ?? null
}

/** One feed per citizen: a new token replaces the old one in the same row. */
export async function replaceFeed(db: Queryable, fiscalCode: string, tokenHash: string, at: Date) {
  await db
    .insert(deadlineFeeds)
    .values({ fiscalCode, tokenHash, createdAt: at, lastReadAt: null })
    .onConflictDoUpdate({
      target: deadlineFeeds.fiscalCode,
      set: { tokenHash, createdAt: at, lastReadAt: null },
    })
}

export async function deleteFeed(db: Queryable, fiscalCode: string): Promise<boolean> {
  const rows = await db
    .delete(deadlineFeeds)
    .where(eq(deadlineFeeds.fiscalCode, fiscalCode))
    .returning({ fiscalCode: deadlineFeeds.fiscalCode })
  return rows.length > 0
}

/** Notes a calendar's fetch, at most once an hour, so frequent polling does not mean frequent writes. */
export async function touchFeed(db: Queryable, fiscalCode: string, at: Date) {
  const hourAgo = new Date(at.getTime() - 3_600_000)
  await db
    .update(deadlineFeeds)
    .set({ lastReadAt: at })
    .where(
      and(
        eq(deadlineFeeds.fiscalCode, fiscalCode),
        or(isNull(deadlineFeeds.lastReadAt), lt(deadlineFeeds.lastReadAt, hourAgo)),
      ),
    )
}
