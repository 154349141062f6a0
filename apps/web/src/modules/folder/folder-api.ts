import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  type JsonRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
} from '../../app/api/parse'
import { RECORD_SECTIONS, type RecordSection } from './folder-sections'

export const RECORD_KINDS = [
  'identity-card',
  'previous-residence',
  'school-enrolment',
  'canteen-enrolment',
  'vehicle',
  'resident-parking-permit',
  'area-c-pass',
  'area-b-exemption',
  'property',
  'isee',
  'library-loan',
  'digital-domicile',
] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/** One record from the city's systems; `details` depends on the kind (see the API's FolderRecord). */
export interface FolderRecord {
  id: string
  kind: RecordKind
  reference: string
  validFrom: string | null
  validUntil: string | null
  details: JsonRecord
}

export interface Deadline {
  recordId: string
  kind: RecordKind
  section: RecordSection
  reference: string
  date: string
  status: 'expired' | 'due-soon' | 'upcoming'
  daysLeft: number
}

export type FolderBasis = 'self' | 'minor-child' | 'delegation' | 'staff'

export interface FolderPerson {
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
  certifiable: boolean
  address: {
    streetName: string
    houseNumber: string
    postalCode: string
    municipalityName: string
    provinceCode: string
  }
}

export interface FamilyMember {
  fiscalCode: string
  givenName: string
  familyName: string
  birthDate: string
  relationship: string
  minor: boolean
  viewable: boolean
}

export type SectionCounts = Record<RecordSection, number>

export type PersonFolder =
  | {
      registered: true
      basis: FolderBasis
      person: FolderPerson
      family: FamilyMember[]
      records: FolderRecord[]
      counts: SectionCounts
      deadlines: Deadline[]
    }
  | { registered: false; basis: FolderBasis; fiscalCode: string }

export interface FolderSummary {
  owner: {
    fiscalCode: string
    givenName: string | null
    familyName: string | null
    registered: boolean
    basis: FolderBasis
  }
  counts: SectionCounts | null
  deadlines: Deadline[]
}

const BASES = ['self', 'minor-child', 'delegation', 'staff'] as const

function parseCounts(value: unknown): SectionCounts {
  const record = asRecord(value, 'counts')
  return Object.fromEntries(
    RECORD_SECTIONS.map((section) => [section, readNumber(record, section)]),
  ) as SectionCounts
}

function parseDeadline(value: unknown): Deadline {
  const record = asRecord(value, 'deadline')
  return {
    recordId: readString(record, 'recordId'),
    kind: readOneOf(record, 'kind', RECORD_KINDS),
    section: readOneOf(record, 'section', RECORD_SECTIONS),
    reference: readString(record, 'reference'),
    date: readString(record, 'date'),
    status: readOneOf(record, 'status', ['expired', 'due-soon', 'upcoming'] as const),
    daysLeft: readNumber(record, 'daysLeft'),
  }
}

function parseRecord(value: unknown): FolderRecord {
  const record = asRecord(value, 'record')
  return {
    id: readString(record, 'id'),
    kind: readOneOf(record, 'kind', RECORD_KINDS),
    reference: readString(record, 'reference'),
    validFrom: readNullableString(record, 'validFrom'),
    validUntil: readNullableString(record, 'validUntil'),
    details: asRecord(record.details, 'details'),
  }
}

function parsePerson(value: unknown): FolderPerson {
  const record = asRecord(value, 'person')
  const birthPlace = asRecord(record.birthPlace, 'birthPlace')
  const address = asRecord(record.address, 'address')
  return {
    fiscalCode: readString(record, 'fiscalCode'),
    givenName: readString(record, 'givenName'),
    familyName: readString(record, 'familyName'),
    sex: readOneOf(record, 'sex', ['M', 'F'] as const),
    birthDate: readString(record, 'birthDate'),
    birthPlace: { code: readString(birthPlace, 'code'), name: readString(birthPlace, 'name') },
    citizenship: readString(record, 'citizenship'),
    civilStatus: readString(record, 'civilStatus'),
    relationship: readString(record, 'relationship'),
    residentSince: readString(record, 'residentSince'),
    certifiable: readBoolean(record, 'certifiable'),
    address: {
      streetName: readString(address, 'streetName'),
      houseNumber: readString(address, 'houseNumber'),
      postalCode: readString(address, 'postalCode'),
      municipalityName: readString(address, 'municipalityName'),
      provinceCode: readString(address, 'provinceCode'),
    },
  }
}

function parseFamilyMember(value: unknown): FamilyMember {
  const record = asRecord(value, 'family member')
  return {
    fiscalCode: readString(record, 'fiscalCode'),
    givenName: readString(record, 'givenName'),
    familyName: readString(record, 'familyName'),
    birthDate: readString(record, 'birthDate'),
    relationship: readString(record, 'relationship'),
    minor: readBoolean(record, 'minor'),
    viewable: readBoolean(record, 'viewable'),
  }
}

export function parsePersonFolder(value: unknown): PersonFolder {
  const record = asRecord(value, 'folder')
  const basis = readOneOf(record, 'basis', BASES)
  if (record.registered === false)
    return { registered: false, basis, fiscalCode: readString(record, 'fiscalCode') }
  return {
    registered: true,
    basis,
    person: parsePerson(record.person),
    family: readList(record.family, 'family', parseFamilyMember),
    records: readList(record.records, 'records', parseRecord),
    counts: parseCounts(record.counts),
    deadlines: readList(record.deadlines, 'deadlines', parseDeadline),
  }
}

export function parseFolderSummary(value: unknown): FolderSummary {
  const record = asRecord(value, 'summary')
  const owner = asRecord(record.owner, 'owner')
  return {
    owner: {
      fiscalCode: readString(owner, 'fiscalCode'),
      givenName: readNullableString(owner, 'givenName'),
      familyName: readNullableString(owner, 'familyName'),
      registered: readBoolean(owner, 'registered'),
      basis: readOneOf(owner, 'basis', BASES),
    },
    counts: record.counts === null ? null : parseCounts(record.counts),
    deadlines: readList(record.deadlines, 'deadlines', parseDeadline),
  }
}

/** Folder answers depend on whom the session acts for: switching clears everything under this key. */
export const FOLDER_QUERY_KEY = ['folder'] as const

export const folderSummaryQuery = queryOptions({
  queryKey: [...FOLDER_QUERY_KEY, 'summary'],
  queryFn: ({ signal }) => apiRequest({ path: '/folder/summary', signal, parse: parseFolderSummary }),
})

export function useFolderSummary(options: { enabled?: boolean } = {}) {
  return useQuery({ ...folderSummaryQuery, enabled: options.enabled ?? true })
}

export function usePersonFolder(fiscalCode: string | undefined) {
  return useQuery({
    queryKey: [...FOLDER_QUERY_KEY, 'person', fiscalCode],
    enabled: fiscalCode !== undefined,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/folder/people/${encodeURIComponent(fiscalCode ?? '')}`,
        signal,
        parse: parsePersonFolder,
      }),
  })
}
