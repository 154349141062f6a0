import { describe, expect, it } from 'vitest'
import { decodeFiscalCode, isValidFiscalCode } from '../identity/codice-fiscale.js'
import { FOREIGN_COUNTRIES, ITALIAN_BIRTH_PLACES, MILAN_STREETS } from './seed-data.js'
import { ITALIAN_FEMALE_NAMES, ITALIAN_MALE_NAMES, ITALIAN_SURNAMES } from './seed-data-names.js'
import {
  FiscalCodeRegistry,
  generatePopulation,
  type PersonRow,
  type PopulationBatch,
  type PopulationOptions,
  SPID_TEST_FISCAL_CODES,
} from './seed-population.js'

const MILAN = { cadastralCode: 'F205', name: 'Milano', provinceCode: 'MI', istatCode: '015146' }
const REFERENCE_DATE = '2026-03-15'
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function options(overrides: Partial<PopulationOptions> = {}): PopulationOptions {
  return { citizens: 3_000, seed: 1, city: MILAN, referenceDate: REFERENCE_DATE, ...overrides }
}

function generateAll(overrides: Partial<PopulationOptions> = {}): PopulationBatch[] {
  return [...generatePopulation(options(overrides))]
}

function flatten(batches: PopulationBatch[]): PopulationBatch {
  return {
    addresses: batches.flatMap((batch) => batch.addresses),
    families: batches.flatMap((batch) => batch.families),
    persons: batches.flatMap((batch) => batch.persons),
    records: batches.flatMap((batch) => batch.records),
  }
}

/** Whole years between two ISO dates. */
function ageOn(birthDate: string, onDate: string): number {
  const [birthYear, birthMonthDay] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)]
  const [year, monthDay] = [Number(onDate.slice(0, 4)), onDate.slice(5)]
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0)
}

function byFamily(persons: PersonRow[]): Map<string, PersonRow[]> {
  const families = new Map<string, PersonRow[]>()
  for (const person of persons) {
    const members = families.get(person.familyId) ?? []
    members.push(person)
    families.set(person.familyId, members)
  }
  return families
}

// One larger population shared by the checks that only read it.
const population = flatten(generateAll({ citizens: 20_000, seed: 'milano' }))

describe('seed data', () => {
  it('has enough distinct names and places', () => {
    expect(new Set(ITALIAN_MALE_NAMES).size).toBeGreaterThanOrEqual(150)
    expect(new Set(ITALIAN_FEMALE_NAMES).size).toBeGreaterThanOrEqual(150)
    expect(new Set(ITALIAN_SURNAMES).size).toBeGreaterThanOrEqual(300)
    expect(new Set(MILAN_STREETS.map((street) => street.name)).size).toBe(MILAN_STREETS.length)
    expect(MILAN_STREETS.length).toBeGreaterThanOrEqual(120)
    for (const street of MILAN_STREETS)
      expect(Number(street.postalCode)).toSatisfy((cap: number) => cap >= 20121 && cap <= 20162)
    const codes = [...ITALIAN_BIRTH_PLACES, ...FOREIGN_COUNTRIES].map((place) => place.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const place of ITALIAN_BIRTH_PLACES) expect(place.code).toMatch(/^[A-M]\d{3}$/)
    for (const country of FOREIGN_COUNTRIES) {
      expect(country.code).toMatch(/^Z\d{3}$/)
      expect(country.citizenship).toMatch(/^[A-Z]{2}$/)
    }
  })
})

describe('generatePopulation', () => {
  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const first = generateAll({ seed: 42 })
    const again = generateAll({ seed: 42 })
    const other = generateAll({ seed: 43 })
    expect(again[0]?.persons[0]).toEqual(first[0]?.persons[0])
    expect(again.at(-1)?.persons.at(-1)).toEqual(first.at(-1)?.persons.at(-1))
    expect(flatten(again)).toEqual(flatten(first))
    // The public identities come first whatever the seed; compare the generated people after them.
    expect(other.at(-1)?.persons.at(-1)?.fiscalCode).not.toBe(first.at(-1)?.persons.at(-1)?.fiscalCode)
    expect(other[0]?.persons[10]?.id).not.toBe(first[0]?.persons[10]?.id)
    expect(other[0]?.addresses[0]?.id).not.toBe(first[0]?.addresses[0]?.id)
  })

  it('gives the same rows whatever the batch size, never splitting a family', () => {
    const small = generateAll({ batchSize: 250 })
    const large = generateAll({ batchSize: 5_000 })
    expect(small.length).toBeGreaterThan(10)
    expect(flatten(small)).toEqual(flatten(large))
    for (const batch of small) {
      const addressIds = new Set(batch.addresses.map((address) => address.id))
      const familyIds = new Set(batch.families.map((family) => family.id))
      for (const family of batch.families) expect(addressIds.has(family.addressId)).toBe(true)
      for (const person of batch.persons) expect(familyIds.has(person.familyId)).toBe(true)
    }
  })

  it.each([0, 1, 2, 4, 5, 6, 7, 999, 3_001])('produces exactly %i persons', (citizens) => {
    const persons = flatten(generateAll({ citizens, batchSize: 100 })).persons
    expect(persons).toHaveLength(citizens)
  })

  it('accepts the reference date as an instant, taking its date in Rome', () => {
    const fromInstant = flatten(
      generateAll({ citizens: 200, referenceDate: new Date('2026-03-14T23:30:00Z') }),
    )
    expect(fromInstant).toEqual(flatten(generateAll({ citizens: 200, referenceDate: '2026-03-15' })))
  })

  it('refuses bad options', () => {
    expect(() => generateAll({ citizens: -1 })).toThrow(RangeError)
    expect(() => generateAll({ citizens: 1.5 })).toThrow(RangeError)
    expect(() => generateAll({ batchSize: 0 })).toThrow(RangeError)
    expect(() => generateAll({ referenceDate: '2026-02-30' })).toThrow(RangeError)
  })
})

describe('the generated population', () => {
  const { persons, families, addresses } = population
  const members = byFamily(persons)

  /** The persons breaking a rule, with a label, so one assertion shows every offender. */
  function offenders(rule: (person: PersonRow) => boolean): string[] {
    return persons
      .filter((person) => !rule(person))
      .map((person) => `${person.fiscalCode} ${JSON.stringify(person)}`)
  }

  it('has valid, unique fiscal codes that match each person', () => {
    expect(new Set(persons.map((person) => person.fiscalCode)).size).toBe(persons.length)
    expect(
      offenders((person) => {
        const decoded = decodeFiscalCode(person.fiscalCode, REFERENCE_DATE)
        return (
          isValidFiscalCode(person.fiscalCode) &&
          decoded?.sex === person.sex &&
          decoded.birthDate === person.birthDate &&
          decoded.birthPlaceCode === person.birthPlaceCode
        )
      }),
    ).toEqual([])
  })

  it('has unique v4-shaped ids', () => {
    const ids = [...persons, ...families, ...addresses].map((row) => row.id)
    expect(ids.filter((id) => !UUID_V4.test(id))).toEqual([])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives every family one head and an address in the city', () => {
    const addressById = new Map(addresses.map((address) => [address.id, address]))
    expect(members.size).toBe(families.length)
    const wrong = families.filter((family) => {
      const heads = (members.get(family.id) ?? []).filter((person) => person.relationship === 'head')
      const address = addressById.get(family.addressId)
      return (
        heads.length !== 1 ||
        address?.municipalityCode !== '015146' ||
        address.municipalityName !== 'Milano' ||
        address.provinceCode !== 'MI' ||
        !/^\d+(\/[A-C])?$/.test(address.houseNumber) ||
        family.formedOn > REFERENCE_DATE
      )
    })
    expect(wrong).toEqual([])
  })

  it('gives every minor a parent at least sixteen years older', () => {
    const minors = persons.filter((person) => ageOn(person.birthDate, REFERENCE_DATE) < 18)
    expect(minors.length / persons.length).toBeGreaterThan(0.1)
    const withoutParent = minors.filter((minor) => {
      const parents = (members.get(minor.familyId) ?? []).filter((member) =>
        ['head', 'spouse', 'partner'].includes(member.relationship),
      )
      return (
        minor.relationship !== 'child' ||
        minor.civilStatus !== 'single' ||
        !parents.some((parent) => ageOn(parent.birthDate, minor.birthDate) >= 16)
      )
    })
    expect(withoutParent).toEqual([])
  })

  it('keeps civil status, relationship and dates consistent', () => {
    expect(
      offenders((person) => {
        const age = ageOn(person.birthDate, REFERENCE_DATE)
        const adult = age >= 18
        return (
          age >= 0 &&
          age < 100 &&
          (person.civilStatus === 'single' || adult) &&
          (person.relationship !== 'spouse' || ['married', 'civil_union'].includes(person.civilStatus)) &&
          (person.relationship !== 'partner' || ['single', 'divorced'].includes(person.civilStatus)) &&
          (!['head', 'parent', 'spouse', 'partner'].includes(person.relationship) || adult) &&
          person.residentSince >= person.birthDate &&
          person.residentSince <= REFERENCE_DATE &&
          /^[A-Z]{2}$/.test(person.citizenship)
        )
      }),
    ).toEqual([])
    for (const group of members.values()) {
      const head = group.find((person) => person.relationship === 'head') as PersonRow
      const spouse = group.find((person) => person.relationship === 'spouse')
      if (spouse) expect(spouse.civilStatus).toBe(head.civilStatus)
    }
  })

  it('has a plausible mix of ages, households and origins', () => {
    const share = (predicate: (person: PersonRow) => boolean): number =>
      persons.filter(predicate).length / persons.length
    const bornAbroad = share((person) => person.birthPlaceCode.startsWith('Z'))
    expect(bornAbroad).toBeGreaterThan(0.15)
    expect(bornAbroad).toBeLessThan(0.25)
    const bornInItaly = persons.filter((person) => !person.birthPlaceCode.startsWith('Z'))
    const bornHere =
      bornInItaly.filter((person) => person.birthPlaceCode === 'F205').length / bornInItaly.length
    expect(bornHere).toBeGreaterThan(0.4)
    expect(bornHere).toBeLessThan(0.6)
    expect(share((person) => ageOn(person.birthDate, REFERENCE_DATE) >= 65)).toBeGreaterThan(0.15)
    expect(share((person) => ageOn(person.birthDate, REFERENCE_DATE) >= 90)).toBeLessThan(0.04)
    const sizes = [...members.values()].map((group) => group.length)
    const alone = sizes.filter((size) => size === 1).length / sizes.length
    expect(alone).toBeGreaterThan(0.3)
    expect(alone).toBeLessThan(0.55)
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(5)
    const relationships = new Set(persons.map((person) => person.relationship))
    expect([...relationships].sort()).toEqual(['child', 'head', 'other', 'parent', 'partner', 'spouse'])
    const statuses = new Set(persons.map((person) => person.civilStatus))
    expect([...statuses].sort()).toEqual(['civil_union', 'divorced', 'married', 'single', 'widowed'])
  })
})

describe('public SPID test identities', () => {
  const [firstBatch] = generateAll({ citizens: 50, seed: 9 })
  const persons = firstBatch?.persons ?? []
  const find = (code: string): PersonRow | undefined => persons.find((person) => person.fiscalCode === code)

  it('are residents in the first batch with their exact data', () => {
    expect(find(SPID_TEST_FISCAL_CODES.cesare)).toMatchObject({
      givenName: 'Gaio Giulio',
      familyName: 'Cesare',
      sex: 'M',
      birthDate: '1944-07-13',
      birthPlaceCode: 'H501',
      relationship: 'head',
    })
    expect(find(SPID_TEST_FISCAL_CODES.ada)).toMatchObject({
      givenName: 'Ada',
      familyName: 'Lovelace',
      sex: 'F',
      birthDate: '1985-12-10',
      birthPlaceCode: 'G702',
      relationship: 'head',
    })
    expect(find(SPID_TEST_FISCAL_CODES.bosco)).toMatchObject({
      givenName: 'Matteo',
      familyName: 'Bosco',
      birthDate: '1983-01-12',
      birthPlaceCode: 'L719',
    })
  })

  it('give Ada Lovelace a minor child in her family', () => {
    const ada = find(SPID_TEST_FISCAL_CODES.ada) as PersonRow
    const children = persons.filter(
      (person) => person.familyId === ada.familyId && person.relationship === 'child',
    )
    expect(children).toHaveLength(1)
    expect(ageOn(children[0]?.birthDate ?? '', REFERENCE_DATE)).toBeLessThan(18)
    expect(ageOn(children[0]?.birthDate ?? '', REFERENCE_DATE)).toBeGreaterThanOrEqual(1)
  })

  it('can be left out', () => {
    const codes = flatten(generateAll({ citizens: 500, includeTestIdentities: false })).persons.map(
      (person) => person.fiscalCode,
    )
    expect(codes).toHaveLength(500)
    for (const code of Object.values(SPID_TEST_FISCAL_CODES)) expect(codes).not.toContain(code)
  })
})

describe('FiscalCodeRegistry', () => {
  const person = {
    givenName: 'Mario',
    familyName: 'Rossi',
    sex: 'M' as const,
    birthDay: 0, // 1970-01-01
    birthPlaceCode: 'F205',
  }

  it('gives people who share a base code its omocodic variants, rightmost digit first', () => {
    const registry = new FiscalCodeRegistry()
    const codes = Array.from({ length: 8 }, () => registry.assign(person))
    expect(codes[0]).toBe('RSSMRA70A01F205V')
    expect(codes[1]).toMatch(/^RSSMRA70A01F20R.$/)
    expect(codes[7]).toMatch(/^RSSMRATLALMFNLR.$/)
    expect(new Set(codes).size).toBe(8)
    for (const code of codes) expect(decodeFiscalCode(code, REFERENCE_DATE)?.birthDate).toBe('1970-01-01')
    expect(() => registry.assign(person)).toThrow(/every omocodic variant/)
  })

  it('never hands out a code already reserved', () => {
    const registry = new FiscalCodeRegistry()
    registry.reserve('RSSMRA70A01F205V')
    expect(registry.assign(person)).not.toBe('RSSMRA70A01F205V')
  })
})
