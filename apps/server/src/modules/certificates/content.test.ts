import { describe, expect, it } from 'vitest'
import type { PersonFolder } from '../registry/source.js'
import { certificateText, factsOf } from './content.js'
import {
  CERTIFICATE_TYPE_IDS,
  CERTIFICATE_TYPES,
  chargesOf,
  maskFiscalCode,
  maskName,
  refusalOf,
  validUntil,
} from './policy.js'

const folder: PersonFolder = {
  person: {
    fiscalCode: 'RSSMRA80A41F205X',
    givenName: 'Maria',
    familyName: 'Rossi',
    sex: 'F',
    birthDate: '1980-01-01',
    birthPlace: { code: 'F205', name: 'Milano' },
    citizenship: 'IT',
    civilStatus: 'married',
    relationship: 'head',
    residentSince: '2010-05-04',
    certifiable: true,
    certifiability: 2,
  },
  address: {
    streetName: 'Via Dante',
    houseNumber: '1',
    postalCode: '20121',
    municipalityCode: 'F205',
    municipalityName: 'Milano',
    provinceCode: 'MI',
  },
  household: [
    {
      fiscalCode: 'RSSMRA80A41F205X',
      givenName: 'Maria',
      familyName: 'Rossi',
      sex: 'F',
      birthDate: '1980-01-01',
      relationship: 'head',
    },
    {
      fiscalCode: 'BNCLCU78B02F205Y',
      givenName: 'Luca',
      familyName: 'Bianchi',
      sex: 'M',
      birthDate: '1978-02-02',
      relationship: 'spouse',
    },
    {
      fiscalCode: 'BNCGLI12C43F205Z',
      givenName: 'Giulia',
      familyName: 'Bianchi',
      sex: 'F',
      birthDate: '2012-03-03',
      relationship: 'child',
    },
  ],
  records: [
    {
      id: 'r1',
      kind: 'previous-residence',
      reference: 'Torino',
      validFrom: '2001-01-01',
      validUntil: '2010-05-03',
      details: { streetName: 'Via Po', houseNumber: '7', municipalityName: 'Torino', provinceCode: 'TO' },
    } as PersonFolder['records'][number],
  ],
}

const lines = (type: Parameters<typeof factsOf>[0]) =>
  factsOf(type, folder, ['it']).map((fact) =>
    fact.kind === 'line'
      ? `${fact.label[0]}: ${fact.value}`
      : fact.kind === 'table'
        ? `${fact.label[0]}: ${fact.rows.map((row) => row.join(' | ')).join(' / ')}`
        : (fact.text[0] ?? ''),
  )

describe('certificate content', () => {
  it('certifies residence with the address and the date since', () => {
    expect(lines('residenza')).toEqual([
      'Residenza: Via Dante 1, 20121 Milano (MI)',
      'Residente dal: 4 maggio 2010',
    ])
  })

  it('lists the household once each, head first, for stato di famiglia', () => {
    expect(lines('stato-famiglia')[2]).toBe(
      'Famiglia anagrafica: Rossi Maria | 01/01/1980 | intestatario della scheda / Bianchi Luca | 02/02/1978 | coniuge / Bianchi Giulia | 03/03/2012 | figlio/a',
    )
  })

  it('adds earlier residences for the storico', () => {
    expect(lines('storico-residenza')[2]).toBe(
      'Residenze precedenti: Via Po 7 | Torino | 01/01/2001 | 03/05/2010',
    )
  })

  it('words birth, citizenship, life and civil status by the person’s sex', () => {
    expect(lines('nascita')).toEqual(['Luogo e data di nascita: Milano, 1 gennaio 1980'])
    expect(lines('cittadinanza')).toEqual(['Cittadinanza: italiana'])
    expect(lines('esistenza-in-vita')).toEqual([
      'La persona sopra indicata è in vita alla data del presente certificato.',
    ])
    expect(lines('stato-civile')).toEqual(['Stato civile: coniugata'])
  })

  it('puts every fact of the contestuale on one sheet', () => {
    expect(lines('contestuale').map((line) => line.split(':')[0])).toEqual([
      'Luogo e data di nascita',
      'Cittadinanza',
      'La persona sopra indicata è in vita alla data del presente certificato.',
      'Residenza',
      'Residente dal',
      'Stato civile',
      'Famiglia anagrafica',
    ])
  })

  it('prints bilingual titles, preamble and labels', () => {
    const text = certificateText('residenza', folder, 'it-de')
    expect(text.languages).toEqual(['it', 'de'])
    expect(text.titles).toEqual(['CERTIFICATO DI RESIDENZA', 'WOHNSITZBESCHEINIGUNG'])
    expect(text.facts[0]).toMatchObject({ kind: 'line', label: ['Residenza', 'Wohnsitz'] })
  })

  it('has a title and facts for every type', () => {
    for (const type of CERTIFICATE_TYPE_IDS) {
      expect(certificateText(type, folder, 'it-fr').titles).toHaveLength(2)
      expect(
        factsOf(type, { ...folder, person: { ...folder.person, civilStatus: 'single' } }, ['it']).length,
      ).toBeGreaterThan(0)
    }
  })
})

describe('certificate rules', () => {
  const person = (certifiability: 0 | 1 | 2 | 3 | 4, civilStatus = 'single') => ({
    certifiability,
    civilStatus,
  })

  it('refuses by certifiability code, and partial records beyond residence and family', () => {
    expect(refusalOf('residenza', person(0))).toBe('certificates.refused-not-certifiable')
    expect(refusalOf('residenza', person(3))).toBe('certificates.refused-not-registrable')
    expect(refusalOf('residenza', person(4))).toBe('certificates.refused-interdicted')
    expect(refusalOf('residenza', person(1))).toBeNull()
    expect(refusalOf('stato-famiglia', person(1))).toBeNull()
    expect(refusalOf('cittadinanza', person(1))).toBe('certificates.refused-partial')
    expect(refusalOf('contestuale', person(1))).toBe('certificates.refused-partial')
    expect(refusalOf('nascita', person(2))).toBeNull()
  })

  it('gives stato libero only to the unmarried', () => {
    expect(refusalOf('stato-libero', person(2, 'married'))).toBe('certificates.refused-not-free')
    expect(refusalOf('stato-libero', person(2, 'civil_union'))).toBe('certificates.refused-not-free')
    for (const status of ['single', 'divorced', 'widowed'])
      expect(refusalOf('stato-libero', person(2, status))).toBeNull()
  })

  it('charges €16 and fees, nothing on civil status, no fees on the fee-free exempt uses', () => {
    const fees = { withStampCents: 52, exemptCents: 26 }
    expect(chargesOf('residenza', { mode: 'pay' }, fees)).toEqual({ stampCents: 1600, feesCents: 52 })
    expect(
      chargesOf('residenza', { mode: 'declared', stampId: '01234567890123', stampDate: '2027-01-01' }, fees),
    ).toEqual({
      stampCents: 0,
      feesCents: 52,
    })
    expect(chargesOf('residenza', { mode: 'exempt', exemption: '3' }, fees)).toEqual({
      stampCents: 0,
      feesCents: 26,
    })
    expect(chargesOf('residenza', { mode: 'exempt', exemption: '7' }, fees)).toEqual({
      stampCents: 0,
      feesCents: 0,
    })
    expect(CERTIFICATE_TYPES.nascita.civilStatus).toBe(true)
    expect(chargesOf('nascita', { mode: 'pay' }, fees)).toEqual({ stampCents: 0, feesCents: 0 })
  })

  it('is valid six months, and masks names and codes for the public page', () => {
    expect(validUntil('2027-04-16')).toBe('2027-10-15')
    expect(validUntil('2027-08-31')).toBe('2028-02-29')
    expect(maskName('Maria Rossi')).toBe('M***a R***i')
    expect(maskFiscalCode('RSSMRA80A41F205X')).toBe('RSS************X')
  })
})
