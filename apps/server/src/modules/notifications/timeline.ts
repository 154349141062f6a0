import type { Queryable } from '../../db/client.js'
import { listMessagesForTimeline } from './repo.js'

/** What the city sent a citizen, for the CRM's 360° view. */
export async function messagesForTimeline(
  db: Queryable,
  fiscalCode: string,
  page: { before?: Date; limit: number },
) {
  return (await listMessagesForTimeline(db, fiscalCode, page)).map((row) => ({
    at: row.createdAt,
    id: row.id,
    subject: row.subject,
    topic: row.topic,
    read: row.readAt !== null,
  }))
}
