import type { TFunction } from 'i18next'
import { formatDay, formatEuro } from '../../app/i18n/format'
import type { FolderRecord } from './folder-api'

export type Fact = readonly [label: string, value: string]

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

/** The heading of a record's card: what it is, or its own name when it has one. */
export function recordTitle(record: FolderRecord, t: TFunction): string {
  const { details } = record
  switch (record.kind) {
    case 'vehicle':
      return `${text(details.make)} ${text(details.model)}`
    case 'library-loan':
      return text(details.title)
    case 'school-enrolment':
      return t(`folder.values.level.${text(details.level)}` as never)
    default:
      return t(`folder.kinds.${record.kind}`)
  }
}

/** The label and value pairs a record's card lists, in reading order. */
export function recordFacts(record: FolderRecord, t: TFunction, language: string): Fact[] {
  const day = (value: unknown) => (typeof value === 'string' ? formatDay(value, language) : '')
  const value = (group: string, key: unknown) => t(`folder.values.${group}.${text(key)}` as never)
  const { details } = record
  const f = (key: string) => t(`folder.facts.${key}` as never)
  switch (record.kind) {
    case 'identity-card':
      return [
        [f('number'), record.reference],
        [f('format'), f(details.format === 'paper' ? 'formatPaper' : 'formatCie')],
        [f('issuedOn'), day(record.validFrom)],
        [f('validUntil'), day(record.validUntil)],
        [f('expatriation'), f(details.validForExpatriation ? 'yes' : 'no')],
      ]
    case 'school-enrolment':
      return [
        [f('schoolYear'), record.reference],
        [f('school'), text(details.schoolName)],
        [f('class'), text(details.classLabel)],
      ]
    case 'canteen-enrolment':
      return [
        [f('schoolYear'), record.reference],
        [f('school'), text(details.schoolName)],
        [f('diet'), value('diet', details.diet)],
        [f('feeBand'), text(details.feeBand)],
        [f('monthlyFee'), formatEuro(details.monthlyFeeCents, language)],
      ]
    case 'vehicle':
      return [
        [f('plate'), record.reference],
        [f('fuel'), value('fuel', details.fuel)],
        [f('euroClass'), `Euro ${text(details.euroClass)}`],
        [f('registeredOn'), day(record.validFrom)],
      ]
    case 'resident-parking-permit':
      return [
        [f('number'), record.reference],
        [f('zone'), text(details.zone)],
        [f('plate'), text(details.plate)],
        [f('validUntil'), day(record.validUntil)],
      ]
    case 'area-c-pass':
      return [
        [f('plate'), text(details.plate)],
        [
          f('entries'),
          t('folder.facts.entriesValue', {
            used: text(details.entriesUsed),
            total: text(details.freeEntries),
          }),
        ],
        [f('validUntil'), day(record.validUntil)],
      ]
    case 'area-b-exemption':
      return [
        [f('number'), record.reference],
        [f('plate'), text(details.plate)],
        [f('scheme'), value('scheme', details.scheme)],
        [f('validUntil'), day(record.validUntil)],
      ]
    case 'property':
      return [
        [f('cadastral'), record.reference],
        [f('category'), text(details.category)],
        [f('address'), text(details.address)],
        [f('share'), `${text(details.sharePercent)}%`],
        [f('use'), f(details.mainHome ? 'mainHome' : 'otherUse')],
        [f('cadastralIncome'), formatEuro(details.cadastralIncomeCents, language)],
      ]
    case 'isee':
      return [
        [f('iseeValue'), formatEuro(details.valueCents, language)],
        [f('iseeType'), value('iseeType', details.type)],
        [f('householdSize'), text(details.householdSize)],
        [f('protocol'), record.reference],
        [f('signedOn'), day(record.validFrom)],
        [f('validUntil'), day(record.validUntil)],
      ]
    case 'library-loan':
      return [
        [f('library'), text(details.library)],
        [f('loanedOn'), day(record.validFrom)],
        details.returnedOn
          ? [f('returnedOn'), day(details.returnedOn)]
          : [f('dueOn'), day(record.validUntil)],
      ]
    case 'digital-domicile':
      return [
        [f('pec'), record.reference],
        [f('since'), day(record.validFrom)],
        [f('source'), text(details.source)],
      ]
    case 'previous-residence':
      return [
        [
          f('address'),
          `${text(details.streetName)} ${text(details.houseNumber)}, ${text(details.municipalityName)} (${text(details.provinceCode)})`,
        ],
        [
          f('period'),
          t('folder.facts.periodValue', { from: day(record.validFrom), until: day(record.validUntil) }),
        ],
      ]
  }
}
