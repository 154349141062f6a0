import { asc, eq, lte } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { registryPersons } from './tables.js'

export type PersonRow = typeof registryPersons.$inferSelect

export async function findPersonRowByFiscalCode(
  db: Queryable,
  fiscalCode: string,
): Promise<PersonRow | null> {
  const [row] = await db
    .select()
    .from(registryPersons)
    .where(eq(registryPersons.fiscalCode, fiscalCode))
    .limit(1)
  return row ?? null
}

export async function listFamilyRows(db: Queryable, familyId: string): Promise<PersonRow[]> {
  return db
    .select()
    .from(registryPersons)
    .where(eq(registryPersons.familyId, familyId))
    .orderBy(registryPersons.birthDate)
}

/** Some adults, always the same ones for the same data: ordered by the random primary key. */
export async function listAdultRows(
  db: Queryable,
  options: { bornOnOrBefore: string; limit: number },
): Promise<PersonRow[]> {
  return db
    .select()
    .from(registryPersons)
    .where(lte(registryPersons.birthDate, options.bornOnOrBefore))
    .orderBy(asc(registryPersons.id))
    .limit(options.limit)
}
