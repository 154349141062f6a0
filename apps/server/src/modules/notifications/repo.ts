import { and, desc, eq, ilike, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { TimelinePage } from '../../platform/timeline-source.js'
import {
  notificationDeliveries,
  notificationMessages,
  notificationPreferences,
  notificationRules,
  pushKeys,
  pushSubscriptions,
} from './tables.js'

export type MessageRow = typeof notificationMessages.$inferSelect
export type NewMessageRow = typeof notificationMessages.$inferInsert
export type DeliveryRow = typeof notificationDeliveries.$inferSelect
export type PreferencesRow = typeof notificationPreferences.$inferSelect
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect

/** Inserts the message unless one with its dedupe key exists; returns null for a duplicate. */
export async function insertMessage(db: Queryable, row: NewMessageRow): Promise<MessageRow | null> {
  const [inserted] = await db.insert(notificationMessages).values(row).onConflictDoNothing().returning()
  return inserted ?? null
}

export async function findMessageByDedupeKey(db: Queryable, dedupeKey: string): Promise<MessageRow | null> {
  const [row] = await db
    .select()
    .from(notificationMessages)
    .where(eq(notificationMessages.dedupeKey, dedupeKey))
  return row ?? null
}

export async function insertDeliveries(
  db: Queryable,
  rows: { messageId: string; channel: string; status: string }[],
): Promise<void> {
  if (rows.length > 0) await db.insert(notificationDeliveries).values(rows).onConflictDoNothing()
}

export async function findDelivery(
  db: Queryable,
  messageId: string,
  channel: string,
): Promise<{ message: MessageRow; delivery: DeliveryRow } | null> {
  const [row] = await db
    .select({ message: notificationMessages, delivery: notificationDeliveries })
    .from(notificationDeliveries)
    .innerJoin(notificationMessages, eq(notificationMessages.id, notificationDeliveries.messageId))
    .where(and(eq(notificationDeliveries.messageId, messageId), eq(notificationDeliveries.channel, channel)))
  return row ?? null
}

export async function updateDelivery(
  db: Queryable,
  key: { messageId: string; channel: string },
  changes: Partial<Pick<DeliveryRow, 'status' | 'attempts' | 'providerId' | 'lastError'>>,
  at: Date,
): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set({ ...changes, updatedAt: at })
    .where(
      and(
        eq(notificationDeliveries.messageId, key.messageId),
        eq(notificationDeliveries.channel, key.channel),
      ),
    )
}

export async function listDeliveriesOf(db: Queryable, messageIds: readonly string[]): Promise<DeliveryRow[]> {
  if (messageIds.length === 0) return []
  return db
    .select()
    .from(notificationDeliveries)
    .where(sql`${notificationDeliveries.messageId} = any(${sql.param(messageIds)}::uuid[])`)
}

export interface InboxQuery {
  fiscalCode: string
  box: 'inbox' | 'archived'
  unreadOnly: boolean
  text?: string
  /** Newest first; the page continues before this creation instant. */
  before?: Date
  limit: number
}

export async function listInboxMessages(db: Queryable, query: InboxQuery): Promise<MessageRow[]> {
  const conditions = [
    eq(notificationMessages.recipientFiscalCode, query.fiscalCode),
    query.box === 'archived'
      ? isNotNull(notificationMessages.archivedAt)
      : isNull(notificationMessages.archivedAt),
  ]
  if (query.unreadOnly) conditions.push(isNull(notificationMessages.readAt))
  if (query.before) conditions.push(lt(notificationMessages.createdAt, query.before))
  if (query.text) {
    const pattern = `%${query.text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    const match = or(
      ilike(notificationMessages.subject, pattern),
      ilike(notificationMessages.bodyMarkdown, pattern),
    )
    if (match) conditions.push(match)
  }
  return db
    .select()
    .from(notificationMessages)
    .where(and(...conditions))
    .orderBy(desc(notificationMessages.createdAt), desc(notificationMessages.id))
    .limit(query.limit)
}

export async function countUnread(db: Queryable, fiscalCode: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`cast(count(*) as integer)` })
    .from(notificationMessages)
    .where(
      and(
        eq(notificationMessages.recipientFiscalCode, fiscalCode),
        isNull(notificationMessages.readAt),
        isNull(notificationMessages.archivedAt),
      ),
    )
  return row?.count ?? 0
}

/** Changes one message of one recipient; null when it is not theirs (or does not exist). */
export async function updateOwnMessage(
  db: Queryable,
  key: { id: string; fiscalCode: string },
  changes: Partial<Pick<MessageRow, 'readAt' | 'archivedAt'>>,
): Promise<MessageRow | null> {
  const [row] = await db
    .update(notificationMessages)
    .set(changes)
    .where(
      and(eq(notificationMessages.id, key.id), eq(notificationMessages.recipientFiscalCode, key.fiscalCode)),
    )
    .returning()
  return row ?? null
}

export async function findOwnMessage(
  db: Queryable,
  key: { id: string; fiscalCode: string },
): Promise<MessageRow | null> {
  const [row] = await db
    .select()
    .from(notificationMessages)
    .where(
      and(eq(notificationMessages.id, key.id), eq(notificationMessages.recipientFiscalCode, key.fiscalCode)),
    )
  return row ?? null
}

export async function findPreferences(db: Queryable, accountId: string): Promise<PreferencesRow | null> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.accountId, accountId))
  return row ?? null
}

export async function upsertPreferences(
  db: Queryable,
  row: Omit<PreferencesRow, 'updatedAt'>,
  at: Date,
): Promise<PreferencesRow> {
  const [saved] = await db
    .insert(notificationPreferences)
    .values({ ...row, updatedAt: at })
    .onConflictDoUpdate({
      target: notificationPreferences.accountId,
      set: {
        channelsByTopic: row.channelsByTopic,
        quietFrom: row.quietFrom,
        quietUntil: row.quietUntil,
        updatedAt: at,
      },
    })
    .returning()
  return saved as PreferencesRow
}

/** A browser subscribing again (same endpoint) replaces its keys and owner. */
export async function upsertPushSubscription(
  db: Queryable,
  row: Pick<PushSubscriptionRow, 'accountId' | 'endpoint' | 'p256dh' | 'auth' | 'userAgent'>,
): Promise<PushSubscriptionRow> {
  const [saved] = await db
    .insert(pushSubscriptions)
    .values(row)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { accountId: row.accountId, p256dh: row.p256dh, auth: row.auth, userAgent: row.userAgent },
    })
    .returning()
  return saved as PushSubscriptionRow
}

export async function listPushSubscriptions(
  db: Queryable,
  accountId: string,
): Promise<PushSubscriptionRow[]> {
  return db.select().from(pushSubscriptions).where(eq(pushSubscriptions.accountId, accountId))
}

export async function deletePushSubscription(
  db: Queryable,
  key: { id: string; accountId?: string },
): Promise<number> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(
      key.accountId
        ? and(eq(pushSubscriptions.id, key.id), eq(pushSubscriptions.accountId, key.accountId))
        : eq(pushSubscriptions.id, key.id),
    )
    .returning({ id: pushSubscriptions.id })
  return rows.length
}

export async function markPushSuccess(db: Queryable, id: string, at: Date): Promise<void> {
  await db.update(pushSubscriptions).set({ lastSuccessAt: at }).where(eq(pushSubscriptions.id, id))
}

export async function findPushKeys(db: Queryable): Promise<{ publicKey: string; privateKey: string } | null> {
  const [row] = await db.select().from(pushKeys).where(eq(pushKeys.id, 'vapid'))
  return row ?? null
}

export async function insertPushKeysIfMissing(
  db: Queryable,
  keys: { publicKey: string; privateKey: string },
): Promise<void> {
  await db
    .insert(pushKeys)
    .values({ id: 'vapid', ...keys })
    .onConflictDoNothing()
}

export async function listRuleStates(db: Queryable) {
  return db.select().from(notificationRules)
}

export async function ensureRuleStates(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length > 0)
    await db
      .insert(notificationRules)
      .values(ids.map((id) => ({ id })))
      .onConflictDoNothing()
}

export async function setRuleEnabled(db: Queryable, id: string, enabled: boolean, at: Date) {
  const [row] = await db
    .update(notificationRules)
    .set({ enabled, updatedAt: at })
    .where(eq(notificationRules.id, id))
    .returning()
  return row ?? null
}

export async function markRuleRun(
  db: Queryable,
  id: string,
  day: string,
  sent: number,
  at: Date,
): Promise<void> {
  await db
    .update(notificationRules)
    .set({ lastRunOn: day, lastRunSent: sent, updatedAt: at })
    .where(eq(notificationRules.id, id))
}

/** Deliveries that ran out of retries, newest first, with what staff need to judge them. */
export async function listFailedDeliveries(db: Queryable, limit: number) {
  return db
    .select({
      messageId: notificationDeliveries.messageId,
      channel: notificationDeliveries.channel,
      attempts: notificationDeliveries.attempts,
      lastError: notificationDeliveries.lastError,
      updatedAt: notificationDeliveries.updatedAt,
      template: notificationMessages.template,
      subject: notificationMessages.subject,
      recipientFiscalCode: notificationMessages.recipientFiscalCode,
    })
    .from(notificationDeliveries)
    .innerJoin(notificationMessages, eq(notificationMessages.id, notificationDeliveries.messageId))
    .where(eq(notificationDeliveries.status, 'failed'))
    .orderBy(desc(notificationDeliveries.updatedAt))
    .limit(limit)
}

/** A failed delivery back in the queue; false when it is not (or no longer) failed. */
export async function requeueFailedDelivery(
  db: Queryable,
  key: { messageId: string; channel: string },
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(notificationDeliveries)
    .set({ status: 'queued', attempts: 0, updatedAt: at })
    .where(
      and(
        eq(notificationDeliveries.messageId, key.messageId),
        eq(notificationDeliveries.channel, key.channel),
        eq(notificationDeliveries.status, 'failed'),
      ),
    )
    .returning({ messageId: notificationDeliveries.messageId })
  return rows.length > 0
}

/** Messages sent to a citizen, archived or not, for the operators' timeline, newest first. */
/** What the city sent a citizen, newest first, as its part of the CRM's 360° view. */
export function messagesTimelineSql(fiscalCode: string, page: TimelinePage): SQL {
  return sql`select 'message' as kind, ${notificationMessages.createdAt} as at,
      ${notificationMessages.id}::text as reference,
      case when ${notificationMessages.readAt} is null then 'unread' else 'read' end as status,
      ${notificationMessages.subject} as title, null::text as detail, null::text as channel,
      null::int as amount_cents, null::text as team_code
    from ${notificationMessages}
    where ${notificationMessages.recipientFiscalCode} = ${fiscalCode}
      ${page.before ? sql`and ${notificationMessages.createdAt} < ${page.before.toISOString()}::timestamptz` : sql``}
    order by ${notificationMessages.createdAt} desc
    limit ${page.limit}`
}
