import { eq } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { citizenAccounts, staffAccounts } from './tables.js'

export type CitizenAccountRow = typeof citizenAccounts.$inferSelect
export type StaffAccountRow = typeof staffAccounts.$inferSelect

export async function findCitizenAccount(db: Queryable, id: string): Promise<CitizenAccountRow | null> {
  const [row] = await db.select().from(citizenAccounts).where(eq(citizenAccounts.id, id)).limit(1)
  return row ?? null
}

export async function findCitizenAccountByFiscalCode(
  db: Queryable,
  fiscalCode: string,
): Promise<CitizenAccountRow | null> {
  const [row] = await db
    .select()
    .from(citizenAccounts)
    .where(eq(citizenAccounts.fiscalCode, fiscalCode))
    .limit(1)
  return row ?? null
}

export async function findStaffAccount(db: Queryable, id: string): Promise<StaffAccountRow | null> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.id, id)).limit(1)
  return row ?? null
}
