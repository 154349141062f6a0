import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'

export interface FolderRow {
  person: {
    id: string
    fiscalCode: string
    givenName: string
    familyName: string
    sex: string
    birthDate: string
    birthPlaceCode: string
    birthPlaceName: string
    citizenship: string
    civilStatus: string
    relationship: string
    residentSince: string
    certifiability: number
    familyId: string
  }
  address: {
    streetName: string
    houseNumber: string
    postalCode: string
    municipalityCode: string
    municipalityName: string
    provinceCode: string
  }
  household: {
    fiscalCode: string
    givenName: string
    familyName: string
    sex: string
    birthDate: string
    relationship: string
  }[]
  records: {
    id: string
    personId: string
    kind: string
    reference: string
    validFrom: string | null
    validUntil: string | null
    details: unknown
  }[]
}

// Through the household, so both conditions of the records query use indexes (family, then person).

/**
 * The folder query, prepared once per database so PostgreSQL plans it once per connection: planning
 * its subqueries costs more than running them.
 */
function prepareFolderQuery(db: Queryable) {
  return db
    .select({
      person: sql<FolderRow['person']>`json_build_object(
        'id', p.id, 'fiscalCode', p.fiscal_code, 'givenName', p.given_name, 'familyName', p.family_name,
        'sex', p.sex, 'birthDate', p.birth_date, 'birthPlaceCode', p.birth_place_code,
        'birthPlaceName', p.birth_place_name, 'citizenship', p.citizenship, 'civilStatus', p.civil_status,
        'relationship', p.relationship, 'residentSince', p.resident_since, 'certifiability', p.certifiability,
        'familyId', p.family_id)`,
      address: sql<FolderRow['address']>`json_build_object(
        'streetName', a.street_name, 'houseNumber', a.house_number, 'postalCode', a.postal_code,
        'municipalityCode', a.municipality_code, 'municipalityName', a.municipality_name,
        'provinceCode', a.province_code)`,
      household: sql<FolderRow['household']>`(select coalesce(json_agg(json_build_object(
          'fiscalCode', m.fiscal_code, 'givenName', m.given_name, 'familyName', m.family_name,
          'sex', m.sex, 'birthDate', m.birth_date, 'relationship', m.relationship
        ) order by m.birth_date, m.fiscal_code), '[]'::json)
        from registry_persons m where m.family_id = p.family_id)`,
      records: sql<FolderRow['records']>`${RECORDS_OF_PERSON}`,
    })
    .from(sql`registry_persons p`)
    .innerJoin(sql`registry_families f`, sql`f.id = p.family_id`)
    .innerJoin(sql`registry_addresses a`, sql`a.id = f.address_id`)
    .where(sql`p.fiscal_code = ${sql.placeholder('fiscalCode')}`)
    .prepare('registry_person_folder')
}

/** The records of a person and the household's ISEE, as JSON; shared by both queries below. */
const RECORDS_OF_PERSON = sql`(select coalesce(json_agg(json_build_object(
    'id', r.id, 'personId', r.person_id, 'kind', r.kind, 'reference', r.reference,
    'validFrom', r.valid_from, 'validUntil', r.valid_until, 'details', r.details
  ) order by r.kind, r.valid_until desc nulls last, r.id), '[]'::json)
  from registry_persons m
  join registry_records r on r.person_id = m.id
  where m.family_id = p.family_id and (m.id = p.id or r.kind = 'isee'))`

/** One prepared statement per database handle, made on first use. */
function perDatabase<Query>(prepare: (db: Queryable) => Query): (db: Queryable) => Query {
  const prepared = new WeakMap<Queryable, Query>()
  return (db) => {
    let query = prepared.get(db)
    if (!query) {
      query = prepare(db)
      prepared.set(db, query)
    }
    return query
  }
}

const folderQuery = perDatabase(prepareFolderQuery)

/**
 * A person's whole folder in one round trip: the registry entry with its address, the household,
 * and the person's records plus the household's ISEE (the DSU is the family's, filed by one member).
 */
export async function findFolderRow(db: Queryable, fiscalCode: string): Promise<FolderRow | null> {
  const [row] = await folderQuery(db).execute({ fiscalCode })
  return row ?? null
}

export interface FolderSummaryRow {
  givenName: string
  familyName: string
  records: FolderRow['records']
}

/**
 * What the personal home needs and nothing more: names and records, one row per record (no JSON to
 * build in the database or to parse here), without household or address.
 */
function prepareSummaryQuery(db: Queryable) {
  return db
    .select({
      givenName: sql<string>`p.given_name`,
      familyName: sql<string>`p.family_name`,
      id: sql<string | null>`r.id`,
      personId: sql<string | null>`r.person_id`,
      kind: sql<string | null>`r.kind`,
      reference: sql<string | null>`r.reference`,
      validFrom: sql<string | null>`r.valid_from::text`,
      validUntil: sql<string | null>`r.valid_until::text`,
      details: sql<unknown>`r.details`,
    })
    .from(sql`registry_persons p`)
    .leftJoin(
      sql`lateral (
        select r.* from registry_persons m
        join registry_records r on r.person_id = m.id
        where m.family_id = p.family_id and (m.id = p.id or r.kind = 'isee')
      ) r`,
      sql`true`,
    )
    .where(sql`p.fiscal_code = ${sql.placeholder('fiscalCode')}`)
    .prepare('registry_person_folder_summary')
}

const summaryQuery = perDatabase(prepareSummaryQuery)

export async function findFolderSummaryRow(
  db: Queryable,
  fiscalCode: string,
): Promise<FolderSummaryRow | null> {
  const rows = await summaryQuery(db).execute({ fiscalCode })
  const [first] = rows
  if (!first) return null
  const records: FolderRow['records'] = []
  for (const row of rows) {
    if (row.id === null || row.personId === null || row.kind === null || row.reference === null) continue
    records.push({
      id: row.id,
      personId: row.personId,
      kind: row.kind,
      reference: row.reference,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      details: row.details,
    })
  }
  return { givenName: first.givenName, familyName: first.familyName, records }
}
