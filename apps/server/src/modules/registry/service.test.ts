import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/client.js'
import { createTestDatabase } from '../../test/database.js'
import { countPersons, insertPopulationBatch } from './repo.js'
import { generatePopulation, type PopulationBatch, type PopulationOptions } from './seed-population.js'
import { seedPopulation } from './service.js'

const MILAN = { cadastralCode: 'F205', name: 'Milano', provinceCode: 'MI', istatCode: '015146' }
const CITIZENS = 3_000

// The public SPID codes are left out: on a shared PostgreSQL test database other files may use them.
const SEED_OPTIONS = {
  citizens: CITIZENS,
  seed: 'registry-service-test',
  city: MILAN,
  referenceDate: '2026-03-15',
  batchSize: 700,
  includeTestIdentities: false,
} satisfies PopulationOptions

function generateRows(options: PopulationOptions): PopulationBatch {
  const batches = [...generatePopulation(options)]
  return {
    addresses: batches.flatMap((batch) => batch.addresses),
    families: batches.flatMap((batch) => batch.families),
    persons: batches.flatMap((batch) => batch.persons),
    records: batches.flatMap((batch) => batch.records),
  }
}

const seeded = generateRows(SEED_OPTIONS)
const partial = generateRows({ ...SEED_OPTIONS, citizens: 40, seed: 'registry-partial-batch' })

let database: DatabaseHandle

/** Removes this file's rows (their ids follow from the seeds), so a shared database stays clean. */
async function removeRows(rows: PopulationBatch): Promise<void> {
  const ids = (list: { id: string }[]) => list.map((row) => row.id)
  await database.executeSql('delete from registry_persons where id = any($1::uuid[])', [ids(rows.persons)])
  await database.executeSql('delete from registry_families where id = any($1::uuid[])', [ids(rows.families)])
  await database.executeSql('delete from registry_addresses where id = any($1::uuid[])', [
    ids(rows.addresses),
  ])
}

async function countStored(table: string, rows: { id: string }[]): Promise<number> {
  const { rows: result } = await database.executeSql(
    `select count(*)::int as count from ${table} where id = any($1::uuid[])`,
    [rows.map((row) => row.id)],
  )
  return Number(result[0]?.count)
}

beforeAll(async () => {
  database = await createTestDatabase()
  await removeRows(seeded)
  await removeRows(partial)
})

afterAll(async () => {
  await removeRows(seeded)
  await removeRows(partial)
  await database.close()
})

describe('seedPopulation', () => {
  it('stores every person, family and address once and adds nothing when run again', async () => {
    // A person whose code some other test already stored is skipped by ON CONFLICT, so expect fewer.
    const { rows: clashes } = await database.executeSql(
      'select count(*)::int as count from registry_persons where fiscal_code = any($1::text[])',
      [seeded.persons.map((person) => person.fiscalCode)],
    )
    const expectedPersons = CITIZENS - Number(clashes[0]?.count)
    const progress: [number, number][] = []

    const first = await seedPopulation(database, SEED_OPTIONS, (done, total) => progress.push([done, total]))

    expect(first).toMatchObject({
      persons: expectedPersons,
      families: seeded.families.length,
      addresses: seeded.addresses.length,
    })
    expect(first.ms).toBeGreaterThanOrEqual(0)
    expect(await countStored('registry_persons', seeded.persons)).toBe(expectedPersons)
    expect(await countStored('registry_families', seeded.families)).toBe(seeded.families.length)
    expect(await countStored('registry_addresses', seeded.addresses)).toBe(seeded.addresses.length)
    expect(await countPersons(database)).toBeGreaterThanOrEqual(expectedPersons)
    expect(progress.length).toBeGreaterThanOrEqual(Math.floor(CITIZENS / SEED_OPTIONS.batchSize))
    expect(progress.at(-1)).toEqual([CITIZENS, CITIZENS])
    for (let index = 1; index < progress.length; index++) {
      expect(progress[index]?.[0]).toBeGreaterThan(progress[index - 1]?.[0] ?? 0)
    }

    const second = await seedPopulation(database, SEED_OPTIONS)

    const storedRecords = await countStored('registry_records', seeded.records)
    expect(storedRecords).toBeGreaterThan(CITIZENS)
    expect(first.records).toBe(storedRecords)
    expect(second).toMatchObject({ persons: 0, families: 0, addresses: 0, records: 0 })
    expect(await countStored('registry_persons', seeded.persons)).toBe(expectedPersons)
  })

  it('stores the rows exactly as generated, names with apostrophes and accents included', async () => {
    const sample = [
      seeded.persons[0],
      seeded.persons.at(-1),
      seeded.persons.find((person) => person.familyName.includes("'")),
      seeded.persons.find((person) => /[^\p{ASCII}]/u.test(person.givenName + person.familyName)),
    ].filter((person) => person !== undefined)
    expect(sample.length).toBe(4)
    const { rows } = await database.executeSql(
      `select id, fiscal_code, given_name, family_name, sex, to_char(birth_date, 'YYYY-MM-DD') as birth_date,
              birth_place_code, birth_place_name, citizenship, civil_status, family_id, relationship,
              to_char(resident_since, 'YYYY-MM-DD') as resident_since
         from registry_persons where id = any($1::uuid[])`,
      [sample.map((person) => person.id)],
    )
    for (const person of sample) {
      expect(rows.find((row) => row.id === person.id)).toEqual({
        id: person.id,
        fiscal_code: person.fiscalCode,
        given_name: person.givenName,
        family_name: person.familyName,
        sex: person.sex,
        birth_date: person.birthDate,
        birth_place_code: person.birthPlaceCode,
        birth_place_name: person.birthPlaceName,
        citizenship: person.citizenship,
        civil_status: person.civilStatus,
        family_id: person.familyId,
        relationship: person.relationship,
        resident_since: person.residentSince,
      })
    }
  })
})

describe('insertPopulationBatch', () => {
  it('completes a batch that was stored only in part', async () => {
    const addressesOnly = await insertPopulationBatch(database, { ...partial, families: [], persons: [] })
    // Records wait for their persons.
    expect(addressesOnly).toEqual({
      addresses: partial.addresses.length,
      families: 0,
      persons: 0,
      records: 0,
    })

    const retried = await insertPopulationBatch(database, partial)

    expect(retried).toEqual({
      addresses: 0,
      families: partial.families.length,
      persons: partial.persons.length,
      records: partial.records.length,
    })
    expect(await countStored('registry_persons', partial.persons)).toBe(partial.persons.length)
  })
})
