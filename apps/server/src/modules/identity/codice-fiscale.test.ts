import { describe, expect, it } from 'vitest'
import {
  applyOmocodia,
  checkCharacter,
  computeFiscalCode,
  decodeFiscalCode,
  type FiscalCodePerson,
  isValidFiscalCode,
  MAX_OMOCODIA_LEVEL,
  normalizeFiscalCode,
} from './codice-fiscale.js'

const PUBLIC_TEST_IDENTITIES: { code: string; person: FiscalCodePerson }[] = [
  {
    code: 'CSRGGL44L13H501E',
    person: {
      familyName: 'Cesare',
      givenName: 'Gaio Giulio',
      sex: 'M',
      birthDate: '1944-07-13',
      birthPlaceCode: 'H501',
    },
  },
  {
    code: 'LVLDAA85T50G702B',
    person: {
      familyName: 'Lovelace',
      givenName: 'Ada',
      sex: 'F',
      birthDate: '1985-12-10',
      birthPlaceCode: 'G702',
    },
  },
  {
    code: 'BSCMTT83A12L719R',
    person: {
      familyName: 'Bosco',
      givenName: 'Matteo',
      sex: 'M',
      birthDate: '1983-01-12',
      birthPlaceCode: 'L719',
    },
  },
]

function person(overrides: Partial<FiscalCodePerson>): FiscalCodePerson {
  return {
    familyName: 'Rossi',
    givenName: 'Mario',
    sex: 'M',
    birthDate: '1980-01-01',
    birthPlaceCode: 'F205',
    ...overrides,
  }
}

/** Replaces the character at a 0-based index. */
function withCharacter(code: string, index: number, character: string): string {
  return code.slice(0, index) + character + code.slice(index + 1)
}

describe('public test identities', () => {
  it.each(PUBLIC_TEST_IDENTITIES)('$code is valid and computed back from its data', ({ code, person }) => {
    expect(isValidFiscalCode(code)).toBe(true)
    expect(computeFiscalCode(person)).toBe(code)
    expect(checkCharacter(code.slice(0, 15))).toBe(code[15])
    expect(decodeFiscalCode(code, '2026-01-01')).toEqual({
      sex: person.sex,
      birthDate: person.birthDate,
      birthPlaceCode: person.birthPlaceCode,
    })
  })
})

describe('computeFiscalCode', () => {
  it('takes surname consonants, then vowels, padded with X', () => {
    expect(computeFiscalCode(person({ familyName: 'Rossi' })).slice(0, 3)).toBe('RSS')
    expect(computeFiscalCode(person({ familyName: 'Bianco' })).slice(0, 3)).toBe('BNC')
    expect(computeFiscalCode(person({ familyName: 'Aiello' })).slice(0, 3)).toBe('LLA')
    expect(computeFiscalCode(person({ familyName: 'Fo' })).slice(0, 3)).toBe('FOX')
    expect(computeFiscalCode(person({ familyName: 'Wu' })).slice(0, 3)).toBe('WUX')
    expect(computeFiscalCode(person({ familyName: 'U' })).slice(0, 3)).toBe('UXX')
  })

  it('takes the 1st, 3rd and 4th consonant of a given name with four or more', () => {
    expect(computeFiscalCode(person({ givenName: 'Francesco' })).slice(3, 6)).toBe('FNC')
    expect(computeFiscalCode(person({ familyName: 'Francesco' })).slice(0, 3)).toBe('FRN')
    expect(computeFiscalCode(person({ givenName: 'Mario' })).slice(3, 6)).toBe('MRA')
    expect(computeFiscalCode(person({ givenName: 'Ada' })).slice(3, 6)).toBe('DAA')
  })

  it('ignores accents, apostrophes and spaces in names', () => {
    expect(computeFiscalCode(person({ familyName: "D'Amico" })).slice(0, 3)).toBe('DMC')
    expect(computeFiscalCode(person({ familyName: 'De Luca' })).slice(0, 3)).toBe('DLC')
    expect(computeFiscalCode(person({ givenName: 'Niccolò' })).slice(3, 6)).toBe('NCL')
    expect(computeFiscalCode(person({ givenName: 'Noè' })).slice(3, 6)).toBe('NOE')
    expect(computeFiscalCode(person({ familyName: 'Viganò', givenName: 'Zoë' })).slice(0, 6)).toBe('VGNZOE')
    expect(computeFiscalCode(person({ givenName: 'Ionuț' }))).toBe(
      computeFiscalCode(person({ givenName: 'Ionut' })),
    )
    expect(computeFiscalCode(person({ familyName: '  de  luca ' }))).toBe(
      computeFiscalCode(person({ familyName: 'DELUCA' })),
    )
  })

  it('encodes year, month letter, day (plus 40 for women) and birth place', () => {
    expect(computeFiscalCode(person({ birthDate: '2003-09-05' })).slice(6, 15)).toBe('03P05F205')
    expect(computeFiscalCode(person({ sex: 'F', birthDate: '1999-02-28' })).slice(6, 15)).toBe('99B68F205')
    expect(computeFiscalCode(person({ birthDate: '1970-12-31', birthPlaceCode: 'z336' })).slice(6, 15)).toBe(
      '70T31Z336',
    )
  })

  it('refuses impossible input', () => {
    expect(() => computeFiscalCode(person({ birthDate: '1990-02-30' }))).toThrow(RangeError)
    expect(() => computeFiscalCode(person({ birthDate: '13/07/1944' }))).toThrow(RangeError)
    expect(() => computeFiscalCode(person({ birthPlaceCode: 'Milano' }))).toThrow(RangeError)
    expect(() => computeFiscalCode(person({ sex: 'X' as 'M' }))).toThrow(RangeError)
  })
})

describe('isValidFiscalCode', () => {
  const valid = 'CSRGGL44L13H501E'

  it('rejects a wrong check character', () => {
    for (const letter of 'ABCDFGHIJKLMNOPQRSTUVWXYZ')
      expect(isValidFiscalCode(withCharacter(valid, 15, letter))).toBe(false)
    expect(isValidFiscalCode(withCharacter(valid, 0, 'D'))).toBe(false)
  })

  it('rejects bad months and days', () => {
    for (const month of 'FGIJKNOQUVWXYZ') {
      const code = withCharacter(valid, 8, month)
      expect(isValidFiscalCode(code.slice(0, 15) + checkCharacter(code.slice(0, 15)))).toBe(false)
    }
    for (const day of ['00', '32', '35', '40', '72', '99']) {
      const first15 = `${valid.slice(0, 9)}${day}${valid.slice(11, 15)}`
      expect(isValidFiscalCode(first15 + checkCharacter(first15))).toBe(false)
    }
    const thirtiethOfFebruary = `${valid.slice(0, 8)}B30${valid.slice(11, 15)}`
    expect(isValidFiscalCode(thirtiethOfFebruary + checkCharacter(thirtiethOfFebruary))).toBe(false)
  })

  it('rejects bad lengths and characters', () => {
    expect(isValidFiscalCode('')).toBe(false)
    expect(isValidFiscalCode(valid.slice(0, 15))).toBe(false)
    expect(isValidFiscalCode(`${valid}X`)).toBe(false)
    expect(isValidFiscalCode(valid.toLowerCase())).toBe(false)
    expect(isValidFiscalCode(` ${valid}`)).toBe(false)
    expect(isValidFiscalCode('12345678901')).toBe(false)
    expect(isValidFiscalCode(withCharacter(valid, 6, 'A'))).toBe(false)
  })
})

describe('normalizeFiscalCode', () => {
  it('accepts what people type and what identity providers send', () => {
    expect(normalizeFiscalCode('CSRGGL44L13H501E')).toBe('CSRGGL44L13H501E')
    expect(normalizeFiscalCode('  csrggl44l13h501e ')).toBe('CSRGGL44L13H501E')
    expect(normalizeFiscalCode('TINIT-LVLDAA85T50G702B')).toBe('LVLDAA85T50G702B')
    expect(normalizeFiscalCode('tinit-lvldaa85t50g702b')).toBe('LVLDAA85T50G702B')
    expect(normalizeFiscalCode('BSC MTT 83A12 L719R')).toBe('BSCMTT83A12L719R')
  })

  it('returns null for anything invalid', () => {
    expect(normalizeFiscalCode('TINIT-')).toBeNull()
    expect(normalizeFiscalCode('TINIT-CSRGGL44L13H501A')).toBeNull()
    expect(normalizeFiscalCode('IT12345678901')).toBeNull()
    expect(normalizeFiscalCode(undefined as unknown as string)).toBeNull()
  })
})

describe('omocodia', () => {
  it('replaces digits rightmost first and recomputes the check character', () => {
    expect(applyOmocodia('CSRGGL44L13H501E', 1)).toMatch(/^CSRGGL44L13H50M.$/)
    expect(applyOmocodia('CSRGGL44L13H501E', 3)).toMatch(/^CSRGGL44L13HRLM.$/)
    expect(applyOmocodia('CSRGGL44L13H501E', MAX_OMOCODIA_LEVEL)).toMatch(/^CSRGGLQQLMPHRLM.$/)
    expect(applyOmocodia('CSRGGL44L13H501E', 0)).toBe('CSRGGL44L13H501E')
  })

  it('gives valid codes that decode to the same person', () => {
    for (const { code, person } of PUBLIC_TEST_IDENTITIES) {
      for (let level = 1; level <= MAX_OMOCODIA_LEVEL; level++) {
        const variant = applyOmocodia(code, level)
        expect(variant).not.toBe(code)
        expect(isValidFiscalCode(variant)).toBe(true)
        expect(normalizeFiscalCode(`TINIT-${variant.toLowerCase()}`)).toBe(variant)
        expect(decodeFiscalCode(variant, '2026-01-01')).toEqual({
          sex: person.sex,
          birthDate: person.birthDate,
          birthPlaceCode: person.birthPlaceCode,
        })
        // Starting from a variant gives the same result as starting from the base code.
        expect(applyOmocodia(variant, 2)).toBe(applyOmocodia(code, 2))
        expect(applyOmocodia(variant, 0)).toBe(code)
      }
    }
  })

  it('rejects a variant whose check character was not recomputed', () => {
    expect(isValidFiscalCode('CSRGGL44L13H50ME')).toBe(false)
  })

  it('refuses bad levels and invalid codes', () => {
    expect(() => applyOmocodia('CSRGGL44L13H501E', 8)).toThrow(RangeError)
    expect(() => applyOmocodia('CSRGGL44L13H501E', -1)).toThrow(RangeError)
    expect(() => applyOmocodia('CSRGGL44L13H501E', 1.5)).toThrow(RangeError)
    expect(() => applyOmocodia('CSRGGL44L13H501A', 1)).toThrow(RangeError)
  })
})

describe('decodeFiscalCode', () => {
  it('places the two-digit year in the latest century not after the reference date', () => {
    const child = computeFiscalCode(person({ birthDate: '2020-03-01' }))
    const elder = computeFiscalCode(person({ birthDate: '1930-03-01' }))
    expect(decodeFiscalCode(child, '2026-01-01')?.birthDate).toBe('2020-03-01')
    expect(decodeFiscalCode(elder, '2026-01-01')?.birthDate).toBe('1930-03-01')
    expect(decodeFiscalCode(child, '2019-12-31')?.birthDate).toBe('1920-03-01')
    // Born on the reference date itself.
    expect(
      decodeFiscalCode(computeFiscalCode(person({ birthDate: '2026-01-01' })), '2026-01-01')?.birthDate,
    ).toBe('2026-01-01')
  })

  it('handles 29 February', () => {
    const leapling = computeFiscalCode(person({ sex: 'F', birthDate: '2000-02-29' }))
    expect(decodeFiscalCode(leapling, '2026-01-01')).toEqual({
      sex: 'F',
      birthDate: '2000-02-29',
      birthPlaceCode: 'F205',
    })
    // In 1900, the only century possible before 2000, there was no 29 February.
    expect(decodeFiscalCode(leapling, '1999-12-31')).toBeNull()
  })

  it('reads foreign birth places and returns null for invalid codes', () => {
    const code = computeFiscalCode(person({ birthPlaceCode: 'Z210' }))
    expect(decodeFiscalCode(applyOmocodia(code, 7), '2026-01-01')?.birthPlaceCode).toBe('Z210')
    expect(decodeFiscalCode('CSRGGL44L13H501A', '2026-01-01')).toBeNull()
    expect(() => decodeFiscalCode(code, '2026-13-01')).toThrow(RangeError)
  })
})

describe('round trip over generated people', () => {
  // A tiny deterministic generator (mulberry32) keeps the test reproducible.
  function randomSource(seed: number): () => number {
    let state = seed >>> 0
    return () => {
      state = (state + 0x6d2b79f5) | 0
      let t = Math.imul(state ^ (state >>> 15), 1 | state)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
    }
  }
  const NAME_PARTS = [
    'Rossi',
    "D'Amico",
    'De Luca',
    'Niccolò',
    'Zoë',
    'Lo Russo',
    'Wu',
    'Hu',
    'Ye',
    'Ștefan',
    'José Luis',
    'Ngozi',
    'Oà',
    'Maria Grazia',
    'Abdelrahman',
    'Quispe',
    'Chávez',
    'Xu',
    'Aiello',
    'Iacopo',
    'Brambilla',
  ]
  const REFERENCE_DATE = '2026-06-30'

  it('computes, validates and decodes thousands of people, omocodic variants included', () => {
    const random = randomSource(20_240_517)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
    const referenceTime = Date.parse(`${REFERENCE_DATE}T00:00:00Z`)
    for (let index = 0; index < 4_000; index++) {
      const words = 1 + Math.floor(random() * 2)
      const familyName = Array.from({ length: words }, () => pick(NAME_PARTS)).join(' ')
      const givenName = pick(NAME_PARTS)
      const sex = random() < 0.5 ? 'M' : 'F'
      // Anyone younger than 100 on the reference date decodes to the right century.
      const ageDays = Math.floor(random() * 36_400)
      const birthDate = new Date(referenceTime - ageDays * 86_400_000).toISOString().slice(0, 10)
      const letter = pick([...'ABCDEFGHILMZ'])
      const birthPlaceCode = `${letter}${String(Math.floor(random() * 1000)).padStart(3, '0')}`
      const subject: FiscalCodePerson = { familyName, givenName, sex, birthDate, birthPlaceCode }

      const code = computeFiscalCode(subject)
      expect(isValidFiscalCode(code), `${code} for ${JSON.stringify(subject)}`).toBe(true)
      const expected = { sex, birthDate, birthPlaceCode }
      expect(decodeFiscalCode(code, REFERENCE_DATE)).toEqual(expected)

      const variant = applyOmocodia(code, 1 + Math.floor(random() * MAX_OMOCODIA_LEVEL))
      expect(isValidFiscalCode(variant)).toBe(true)
      expect(decodeFiscalCode(variant, REFERENCE_DATE)).toEqual(expected)

      // Any single changed character is caught by the shape or the check character.
      const position = Math.floor(random() * 16)
      const original = code[position] as string
      const replacement = original === 'A' || original === '1' ? 'B' : /\d/.test(original) ? '1' : 'A'
      expect(isValidFiscalCode(withCharacter(code, position, replacement))).toBe(false)
    }
  })
})
