import type { SqlExecutor } from '../../db/client.js'
import type { PopulationBatch } from './seed-population.js'

/**
 * The bulk path for registry rows: one statement per table per batch, each column sent as one array
 * parameter and spread back into rows by unnest(). Plain parameterised SQL so it runs the same on
 * PGlite and node-postgres. ON CONFLICT DO NOTHING makes a re-run (or a retried batch) add nothing.
 */

export interface InsertedRowCounts {
  addresses: number
  families: number
  persons: number
  records: number
}

// Each statement reports how many rows it actually added, without sending them back.
const INSERT_ADDRESSES = `
with inserted as (
  insert into registry_addresses
    (id, street_name, house_number, postal_code, municipality_code, municipality_name, province_code)
  select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
  on conflict do nothing
  returning 1
)
select count(*)::int as inserted from inserted`

const INSERT_FAMILIES = `
with inserted as (
  insert into registry_families (id, address_id, formed_on)
  select * from unnest($1::uuid[], $2::uuid[], $3::date[])
  on conflict do nothing
  returning 1
)
select count(*)::int as inserted from inserted`

const INSERT_PERSONS = `
with inserted as (
  insert into registry_persons
    (id, fiscal_code, given_name, family_name, sex, birth_date, birth_place_code, birth_place_name,
     citizenship, civil_status, family_id, relationship, resident_since)
  select * from unnest(
    $1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::uuid[], $12::text[], $13::date[]
  )
  on conflict do nothing
  returning 1
)
select count(*)::int as inserted from inserted`

const INSERT_RECORDS = `
with inserted as (
  insert into registry_records (id, person_id, kind, reference, valid_from, valid_until, details)
  select id, person_id, kind, reference, valid_from, valid_until, details::jsonb from unnest(
    $1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[]
  ) as input(id, person_id, kind, reference, valid_from, valid_until, details)
  -- a person skipped above (fiscal code already registered) takes their records along
  where exists (select 1 from registry_persons person where person.id = input.person_id)
  on conflict do nothing
  returning 1
)
select count(*)::int as inserted from inserted`

/** One array per column, in the order of the column list. */
function columns<Row>(
  rows: readonly Row[],
  fields: readonly ((row: Row) => string | null)[],
): (string | null)[][] {
  return fields.map((field) => {
    const column = new Array<string | null>(rows.length)
    for (let index = 0; index < rows.length; index++) column[index] = field(rows[index] as Row)
    return column
  })
}

async function insertedCount(executor: SqlExecutor, text: string, values: unknown[]): Promise<number> {
  const { rows } = await executor.executeSql(text, values)
  return Number(rows[0]?.inserted ?? 0)
}

/**
 * Stores one batch: addresses, families, persons, then their records, so foreign keys are satisfied. The four
 * statements are independent; if one fails, storing the batch again completes it.
 */
export async function insertPopulationBatch(
  executor: SqlExecutor,
  batch: PopulationBatch,
): Promise<InsertedRowCounts> {
  const addresses =
    batch.addresses.length === 0
      ? 0
      : await insertedCount(
          executor,
          INSERT_ADDRESSES,
          columns(batch.addresses, [
            (row) => row.id,
            (row) => row.streetName,
            (row) => row.houseNumber,
            (row) => row.postalCode,
            (row) => row.municipalityCode,
            (row) => row.municipalityName,
            (row) => row.provinceCode,
          ]),
        )
  const families =
    batch.families.length === 0
      ? 0
      : await insertedCount(
          executor,
          INSERT_FAMILIES,
          columns(batch.families, [(row) => row.id, (row) => row.addressId, (row) => row.formedOn]),
        )
  const persons =
    batch.persons.length === 0
      ? 0
      : await insertedCount(
          executor,
          INSERT_PERSONS,
          columns(batch.persons, [
            (row) => row.id,
            (row) => row.fiscalCode,
            (row) => row.givenName,
            (row) => row.familyName,
            (row) => row.sex,
            (row) => row.birthDate,
            (row) => row.birthPlaceCode,
            (row) => row.birthPlaceName,
            (row) => row.citizenship,
            (row) => row.civilStatus,
            (row) => row.familyId,
            (row) => row.relationship,
            (row) => row.residentSince,
          ]),
        )
  // Records point at persons, so they go last.
  const records =
    batch.records.length === 0
      ? 0
      : await insertedCount(
          executor,
          INSERT_RECORDS,
          columns(batch.records, [
            (row) => row.id,
            (row) => row.personId,
            (row) => row.kind,
            (row) => row.reference,
            (row) => row.validFrom,
            (row) => row.validUntil,
            (row) => row.details,
          ]),
        )
  return { addresses, families, persons, records }
}

export async function countPersons(executor: SqlExecutor): Promise<number> {
  const { rows } = await executor.executeSql('select count(*)::int as count from registry_persons', [])
  return Number(rows[0]?.count ?? 0)
}

export async function analyzeRegistryTables(executor: SqlExecutor): Promise<void> {
  await executor.executeSql(
    'analyze registry_addresses, registry_families, registry_persons, registry_records',
    [],
  )
}
