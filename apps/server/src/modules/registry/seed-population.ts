import { applyOmocodia, computeFiscalCode, MAX_OMOCODIA_LEVEL, type Sex } from '../identity/codice-fiscale.js'
import { dayNumberFromIso, isoFromDayNumber, romeCalendarDate, yearsInDays } from './calendar-days.js'
import { MILAN_STREETS } from './seed-data.js'
import {
  type CivilStatus,
  HouseholdPlanner,
  type PlannedHousehold,
  type PlannedPerson,
  type Relationship,
} from './seed-household.js'
import { generateHouseholdRecords, type RecordRow } from './seed-records.js'
import { SeededRandom } from './seeded-random.js'

export interface SeedCity {
  /** Belfiore code, the birth place of people born in the city (Milan: F205). */
  cadastralCode: string
  name: string
  /** Two-letter province code (Milan: MI). */
  provinceCode: string
  /** ISTAT municipality code, stored on residence addresses (Milan: 015146). */
  istatCode: string
}

export interface PopulationOptions {
  /** Exact number of persons to generate. */
  citizens: number
  seed: number | string
  city: SeedCity
  /** "Today" for ages, residence dates and minors: a YYYY-MM-DD date or an instant (its date in Rome). */
  referenceDate: Date | string
  /** Persons per batch (families are never split, so a batch may hold a few more). */
  batchSize?: number
  /** Put the public SPID test citizens in the first batch (default true). */
  includeTestIdentities?: boolean
}

export interface AddressRow {
  id: string
  streetName: string
  houseNumber: string
  postalCode: string
  municipalityCode: string
  municipalityName: string
  provinceCode: string
}

export interface FamilyRow {
  id: string
  addressId: string
  formedOn: string
}

export interface PersonRow {
  id: string
  fiscalCode: string
  givenName: string
  familyName: string
  sex: Sex
  birthDate: string
  birthPlaceCode: string
  birthPlaceName: string
  citizenship: string
  civilStatus: CivilStatus
  familyId: string
  relationship: Relationship
  residentSince: string
}

export interface PopulationBatch {
  addresses: AddressRow[]
  families: FamilyRow[]
  persons: PersonRow[]
  records: RecordRow[]
}

/** The public test identities of the SPID validator, residents of every generated city. */
export const SPID_TEST_FISCAL_CODES = {
  cesare: 'CSRGGL44L13H501E',
  ada: 'LVLDAA85T50G702B',
  bosco: 'BSCMTT83A12L719R',
} as const

export const DEFAULT_POPULATION_BATCH_SIZE = 5_000

/**
 * Yields the population of a city in batches of whole families, each batch holding the addresses,
 * families and persons it needs, so batches can be stored independently in this order. The same
 * options always give the same rows, whatever the batch size.
 */
export function* generatePopulation(options: PopulationOptions): Generator<PopulationBatch> {
  if (!Number.isInteger(options.citizens) || options.citizens < 0) {
    throw new RangeError(`citizens must be a whole number: ${options.citizens}`)
  }
  const batchSize = options.batchSize ?? DEFAULT_POPULATION_BATCH_SIZE
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`bad batch size: ${batchSize}`)
  const referenceDay = dayNumberFromIso(romeCalendarDate(options.referenceDate))
  const random = new SeededRandom(options.seed)
  const planner = new HouseholdPlanner(options.city, referenceDay)
  const fiscalCodes = new FiscalCodeRegistry()
  let remaining = options.citizens
  let batch = emptyBatch()

  const add = (household: PlannedHousehold): void => {
    appendHousehold(batch, household, { random, city: options.city, fiscalCodes, referenceDay })
    remaining -= household.members.length
  }

  if (options.includeTestIdentities ?? true) {
    for (const household of testIdentityHouseholds(options.city, referenceDay)) {
      if (household.members.length <= remaining) add(household)
    }
  }
  while (remaining > 0) {
    add(planner.plan(random, remaining))
    if (batch.persons.length >= batchSize) {
      yield batch
      batch = emptyBatch()
    }
  }
  if (batch.persons.length > 0) yield batch
}

function emptyBatch(): PopulationBatch {
  return { addresses: [], families: [], persons: [], records: [] }
}

/**
 * Remembers every code handed out; a person whose code is taken gets the next omocodic variant, as
 * the Agenzia delle Entrate does. A Set of a million 16-character strings needs about 100 MB.
 */
export class FiscalCodeRegistry {
  private readonly taken = new Set<string>()

  /** Marks a code as used, e.g. one already stored. */
  reserve(code: string): void {
    this.taken.add(code)
  }

  assign(
    person: Pick<PlannedPerson, 'familyName' | 'givenName' | 'sex' | 'birthDay' | 'birthPlaceCode'>,
  ): string {
    const base = computeFiscalCode({
      familyName: person.familyName,
      givenName: person.givenName,
      sex: person.sex,
      birthDate: isoFromDayNumber(person.birthDay),
      birthPlaceCode: person.birthPlaceCode,
    })
    let code = base
    for (let level = 1; this.taken.has(code); level++) {
      if (level > MAX_OMOCODIA_LEVEL) throw new Error(`every omocodic variant of ${base} is taken`)
      code = applyOmocodia(base, level)
    }
    this.taken.add(code)
    return code
  }
}

function appendHousehold(
  batch: PopulationBatch,
  household: PlannedHousehold,
  context: { random: SeededRandom; city: SeedCity; fiscalCodes: FiscalCodeRegistry; referenceDay: number },
): void {
  const { random, city } = context
  const street = random.pick(MILAN_STREETS)
  const address: AddressRow = {
    id: random.uuid(),
    streetName: street.name,
    houseNumber: houseNumber(random),
    postalCode: street.postalCode,
    municipalityCode: city.istatCode,
    municipalityName: city.name,
    provinceCode: city.provinceCode,
  }
  const family: FamilyRow = {
    id: random.uuid(),
    addressId: address.id,
    formedOn: isoFromDayNumber(household.formedOnDay),
  }
  batch.addresses.push(address)
  batch.families.push(family)
  const firstMember = batch.persons.length
  for (const person of household.members) {
    batch.persons.push({
      id: random.uuid(),
      fiscalCode: context.fiscalCodes.assign(person),
      givenName: person.givenName,
      familyName: person.familyName,
      sex: person.sex,
      birthDate: isoFromDayNumber(person.birthDay),
      birthPlaceCode: person.birthPlaceCode,
      birthPlaceName: person.birthPlaceName,
      citizenship: person.citizenship,
      civilStatus: person.civilStatus,
      familyId: family.id,
      relationship: person.relationship,
      residentSince: isoFromDayNumber(person.residentSinceDay),
    })
  }
  const records = generateHouseholdRecords(
    {
      familyId: family.id,
      address,
      members: batch.persons.slice(firstMember),
      showcase: household.showcase,
    },
    context.referenceDay,
  )
  for (const record of records) batch.records.push(record)
}

/** Low numbers are far more common than high ones; a few carry a letter, as in "12/A". */
function houseNumber(random: SeededRandom): string {
  const number = 1 + Math.floor(160 * random.next() ** 2)
  return random.chance(0.06) ? `${number}/${random.pick(['A', 'B', 'C'])}` : String(number)
}

/**
 * The SPID validator's public citizens, living in the city: Gaio Giulio Cesare with his wife, Ada
 * Lovelace with her young son (a minor, for delegation), Matteo Bosco alone.
 */
function testIdentityHouseholds(city: SeedCity, referenceDay: number): PlannedHousehold[] {
  const day = (iso: string): number => Math.min(dayNumberFromIso(iso), referenceDay)
  const cityBirthPlace = { birthPlaceCode: city.cadastralCode, birthPlaceName: city.name }
  const adaBirthDay = dayNumberFromIso('1985-12-10')
  // About eight years old on the reference date, and never born before his mother turned twenty.
  const sonBirthDay = Math.min(
    referenceDay,
    Math.max(referenceDay - yearsInDays(8) - 137, adaBirthDay + yearsInDays(20)),
  )
  const adaSince = Math.min(day('2009-09-14'), sonBirthDay)
  const person = (fields: Omit<PlannedPerson, 'citizenship'> & { citizenship?: string }): PlannedPerson => ({
    citizenship: 'IT',
    ...fields,
  })
  return [
    {
      showcase: true,
      formedOnDay: day('1976-04-03'),
      members: [
        person({
          givenName: 'Gaio Giulio',
          familyName: 'Cesare',
          sex: 'M',
          birthDay: dayNumberFromIso('1944-07-13'),
          birthPlaceCode: 'H501',
          birthPlaceName: 'Roma',
          civilStatus: 'married',
          relationship: 'head',
          residentSinceDay: day('1971-10-01'),
        }),
        person({
          givenName: 'Calpurnia',
          familyName: 'Pisone',
          sex: 'F',
          birthDay: dayNumberFromIso('1947-02-20'),
          birthPlaceCode: 'H501',
          birthPlaceName: 'Roma',
          civilStatus: 'married',
          relationship: 'spouse',
          residentSinceDay: day('1976-04-03'),
        }),
      ],
    },
    {
      showcase: true,
      formedOnDay: adaSince,
      members: [
        person({
          givenName: 'Ada',
          familyName: 'Lovelace',
          sex: 'F',
          birthDay: adaBirthDay,
          birthPlaceCode: 'G702',
          birthPlaceName: 'Pisa',
          civilStatus: 'single',
          relationship: 'head',
          residentSinceDay: adaSince,
        }),
        person({
          givenName: 'Byron',
          familyName: 'Lovelace',
          sex: 'M',
          birthDay: sonBirthDay,
          ...cityBirthPlace,
          civilStatus: 'single',
          relationship: 'child',
          residentSinceDay: sonBirthDay,
        }),
      ],
    },
    {
      showcase: true,
      formedOnDay: day('2014-05-20'),
      members: [
        person({
          givenName: 'Matteo',
          familyName: 'Bosco',
          sex: 'M',
          birthDay: dayNumberFromIso('1983-01-12'),
          birthPlaceCode: 'L719',
          birthPlaceName: 'Velletri',
          civilStatus: 'single',
          relationship: 'head',
          residentSinceDay: day('2014-05-20'),
        }),
      ],
    },
  ]
}
