import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/client.js'
import { registryAddresses, registryFamilies, registryPersons } from '../modules/registry/tables.js'
import { uniqueFiscalCode } from './identity.js'

export interface TestHousehold {
  familyId: string
  parent: { id: string; fiscalCode: string }
  child: { id: string; fiscalCode: string; birthDate: string }
}

/** A registered household of a parent and a minor child, with fiscal codes no other test uses. */
export async function createHousehold(
  db: Queryable,
  options: { childBirthDate?: string } = {},
): Promise<TestHousehold> {
  const addressId = randomUUID()
  const familyId = randomUUID()
  await db.insert(registryAddresses).values({
    id: addressId,
    streetName: 'Via Dante',
    houseNumber: '7',
    postalCode: '20121',
    municipalityCode: '015146',
    municipalityName: 'Milano',
    provinceCode: 'MI',
  })
  await db.insert(registryFamilies).values({ id: familyId, addressId, formedOn: '2010-05-01' })
  const parent = { id: randomUUID(), fiscalCode: uniqueFiscalCode() }
  const child = {
    id: randomUUID(),
    fiscalCode: uniqueFiscalCode(),
    birthDate: options.childBirthDate ?? '2015-09-01',
  }
  const common = {
    birthPlaceCode: 'F205',
    birthPlaceName: 'Milano',
    citizenship: 'IT',
    familyId,
    residentSince: '2010-05-01',
  }
  await db.insert(registryPersons).values([
    {
      ...common,
      id: parent.id,
      fiscalCode: parent.fiscalCode,
      givenName: 'Giulia',
      familyName: 'Test',
      sex: 'F',
      birthDate: '1980-02-02',
      civilStatus: 'married',
      relationship: 'head',
    },
    {
      ...common,
      id: child.id,
      fiscalCode: child.fiscalCode,
      givenName: 'Luca',
      familyName: 'Test',
      sex: 'M',
      birthDate: child.birthDate,
      civilStatus: 'single',
      relationship: 'child',
    },
  ])
  return { familyId, parent, child }
}
