import { randomUUID } from 'node:crypto'
import type { Database } from '../db/client.js'
import { inTransaction } from '../db/transaction.js'
import { computeFiscalCode } from '../modules/identity/codice-fiscale.js'
import { registryAddresses, registryFamilies, registryPersons } from '../modules/registry/tables.js'

export type Relationship = 'head' | 'spouse' | 'partner' | 'child' | 'parent' | 'other'

export interface HouseholdMemberSpec {
  relationship: Relationship
  birthDate: string
}

export interface CreatedMember {
  id: string
  fiscalCode: string
  givenName: string
  familyName: string
  birthDate: string
  relationship: Relationship
}

const CONSONANTS = 'BCDFGHLMNPRSTVZ'

function randomName(length: number): string {
  let name = ''
  for (let index = 0; index < length; index++) {
    name += CONSONANTS[Math.floor(Math.random() * CONSONANTS.length)]
  }
  return `${name}A`
}

/** The YYYY-MM-DD date `years` years (and `days` days) before a Rome calendar date. */
export function dateYearsBefore(day: string, years: number, days = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const shifted = new Date(Date.UTC(year - years, month - 1, date - days))
  return shifted.toISOString().slice(0, 10)
}

/** A family registered at one address, each member with a fresh, valid fiscal code. */
export async function createHousehold(
  db: Database,
  members: readonly HouseholdMemberSpec[],
): Promise<CreatedMember[]> {
  const familyName = randomName(4)
  const created: (CreatedMember & { sex: 'M' | 'F' })[] = members.map((member) => {
    const givenName = randomName(5)
    const sex: 'M' | 'F' = Math.random() < 0.5 ? 'M' : 'F'
    return {
      id: randomUUID(),
      fiscalCode: computeFiscalCode({
        familyName,
        givenName,
        sex,
        birthDate: member.birthDate,
        birthPlaceCode: 'F205',
      }),
      givenName,
      familyName,
      birthDate: member.birthDate,
      relationship: member.relationship,
      sex,
    }
  })
  await inTransaction(db, async (tx) => {
    const addressId = randomUUID()
    const familyId = randomUUID()
    await tx.insert(registryAddresses).values({
      id: addressId,
      streetName: 'Via di Prova',
      houseNumber: String(1 + Math.floor(Math.random() * 200)),
      postalCode: '20121',
      municipalityCode: '015146',
      municipalityName: 'Milano',
      provinceCode: 'MI',
    })
    await tx.insert(registryFamilies).values({ id: familyId, addressId, formedOn: '2000-01-01' })
    await tx.insert(registryPersons).values(
      created.map((member, index) => ({
        id: member.id,
        fiscalCode: member.fiscalCode,
        givenName: member.givenName,
        familyName: member.familyName,
        sex: member.sex,
        birthDate: member.birthDate,
        birthPlaceCode: 'F205',
        birthPlaceName: 'Milano',
        citizenship: 'IT',
        civilStatus: members[index]?.relationship === 'child' ? 'single' : 'married',
        familyId,
        relationship: member.relationship,
        residentSince: member.birthDate,
      })),
    )
  })
  return created.map(({ sex: _sex, ...member }) => member)
}
