import type { Queryable } from '../../db/client.js'
import { findPersonRowByFiscalCode, listFamilyRows, type PersonRow } from './person-repo.js'

/** What other modules may know of a registered person. */
export interface RegisteredPerson {
  id: string
  fiscalCode: string
  givenName: string
  familyName: string
  sex: 'M' | 'F'
  birthDate: string
  familyId: string
  relationship: string
}

function toPerson(row: PersonRow): RegisteredPerson {
  return {
    id: row.id,
    fiscalCode: row.fiscalCode,
    givenName: row.givenName,
    familyName: row.familyName,
    sex: row.sex as 'M' | 'F',
    birthDate: row.birthDate,
    familyId: row.familyId,
    relationship: row.relationship,
  }
}

export async function findPersonByFiscalCode(db: Queryable, fiscalCode: string): Promise<RegisteredPerson | null> {
  const row = await findPersonRowByFiscalCode(db, fiscalCode)
  return row ? toPerson(row) : null
}

/** Everyone registered in the person's household (nucleo familiare), the person included. */
export async function listHouseholdOf(db: Queryable, fiscalCode: string): Promise<RegisteredPerson[]> {
  const person = await findPersonRowByFiscalCode(db, fiscalCode)
  if (!person) return []
  return (await listFamilyRows(db, person.familyId)).map(toPerson)
}

/** Age in whole years on a given day (ISO dates compare as strings). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
