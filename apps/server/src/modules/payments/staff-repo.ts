import { asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { paymentOptions, paymentPositions } from './tables.js'

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
