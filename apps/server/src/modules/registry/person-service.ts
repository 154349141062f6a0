import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { findPersonRowByFiscalCode, listAdultRows, listFamilyRows, type PersonRow } from './person-repo.js'

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

export async function findPersonByFiscalCode(
  db: Queryable,
  fiscalCode: string,
): Promise<RegisteredPerson | null> {
  const row = await findPersonRowByFiscalCode(db, fiscalCode)
  return row ? toPerson(row) : null
}

/** Everyone registered in the person's household (nucleo familiare), the person included. */
export async function listHouseholdOf(db: Queryable, fiscalCode: string): Promise<RegisteredPerson[]> {
  const person = await findPersonRowByFiscalCode(db, fiscalCode)
  if (!person) return []
  return (await listFamilyRows(db, person.familyId)).map(toPerson)
}

/** A handful of residents aged 18 or more on `today` (YYYY-MM-DD), the same ones each time. */
export async function sampleAdults(
  db: Queryable,
  options: { count: number; today: string },
): Promise<RegisteredPerson[]> {
  const year = Number(options.today.slice(0, 4)) - 18
  // 29 February eighteen years back may not exist; the 28th is the last birthday that counts.
  const monthAndDay = options.today.slice(4) === '-02-29' ? '-02-28' : options.today.slice(4)
  const bornOnOrBefore = `${String(year).padStart(4, '0')}${monthAndDay}`
  return (await listAdultRows(db, { bornOnOrBefore, limit: options.count })).map(toPerson)
}

/** Age in whole years on a given day (ISO dates compare as strings). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/**
 * An operator's explicit look-up of a person (phone call, counter): allowed only with a stated
 * reason, and recorded in the audit log in the same transaction as the read.
 */
export async function lookUpPerson(
  ctx: ServiceContext,
  input: { fiscalCode: string; reason: string },
): Promise<{ person: RegisteredPerson; household: RegisteredPerson[] }> {
  return inTransaction(ctx.db, async (tx) => {
    const person = await findPersonByFiscalCode(tx, input.fiscalCode)
    if (!person) throw new AppError('NOT_FOUND')
    const household = (await listFamilyRows(tx, person.familyId)).map(toPerson)
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'registry.person.lookup',
      subjectType: 'person',
      subjectId: person.id,
      details: { reason: input.reason, householdSize: household.length },
    })
    return { person, household }
  })
}
