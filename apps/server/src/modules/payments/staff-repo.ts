import { desc, eq } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { paymentPositions } from './tables.js'

export async function listLatestPositionsOfDebtor(db: Queryable, fiscalCode: string, limit: number) {
  return db
    .select()
    .from(paymentPositions)
    .where(eq(paymentPositions.debtorFiscalCode, fiscalCode))
    .orderBy(desc(paymentPositions.createdAt), desc(paymentPositions.id))
    .limit(limit)
}
