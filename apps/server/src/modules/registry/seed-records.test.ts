import { describe, expect, it } from 'vitest'
import { dayNumberFromIso } from './calendar-days.js'
import { parseRecord, RECORD_KINDS } from './record-schema.js'
import { generatePopulation, SPID_TEST_FISCAL_CODES } from './seed-population.js'
import { generateHouseholdRecords } from './seed-records.js'

const MILAN = { cadastralCode: 'F205', name: 'Milano', provinceCode: 'MI', istatCode: '015146' }
const TODAY = '2026-03-15'

function population(citizens: number) {
  const batches = [...generatePopulation({ citizens, seed: 7, city: MILAN, referenceDate: TODAY })]
  return {
    persons: batches.flatMap((batch) => batch.persons),
    records: batches.flatMap((batch) => batch.records),
  }
}

describe('generateHouseholdRecords', () => {
  const { persons, records } = population(4_000)
  const byId = new Map(persons.map((person) => [person.id, person]))

  it('gives every record valid details for its kind and an owner from the population', () => {
    expect(records.length).toBeGreaterThan(persons.length)
    for (const row of records) {
      expect(byId.has(row.personId)).toBe(true)
      const parsed = parseRecord({ ...row, details: JSON.parse(row.details) })
      expect(parsed, `${row.kind} ${row.details}`).not.toBeNull()
      if (row.validFrom && row.validUntil) expect(row.validFrom <= row.validUntil).toBe(true)
    }
    const kinds = new Set(records.map((row) => row.kind))
    expect([...kinds].sort()).toEqual([...RECORD_KINDS].sort())
  })

  it('is the same for the same household, whatever else was generated', () => {
    const again = population(4_000)
    expect(again.records).toEqual(records)
    const smaller = population(1_000)
    const firstIds = new Set(smaller.persons.map((person) => person.id))
    expect(smaller.records).toEqual(records.filter((row) => firstIds.has(row.personId)))
  })

  it('makes identity cards run to a birthday, 10 years for adults and 5 for children', () => {
    const cards = records.filter((row) => row.kind === 'identity-card')
    expect(cards.length).toBeGreaterThan(persons.length * 0.6)
    for (const card of cards) {
      const person = byId.get(card.personId)!
      if (!person.birthDate.endsWith('02-29'))
        expect(card.validUntil?.slice(5)).toBe(person.birthDate.slice(5))
      const issued = dayNumberFromIso(card.validFrom!)
      const expires = dayNumberFromIso(card.validUntil!)
      const years = (expires - issued) / 365.2425
      expect(years).toBeGreaterThanOrEqual(2.99)
      expect(years).toBeLessThanOrEqual(11.01)
      expect(card.reference).toMatch(/^(CA\d{5}[A-Z]{2}|A[A-Z]\d{7})$/)
    }
    // Some have lapsed already, some run out within three months: the folder shows both.
    expect(cards.some((card) => card.validUntil! < TODAY)).toBe(true)
    expect(cards.some((card) => card.validUntil! >= TODAY && card.validUntil! <= '2026-06-15')).toBe(true)
  })

  it('enrols only children of school age and gives vehicles only to adults', () => {
    const age = (birthDate: string) => (dayNumberFromIso(TODAY) - dayNumberFromIso(birthDate)) / 365.2425
    for (const row of records) {
      const person = byId.get(row.personId)!
      if (row.kind === 'school-enrolment') expect(age(person.birthDate)).toBeLessThan(14)
      if (row.kind === 'vehicle') expect(age(person.birthDate)).toBeGreaterThanOrEqual(18)
    }
  })

  it('gives the test citizens every kind of record that fits them', () => {
    const ada = persons.find((person) => person.fiscalCode === SPID_TEST_FISCAL_CODES.ada)!
    const son = persons.find((person) => person.familyId === ada.familyId && person.id !== ada.id)!
    const kindsOf = (id: string) =>
      new Set(records.filter((row) => row.personId === id).map((row) => row.kind))
    expect([...kindsOf(ada.id)]).toEqual(
      expect.arrayContaining([
        'identity-card',
        'vehicle',
        'resident-parking-permit',
        'property',
        'isee',
        'library-loan',
        'digital-domicile',
      ]),
    )
    expect([...kindsOf(son.id)]).toEqual(
      expect.arrayContaining(['identity-card', 'school-enrolment', 'canteen-enrolment']),
    )
  })

  it('shares a home among its owners', () => {
    const household = {
      familyId: '00000000-0000-4000-8000-000000000001',
      address: { streetName: 'Via Dante', houseNumber: '3', municipalityName: 'Milano' },
      showcase: true,
      members: [
        {
          id: 'a',
          givenName: 'Anna',
          familyName: 'Rossi',
          birthDate: '1980-01-01',
          relationship: 'head',
          residentSince: '2010-01-01',
        },
        {
          id: 'b',
          givenName: 'Luca',
          familyName: 'Rossi',
          birthDate: '1979-05-05',
          relationship: 'spouse',
          residentSince: '2010-01-01',
        },
      ],
    }
    const homes = generateHouseholdRecords(household, dayNumberFromIso(TODAY)).filter(
      (row) => row.kind === 'property' && JSON.parse(row.details).mainHome,
    )
    expect(homes.map((row) => row.personId).sort()).toEqual(['a', 'b'])
    expect(homes.map((row) => JSON.parse(row.details).sharePercent)).toEqual([50, 50])
  })
})
