import { and, asc, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import {
  ticketAttachments,
  ticketCategories,
  ticketContacts,
  ticketEvents,
  ticketMessages,
  tickets,
} from './tables.js'

export type TicketRow = typeof tickets.$inferSelect
export type TicketChanges = Partial<
  Omit<typeof tickets.$inferInsert, 'id' | 'code' | 'version' | 'createdAt'>
>
export type ContactRow = typeof ticketContacts.$inferSelect
export type CategoryRow = typeof ticketCategories.$inferSelect
export type MessageRow = typeof ticketMessages.$inferSelect
export type NewMessage = typeof ticketMessages.$inferInsert
export type EventRow = typeof ticketEvents.$inferSelect
export type NewEvent = typeof ticketEvents.$inferInsert
export type AttachmentRow = typeof ticketAttachments.$inferSelect

export async function findTicketById(db: Queryable, id: string): Promise<TicketRow | null> {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, id)).limit(1)
  return row ?? null
}

export async function findTicketByCode(db: Queryable, code: string): Promise<TicketRow | null> {
  const [row] = await db.select().from(tickets).where(eq(tickets.code, code)).limit(1)
  return row ?? null
}

/** The ticket row locked for the rest of the transaction: changes to one ticket queue up. */
export async function lockTicket(tx: Queryable, id: string): Promise<TicketRow | null> {
  const [row] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update')
  return row ?? null
}

export async function lockTicketByCode(tx: Queryable, code: string): Promise<TicketRow | null> {
  const [row] = await tx.select().from(tickets).where(eq(tickets.code, code)).for('update')
  return row ?? null
}

export async function insertTicket(tx: Queryable, row: typeof tickets.$inferInsert): Promise<TicketRow> {
  const [inserted] = await tx.insert(tickets).values(row).returning()
  if (!inserted) throw new Error('ticket not inserted')
  return inserted
}

/**
 * Changes a ticket and bumps its version. With `expectedVersion` the change happens only if nobody
 * changed the ticket since that version was read: null then means the caller's copy is stale.
 */
export async function updateTicket(
  tx: Queryable,
  id: string,
  changes: TicketChanges,
  expectedVersion?: number,
): Promise<TicketRow | null> {
  const where =
    expectedVersion === undefined
      ? eq(tickets.id, id)
      : and(eq(tickets.id, id), eq(tickets.version, expectedVersion))
  const [row] = await tx
    .update(tickets)
    .set({ ...changes, version: sql`${tickets.version} + 1` })
    .where(where)
    .returning()
  return row ?? null
}

/** A category with its topic and area, as the console and the routing need them. */
export interface CategoryWithParents extends CategoryRow {
  topic: { id: string; code: string; nameIt: string; nameEn: string } | null
  area: { id: string; code: string; nameIt: string; nameEn: string } | null
}

type CategoryName = { id: string; code: string; nameIt: string; nameEn: string }
const nameOf = (row: CategoryRow): CategoryName => ({
  id: row.id,
  code: row.code,
  nameIt: row.nameIt,
  nameEn: row.nameEn,
})

async function categoryRow(db: Queryable, where: SQL | undefined): Promise<CategoryRow | null> {
  const [row] = await db.select().from(ticketCategories).where(where).limit(1)
  return row ?? null
}

/** A node and its ancestors: at most three reads by key. */
async function withParents(db: Queryable, row: CategoryRow | null): Promise<CategoryWithParents | null> {
  if (!row) return null
  const parent = row.parentId ? await categoryRow(db, eq(ticketCategories.id, row.parentId)) : null
  if (row.level === 1 || !parent) return { ...row, topic: null, area: null }
  if (row.level === 2) return { ...row, topic: null, area: nameOf(parent) }
  const area = parent.parentId ? await categoryRow(db, eq(ticketCategories.id, parent.parentId)) : null
  return { ...row, topic: nameOf(parent), area: area ? nameOf(area) : null }
}

export async function findCategoryByCode(db: Queryable, code: string): Promise<CategoryWithParents | null> {
  return withParents(db, await categoryRow(db, eq(ticketCategories.code, code)))
}

export async function findCategoryById(db: Queryable, id: string): Promise<CategoryWithParents | null> {
  return withParents(db, await categoryRow(db, eq(ticketCategories.id, id)))
}

export async function findContactById(db: Queryable, id: string): Promise<ContactRow | null> {
  const [row] = await db.select().from(ticketContacts).where(eq(ticketContacts.id, id)).limit(1)
  return row ?? null
}

export async function insertMessage(tx: Queryable, row: NewMessage): Promise<MessageRow> {
  const [inserted] = await tx.insert(ticketMessages).values(row).returning()
  if (!inserted) throw new Error('message not inserted')
  return inserted
}

export async function findMessageById(db: Queryable, id: string): Promise<MessageRow | null> {
  const [row] = await db.select().from(ticketMessages).where(eq(ticketMessages.id, id)).limit(1)
  return row ?? null
}

export async function insertEvent(tx: Queryable, row: NewEvent): Promise<void> {
  await tx.insert(ticketEvents).values(row)
}

/** The conversation in order, notes included: callers showing it to citizens filter the kind. */
export async function listMessages(db: Queryable, ticketId: string): Promise<MessageRow[]> {
  return db
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticketId))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id))
}

export async function listEvents(db: Queryable, ticketId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.occurredAt), asc(ticketEvents.id))
}

export async function listAttachments(db: Queryable, ticketId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(ticketAttachments)
    .where(eq(ticketAttachments.ticketId, ticketId))
    .orderBy(asc(ticketAttachments.createdAt))
}

/** The Message-ID of the contact's latest e-mail on the ticket, for threading the answer. */
export async function findLastInboundEmailId(db: Queryable, ticketId: string): Promise<string | null> {
  const [row] = await db
    .select({ emailMessageId: ticketMessages.emailMessageId })
    .from(ticketMessages)
    .where(
      and(
        eq(ticketMessages.ticketId, ticketId),
        eq(ticketMessages.kind, 'inbound'),
        isNotNull(ticketMessages.emailMessageId),
      ),
    )
    .orderBy(desc(ticketMessages.createdAt), desc(ticketMessages.id))
    .limit(1)
  return row?.emailMessageId ?? null
}

export async function countMessagesOfKind(db: Queryable, ticketId: string, kind: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticketId), eq(ticketMessages.kind, kind)))
  return row?.count ?? 0
}

/** Moves a duplicate's conversation and files to the primary ticket when two are merged. */
export async function moveConversation(
  tx: Queryable,
  fromTicketId: string,
  toTicketId: string,
): Promise<number> {
  const moved = await tx
    .update(ticketMessages)
    .set({ ticketId: toTicketId })
    .where(eq(ticketMessages.ticketId, fromTicketId))
    .returning({ id: ticketMessages.id })
  await tx
    .update(ticketAttachments)
    .set({ ticketId: toTicketId })
    .where(eq(ticketAttachments.ticketId, fromTicketId))
  return moved.length
}
