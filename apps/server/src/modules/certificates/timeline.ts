import type { Queryable } from '../../db/client.js'
import { listRequestedForTimeline } from './repo.js'

/** The certificates a citizen requested, for the CRM's 360° view. */
export async function certificatesForTimeline(
  db: Queryable,
  fiscalCode: string,
  page: { before?: Date; limit: number },
) {
  return (await listRequestedForTimeline(db, fiscalCode, page)).map((row) => ({
    at: row.createdAt,
    id: row.id,
    type: row.type,
    status: row.status,
    forSomeoneElse: row.subjectFiscalCode !== fiscalCode,
  }))
}
