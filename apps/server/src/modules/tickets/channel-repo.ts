import { and, desc, eq, inArray, like, or } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { TicketRow } from './repo.js'
import { ticketMessages, tickets } from './tables.js'

/** The ticket holding a message with this external id (an e-mail Message-ID, a social message id). */
export async function findTicketOfExternalMessage(
  db: Queryable,
  externalMessageId: string,
): Promise<{ ticketId: string; code: string } | null> {
  const [row] = await db
    .select({ ticketId: tickets.id, code: tickets.code })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(eq(ticketMessages.emailMessageId, externalMessageId))
    .limit(1)
  return row ?? null
}

/** Which of these Message-IDs the conversations hold, and on which ticket. */
export async function ticketsOfEmailMessageIds(
  db: Queryable,
  messageIds: readonly string[],
): Promise<Map<string, string>> {
  if (messageIds.length === 0) return new Map()
  const rows = await db
    .select({ emailMessageId: ticketMessages.emailMessageId, ticketId: ticketMessages.ticketId })
    .from(ticketMessages)
    .where(inArray(ticketMessages.emailMessageId, [...messageIds]))
  return new Map(rows.map((row) => [row.emailMessageId as string, row.ticketId]))
}

/**
 * The newest ticket of an integration's thread: the one opened with its reference, or a later
 * one opened for it after that was closed (`reference#…`).
 */
export async function findLatestThreadTicket(
  db: Queryable,
  channel: string,
  reference: string,
): Promise<TicketRow | null> {
  const escaped = reference.replace(/[\\%_]/g, (char) => `\\${char}`)
  const [row] = await db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.channel, channel),
        or(eq(tickets.externalRef, reference), like(tickets.externalRef, `${escaped}#%`)),
      ),
    )
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(1)
  return row ?? null
}
