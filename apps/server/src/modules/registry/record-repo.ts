import { and, asc, between, eq, gt, inArray } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { registryPersons, registryRecords } from './tables.js'

export interface ExpiringRecord {
  recordId: string
  kind: string
  reference: string
  validUntil: string
  fiscalCode: string
}

/** Records of some kinds ending between two days, in pages ordered by id (served by the validity index). */
export async function listRecordsExpiringBetween(
  db: Queryable,
  query: { kinds: readonly string[]; from: string; to: string; afterId?: string; limit: number },
): Promise<ExpiringRecord[]> {
  const rows = await db
    .select({
      recordId: registryRecords.id,
      kind: registryRecords.kind,
      reference: registryRecords.reference,
      validUntil: registryRecords.validUntil,
      fiscalCode: registryPersons.fiscalCode,
    })
    .from(registryRecords)
    .innerJoin(registryPersons, eq(registryPersons.id, registryRecords.personId))
    .where(
      and(
        between(registryRecords.validUntil, query.from, query.to),
        inArray(registryRecords.kind, [...query.kinds]),
        query.afterId ? gt(registryRecords.id, query.afterId) : undefined,
      ),
    )
    .orderBy(asc(registryRecords.id))
    .limit(query.limit)
  return rows.map((row) => ({ ...row, validUntil: row.validUntil as string }))
}
