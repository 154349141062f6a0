import { aliasedTable, and, desc, eq, or, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { ticketCategories, ticketContacts, ticketMessages, tickets } from './tables.js'

const detailTable = aliasedTable(ticketCategories, 'detail')
const topicTable = aliasedTable(ticketCategories, 'topic')
const areaTable = aliasedTable(ticketCategories, 'area')

export interface OwnTicketRow {
  id: string
  code: string
  subject: string
  channel: string
  status: string
  createdAt: Date
  lastActivityAt: Date
  detail: { nameIt: string; nameEn: string } | null
  topic: { nameIt: string; nameEn: string } | null
  area: { nameIt: string; nameEn: string } | null
  /** The kind of the latest message the citizen can see: 'reply' when the city spoke last. */
  lastPublicKind: string | null
}

/**
 * The tickets of the contact with this fiscal code, newest first, after a (createdAt, id) cursor:
 * a keyset page stays fast however long the history, and new tickets never shift later pages.
 */
export async function listTicketsOfFiscalCode(
  db: Queryable,
  fiscalCode: string,
  page: { after: { createdAt: Date; id: string } | null; limit: number },
): Promise<OwnTicketRow[]> {
  const after = page.after
  // Spelled out: inside a subquery the ORM would leave the columns unqualified.
  const lastPublicKind = sql<string | null>`(
    select shown.kind from ${ticketMessages} as shown
    where shown.ticket_id = ${tickets}.id and shown.kind in ('inbound', 'reply')
    order by shown.created_at desc, shown.id desc limit 1)`
  const rows = await db
    .select({
      id: tickets.id,
      code: tickets.code,
      subject: tickets.subject,
      channel: tickets.channel,
      status: tickets.status,
      createdAt: tickets.createdAt,
      lastActivityAt: tickets.lastActivityAt,
      detailIt: detailTable.nameIt,
      detailEn: detailTable.nameEn,
      topicIt: topicTable.nameIt,
      topicEn: topicTable.nameEn,
      areaIt: areaTable.nameIt,
      areaEn: areaTable.nameEn,
      lastPublicKind,
    })
    .from(tickets)
    .innerJoin(ticketContacts, eq(ticketContacts.id, tickets.contactId))
    .leftJoin(detailTable, eq(detailTable.id, tickets.categoryId))
    .leftJoin(topicTable, eq(topicTable.id, detailTable.parentId))
    .leftJoin(areaTable, eq(areaTable.id, topicTable.parentId))
    .where(
      and(
        eq(ticketContacts.fiscalCode, fiscalCode),
        after
          ? or(
              sql`${tickets.createdAt} < ${after.createdAt}`,
              and(eq(tickets.createdAt, after.createdAt), sql`${tickets.id} < ${after.id}`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(page.limit)
  const names = (it: string | null, en: string | null) =>
    it === null ? null : { nameIt: it, nameEn: en ?? it }
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    subject: row.subject,
    channel: row.channel,
    status: row.status,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    detail: names(row.detailIt, row.detailEn),
    topic: names(row.topicIt, row.topicEn),
    area: names(row.areaIt, row.areaEn),
    lastPublicKind: row.lastPublicKind,
  }))
}
