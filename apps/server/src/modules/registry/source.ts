import type { Queryable } from '../../db/client.js'
import { findFolderRow, findFolderSummaryRow } from './folder-repo.js'
import { type AnyRegistryRecord, parseRecord } from './record-schema.js'

export interface RegistryAddress {
  streetName: string
  houseNumber: string
  postalCode: string
  municipalityCode: string
  municipalityName: string
  provinceCode: string
}

export interface RegistryPersonDetails {
  fiscalCode: string
  givenName: string
  familyName: string
  sex: 'M' | 'F'
  birthDate: string
  birthPlace: { code: string; name: string }
  citizenship: string
  civilStatus: string
  relationship: string
  residentSince: string
  /** Whether the record supports certificates at all (codes 1 and 2). */
  certifiable: boolean
  /** ANPR's code: 0 not certifiable, 1 residence and family only, 2 complete, 3 not registrable, 4 interdicted. */
  certifiability: 0 | 1 | 2 | 3 | 4
}

export interface RegistryHouseholdMember {
  fiscalCode: string
  givenName: string
  familyName: string
  sex: 'M' | 'F'
  birthDate: string
  relationship: string
}

/** Everything the registry and the city's systems know of one person, as the folder shows it. */
export interface PersonFolder {
  person: RegistryPersonDetails
  address: RegistryAddress
  household: RegistryHouseholdMember[]
  /** The person's own records, and the household's ISEE whoever filed it. */
  records: AnyRegistryRecord[]
}

/**
 * Where registry data comes from. The local source reads the tables the seed fills; a city plugs in
 * ANPR or its own registry by implementing this port, one call per folder so remote sources can
 * answer in a single request.
 */
/** The part of a folder the personal home shows: whose it is and the records behind counts and deadlines. */
export interface PersonFolderSummary {
  givenName: string
  familyName: string
  records: AnyRegistryRecord[]
}

export interface RegistrySource {
  readonly name: string
  findPersonFolder(fiscalCode: string): Promise<PersonFolder | null>
  findPersonFolderSummary(fiscalCode: string): Promise<PersonFolderSummary | null>
}

// A record whose details do not fit its kind is left out rather than shown wrong.
function parseRecords(rows: readonly Parameters<typeof parseRecord>[0][]): AnyRegistryRecord[] {
  return rows.flatMap((record) => {
    const parsed = parseRecord(record)
    return parsed ? [parsed] : []
  })
}

export function createLocalRegistrySource(db: Queryable): RegistrySource {
  return {
    name: 'local',
    async findPersonFolder(fiscalCode) {
      const row = await findFolderRow(db, fiscalCode)
      if (!row) return null
      const { person } = row
      return {
        person: {
          fiscalCode: person.fiscalCode,
          givenName: person.givenName,
          familyName: person.familyName,
          sex: person.sex as 'M' | 'F',
          birthDate: person.birthDate,
          birthPlace: { code: person.birthPlaceCode, name: person.birthPlaceName },
          citizenship: person.citizenship,
          civilStatus: person.civilStatus,
          relationship: person.relationship,
          residentSince: person.residentSince,
          certifiable: person.certifiability === 1 || person.certifiability === 2,
          certifiability: person.certifiability as RegistryPersonDetails['certifiability'],
        },
        address: row.address,
        household: row.household.map((member) => ({ ...member, sex: member.sex as 'M' | 'F' })),
        records: parseRecords(row.records),
      }
    },
    async findPersonFolderSummary(fiscalCode) {
      const row = await findFolderSummaryRow(db, fiscalCode)
      return row
        ? { givenName: row.givenName, familyName: row.familyName, records: parseRecords(row.records) }
        : null
    },
  }
}
