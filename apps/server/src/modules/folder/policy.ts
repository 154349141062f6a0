import { dayNumberFromIso } from '../registry/calendar-days.js'
import { ageOn } from '../registry/person-service.js'
import type { AnyRegistryRecord, RecordKind } from '../registry/record-schema.js'
import type { RegistryHouseholdMember } from '../registry/source.js'
import { type Deadline, RECORD_SECTIONS, type RecordSection } from './schema.js'

/** Where each kind of record is shown; earlier residences belong to the personal data page. */
export const SECTION_OF_KIND: Record<RecordKind, RecordSection | null> = {
  'identity-card': 'documents',
  'previous-residence': null,
  'school-enrolment': 'education',
  'canteen-enrolment': 'education',
  vehicle: 'mobility',
  'resident-parking-permit': 'mobility',
  'area-c-pass': 'mobility',
  'area-b-exemption': 'mobility',
  property: 'properties',
  isee: 'isee',
  'library-loan': 'libraries',
  'digital-domicile': 'digital-domicile',
}

/**
 * How many days before its end a record becomes "due soon": a CIE may be renewed from 180 days
 * before it lapses, a resident's permit is renewed in its last two months, a loan in its last week.
 * Kinds missing here have no deadline.
 */
const WARNING_DAYS: Partial<Record<RecordKind, number>> = {
  'identity-card': 180,
  'resident-parking-permit': 60,
  'area-b-exemption': 30,
  'area-c-pass': 30,
  isee: 60,
  'library-loan': 7,
}

/** Deadlines further ahead than this, or lapsed longer ago, are not worth a line on the home page. */
const HORIZON_DAYS = 365

export function countSections(records: readonly AnyRegistryRecord[]): Record<RecordSection, number> {
  const counts = Object.fromEntries(RECORD_SECTIONS.map((section) => [section, 0])) as Record<
    RecordSection,
    number
  >
  for (const record of records) {
    const section = SECTION_OF_KIND[record.kind]
    if (section) counts[section] += 1
  }
  return counts
}

/**
 * The dates the citizen must act by, soonest first: documents and permits running out, loans to
 * bring back. An identity card replaced by a newer one, or a returned loan, is no longer a deadline.
 */
export function listDeadlines(records: readonly AnyRegistryRecord[], today: string): Deadline[] {
  const todayNumber = dayNumberFromIso(today)
  const newestCard = records
    .filter((record) => record.kind === 'identity-card')
    .reduce<AnyRegistryRecord | null>(
      (newest, record) =>
        !newest || (record.validUntil ?? '') > (newest.validUntil ?? '') ? record : newest,
      null,
    )
  const deadlines: Deadline[] = []
  for (const record of records) {
    const warning = WARNING_DAYS[record.kind]
    const section = SECTION_OF_KIND[record.kind]
    if (warning === undefined || !section || !record.validUntil) continue
    if (record.kind === 'identity-card' && record !== newestCard) continue
    if (record.kind === 'library-loan' && record.details.returnedOn !== null) continue
    const daysLeft = dayNumberFromIso(record.validUntil) - todayNumber
    if (daysLeft > HORIZON_DAYS || daysLeft < -HORIZON_DAYS) continue
    deadlines.push({
      recordId: record.id,
      kind: record.kind,
      section,
      reference: record.reference,
      date: record.validUntil,
      status: daysLeft < 0 ? 'expired' : daysLeft <= warning ? 'due-soon' : 'upcoming',
      daysLeft,
    })
  }
  return deadlines.sort((a, b) => a.date.localeCompare(b.date) || a.recordId.localeCompare(b.recordId))
}

export interface FamilyMemberView extends RegistryHouseholdMember {
  minor: boolean
  viewable: boolean
}

/** The household as the viewer sees it: themselves excluded, minors they represent openable. */
export function describeFamily(input: {
  household: readonly RegistryHouseholdMember[]
  ownerFiscalCode: string
  viewableFiscalCodes: ReadonlySet<string>
  today: string
}): FamilyMemberView[] {
  return input.household
    .filter((member) => member.fiscalCode !== input.ownerFiscalCode)
    .map((member) => ({
      ...member,
      minor: ageOn(member.birthDate, input.today) < 18,
      viewable: input.viewableFiscalCodes.has(member.fiscalCode),
    }))
}
