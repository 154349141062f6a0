import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { newsletterCampaigns, newsletterSends, newsletterSubscribers, newsletterTopics } from './tables.js'

export type TopicRow = typeof newsletterTopics.$inferSelect
export type SubscriberRow = typeof newsletterSubscribers.$inferSelect
export type CampaignRow = typeof newsletterCampaigns.$inferSelect

async function rowsOf<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

/** A text[] literal with one parameter per element (drizzle expands a bare array into a list). */
function textArray(values: string[]) {
  return sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`
}

// Topics

export async function listTopics(db: Queryable, options: { activeOnly: boolean }): Promise<TopicRow[]> {
  const query = db.select().from(newsletterTopics)
  const filtered = options.activeOnly ? query.where(eq(newsletterTopics.active, true)) : query
  return filtered.orderBy(asc(newsletterTopics.position), asc(newsletterTopics.id))
}

/** Adds a topic; null when the code is taken. */
export async function insertTopic(
  db: Queryable,
  row: typeof newsletterTopics.$inferInsert,
): Promise<TopicRow | null> {
  const [inserted] = await db.insert(newsletterTopics).values(row).onConflictDoNothing().returning()
  return inserted ?? null
}

export async function updateTopic(
  db: Queryable,
  id: string,
  changes: Partial<Pick<TopicRow, 'title' | 'description' | 'active' | 'position'>>,
): Promise<TopicRow | null> {
  const [row] = await db.update(newsletterTopics).set(changes).where(eq(newsletterTopics.id, id)).returning()
  return row ?? null
}

/** Confirmed subscribers per topic. */
export async function countSubscribersByTopic(db: Queryable): Promise<Map<string, number>> {
  const rows = await rowsOf<{ topic: string; count: string | number }>(
    db,
    sql`select topic, count(*) as count from ${newsletterSubscribers}, unnest(${newsletterSubscribers.topics}) as topic
        where ${newsletterSubscribers.status} = 'active' group by topic`,
  )
  return new Map(rows.map((row) => [row.topic, Number(row.count)]))
}

// Subscribers

export async function lockSubscriberByEmail(db: Queryable, email: string): Promise<SubscriberRow | null> {
  const [row] = await db
    .select()
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.email, email))
    .for('update')
  return row ?? null
}

/** Inserts a new address; null when another request inserted the same address a moment ago. */
export async function insertSubscriber(
  db: Queryable,
  row: typeof newsletterSubscribers.$inferInsert,
): Promise<SubscriberRow | null> {
  const [inserted] = await db.insert(newsletterSubscribers).values(row).onConflictDoNothing().returning()
  return inserted ?? null
}

export async function updateSubscriber(
  db: Queryable,
  id: string,
  changes: Partial<Omit<SubscriberRow, 'id' | 'email' | 'createdAt'>>,
): Promise<SubscriberRow> {
  const [row] = await db
    .update(newsletterSubscribers)
    .set(changes)
    .where(eq(newsletterSubscribers.id, id))
    .returning()
  if (!row) throw new Error(`subscriber ${id} vanished`)
  return row
}

export async function lockSubscriberByConfirmHash(
  db: Queryable,
  hash: string,
): Promise<SubscriberRow | null> {
  const [row] = await db
    .select()
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.confirmTokenHash, hash))
    .for('update')
  return row ?? null
}

export async function findSubscriberByUnsubscribeToken(
  db: Queryable,
  token: string,
): Promise<SubscriberRow | null> {
  const [row] = await db
    .select()
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.unsubscribeToken, token))
  return row ?? null
}

/** Unsubscribes once: a second click changes nothing and keeps the first campaign credited. */
export async function markUnsubscribed(
  db: Queryable,
  token: string,
  at: Date,
  campaignId: string | null,
): Promise<SubscriberRow | null> {
  const [row] = await db
    .update(newsletterSubscribers)
    .set({ status: 'unsubscribed', unsubscribedAt: at, unsubscribedCampaignId: campaignId })
    .where(
      and(
        eq(newsletterSubscribers.unsubscribeToken, token),
        sql`${newsletterSubscribers.status} <> 'unsubscribed'`,
      ),
    )
    .returning()
  return row ?? null
}

// Campaigns

export async function insertCampaign(
  db: Queryable,
  row: typeof newsletterCampaigns.$inferInsert,
): Promise<CampaignRow> {
  const [inserted] = await db.insert(newsletterCampaigns).values(row).returning()
  if (!inserted) throw new Error('campaign not inserted')
  return inserted
}

export async function findCampaign(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CampaignRow | null> {
  const query = db.select().from(newsletterCampaigns).where(eq(newsletterCampaigns.id, id))
  const [row] = options.lock ? await query.for('update') : await query
  return row ?? null
}

export async function updateCampaign(
  db: Queryable,
  id: string,
  changes: Partial<Omit<CampaignRow, 'id' | 'createdAt' | 'createdBy'>>,
): Promise<CampaignRow> {
  const [row] = await db
    .update(newsletterCampaigns)
    .set(changes)
    .where(eq(newsletterCampaigns.id, id))
    .returning()
  if (!row) throw new Error(`campaign ${id} vanished`)
  return row
}

export async function listCampaigns(db: Queryable, limit: number): Promise<CampaignRow[]> {
  return db.select().from(newsletterCampaigns).orderBy(desc(newsletterCampaigns.createdAt)).limit(limit)
}

// Sends

/**
 * Fixes the recipient list: every confirmed subscriber of any of the topics, numbered into batches.
 * One statement, so 500,000 recipients are written in seconds.
 */
export async function insertSends(
  db: Queryable,
  campaignId: string,
  topics: string[],
  batchSize: number,
): Promise<{ recipients: number; batches: number }> {
  const [row] = await rowsOf<{ recipients: string | number; batches: string | number | null }>(
    db,
    sql`with written as (
          insert into ${newsletterSends} (campaign_id, subscriber_id, batch)
          select ${campaignId}::uuid, id, ((row_number() over (order by id)) - 1) / ${batchSize}
          from ${newsletterSubscribers}
          where status = 'active' and topics && ${textArray(topics)}
          returning batch
        )
        select count(*) as recipients, max(batch) + 1 as batches from written`,
  )
  return { recipients: Number(row?.recipients ?? 0), batches: Number(row?.batches ?? 0) }
}

/** Per status, and how many left the list from this campaign's link. */
export async function countSends(
  db: Queryable,
  campaignIds: string[],
): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>()
  if (campaignIds.length === 0) return counts
  const bump = (id: string, key: string, value: number) => {
    const entry = counts.get(id) ?? {}
    entry[key] = (entry[key] ?? 0) + value
    counts.set(id, entry)
  }
  const sends = await db
    .select({
      campaignId: newsletterSends.campaignId,
      status: newsletterSends.status,
      count: sql<number>`count(*)::int`,
    })
    .from(newsletterSends)
    .where(inArray(newsletterSends.campaignId, campaignIds))
    .groupBy(newsletterSends.campaignId, newsletterSends.status)
  for (const row of sends) bump(row.campaignId, row.status, Number(row.count))
  const left = await db
    .select({ campaignId: newsletterSubscribers.unsubscribedCampaignId, count: sql<number>`count(*)::int` })
    .from(newsletterSubscribers)
    .where(inArray(newsletterSubscribers.unsubscribedCampaignId, campaignIds))
    .groupBy(newsletterSubscribers.unsubscribedCampaignId)
  for (const row of left) if (row.campaignId) bump(row.campaignId, 'unsubscribed', Number(row.count))
  return counts
}

export interface BatchRecipient {
  subscriberId: string
  email: string
  locale: string
  subscriberStatus: string
  unsubscribeToken: string
  attempts: number
}

/** The recipients of one batch still to send. */
export async function listQueuedInBatch(
  db: Queryable,
  campaignId: string,
  batch: number,
): Promise<BatchRecipient[]> {
  return db
    .select({
      subscriberId: newsletterSends.subscriberId,
      email: newsletterSubscribers.email,
      locale: newsletterSubscribers.locale,
      subscriberStatus: newsletterSubscribers.status,
      unsubscribeToken: newsletterSubscribers.unsubscribeToken,
      attempts: newsletterSends.attempts,
    })
    .from(newsletterSends)
    .innerJoin(newsletterSubscribers, eq(newsletterSubscribers.id, newsletterSends.subscriberId))
    .where(
      and(
        eq(newsletterSends.campaignId, campaignId),
        eq(newsletterSends.batch, batch),
        eq(newsletterSends.status, 'queued'),
      ),
    )
}

/** Records the outcome of some sends; only queued ones change, so a replayed batch cannot undo one. */
export async function markSends(
  db: Queryable,
  key: { campaignId: string; batch: number },
  subscriberIds: string[],
  outcome: { status: 'queued' | 'sent' | 'failed' | 'skipped'; error?: string },
  at: Date,
): Promise<void> {
  if (subscriberIds.length === 0) return
  await db
    .update(newsletterSends)
    .set({
      status: outcome.status,
      attempts: sql`${newsletterSends.attempts} + 1`,
      lastError: outcome.error ?? null,
      ...(outcome.status === 'sent' ? { sentAt: at } : {}),
    })
    .where(
      and(
        eq(newsletterSends.campaignId, key.campaignId),
        eq(newsletterSends.batch, key.batch),
        inArray(newsletterSends.subscriberId, subscriberIds),
        eq(newsletterSends.status, 'queued'),
      ),
    )
}

/** The campaign is sent once no recipient is queued any more. */
export async function finishCampaignIfDone(db: Queryable, campaignId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(newsletterCampaigns)
    .set({ status: 'sent', finishedAt: at, updatedAt: at })
    .where(
      and(
        eq(newsletterCampaigns.id, campaignId),
        eq(newsletterCampaigns.status, 'sending'),
        sql`not exists (select 1 from ${newsletterSends} where campaign_id = ${campaignId} and status = 'queued')`,
      ),
    )
    .returning({ id: newsletterCampaigns.id })
  return rows.length > 0
}
