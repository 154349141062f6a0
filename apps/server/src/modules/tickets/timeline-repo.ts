import { and, desc, eq, lt, or } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { contactCalls, ticketCategories, ticketContacts, tickets } from './tables.js'

type Page = { before?: Date; limit: number }

/**
 * The contacts a fiscal code stands for: the citizen's own and the anonymous ones merged into it.
 * Two index reads: an OR with a subquery would make PostgreSQL scan the whole table.
 */
export async function listContactIdsOf(db: Queryable, fiscalCode: string): Promise<string[]> {
  const [citizen] = await db
    .select({ id: ticketContacts.id })
    .from(ticketContacts)
    .where(eq(ticketContacts.fiscalCode, fiscalCode))
  if (!citizen) return []
  const merged = await db
    .select({ id: ticketContacts.id })
    .from(ticketContacts)
    .where(eq(ticketContacts.mergedIntoId, citizen.id))
  return [citizen.id, ...merged.map((row) => row.id)]
}

/** Tickets of some contacts, newest first, one index range scan per contact. */
export async function listTicketsForTimeline(db: Queryable, contactIds: string[], page: Page) {
  if (contactIds.length === 0) return []
  const perContact = contactIds.map((contactId) =>
    and(eq(tickets.contactId, contactId), page.before ? lt(tickets.createdAt, page.before) : undefined),
  )
  return db
    .select({
      code: tickets.code,
      subject: tickets.subject,
      channel: tickets.channel,
      status: tickets.status,
      teamCode: tickets.teamCode,
      createdAt: tickets.createdAt,
      category: ticketCategories.nameIt,
    })
    .from(tickets)
    .leftJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .where(or(...perContact))
    .orderBy(desc(tickets.createdAt))
    .limit(page.limit)
}

export async function listCallsForTimeline(db: Queryable, contactIds: string[], page: Page) {
  if (contactIds.length === 0) return []
  const perContact = contactIds.map((contactId) =>
    and(
      eq(contactCalls.contactId, contactId),
      page.before ? lt(contactCalls.startedAt, page.before) : undefined,
    ),
  )
  return db
    .select({
      id: contactCalls.id,
      outcome: contactCalls.outcome,
      startedAt: contactCalls.startedAt,
      durationSeconds: contactCalls.durationSeconds,
      bookingCode: contactCalls.bookingCode,
      ticketId: contactCalls.ticketId,
      category: ticketCategories.nameIt,
    })
    .from(contactCalls)
    .leftJoin(ticketCategories, eq(ticketCategories.id, contactCalls.categoryId))
    .where(or(...perContact))
    .orderBy(desc(contactCalls.startedAt))
    .limit(page.limit)
}
