import { asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { staffAccounts } from '../identity/tables.js'
import { paymentOptions, paymentPositions, paymentRolls } from './tables.js'

/** The latest rolls with the importer's name; rolls brought in by the system have none. */
export async function listRecentRollsWithImporter(db: Queryable, limit: number) {
  return (
    db
      .select({ roll: paymentRolls, importerName: staffAccounts.displayName })
      .from(paymentRolls)
      // importedBy is text: a staff id, or "system" for the demo seed.
      .leftJoin(staffAccounts, eq(sql`${staffAccounts.id}::text`, paymentRolls.importedBy))
      .orderBy(desc(paymentRolls.importedAt), desc(paymentRolls.id))
      .limit(limit)
  )
}

export async function listLatestPositionsOfDebtor(db: Queryable, fiscalCode: string, limit: number) {
  return db
    .select()
    .from(paymentPositions)
    .where(eq(paymentPositions.debtorFiscalCode, fiscalCode))
    .orderBy(desc(paymentPositions.createdAt), desc(paymentPositions.id))
    .limit(limit)
}

/** The options of some positions, as the notice prints them: the single payment, then each instalment. */
export async function listOptionsInNoticeOrder(db: Queryable, positionIds: string[]) {
  if (positionIds.length === 0) return []
  return db
    .select()
    .from(paymentOptions)
    .where(inArray(paymentOptions.positionId, positionIds))
    .orderBy(desc(sql`${paymentOptions.kind} = 'single'`), asc(paymentOptions.instalment))
}
