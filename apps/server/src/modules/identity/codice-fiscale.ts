/**
 * The Italian codice fiscale of a person: computing, validating, normalising and decoding it.
 * Layout SSSNNNYYMDDZZZZC; the rules are those published by the Agenzia delle Entrate.
 */

export type Sex = 'M' | 'F'

export interface FiscalCodePerson {
  familyName: string
  givenName: string
  sex: Sex
  /** YYYY-MM-DD */
  birthDate: string
  /** Belfiore code: a municipality (letter + 3 digits) or a foreign country (Z + 3 digits). */
  birthPlaceCode: string
}

export interface DecodedFiscalCode {
  sex: Sex
  /** YYYY-MM-DD, century chosen so the date is not after the reference date. */
  birthDate: string
  /** With any omocodia letters turned back into digits. */
  birthPlaceCode: string
}

const MONTH_LETTERS = 'ABCDEHLMPRST'
const VOWELS = new Set(['A', 'E', 'I', 'O', 'U'])
/** Letter that stands for digit d in an omocodic code is OMOCODIA_LETTERS[d]. */
const OMOCODIA_LETTERS = 'LMNPQRSTUV'
/** 0-based indexes of the seven digits that omocodia may replace, rightmost first. */
const OMOCODIA_INDEXES = [14, 13, 12, 10, 9, 7, 6] as const
export const MAX_OMOCODIA_LEVEL = OMOCODIA_INDEXES.length

/** Values of A..Z (and of 0..9, which count as A..J) in the odd positions (1st, 3rd, ... 15th). */
const ODD_POSITION_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
]

const DIGIT_OR_OMOCODIA = '[0-9LMNPQRSTUV]'
const FISCAL_CODE_SHAPE = new RegExp(
  `^[A-Z]{6}${DIGIT_OR_OMOCODIA}{2}[${MONTH_LETTERS}]${DIGIT_OR_OMOCODIA}{2}[A-Z]${DIGIT_OR_OMOCODIA}{3}[A-Z]$`,
)
const FIRST_FIFTEEN_SHAPE = /^[A-Z0-9]{15}$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const BELFIORE_CODE = /^[A-Z]\d{3}$/
const IDENTITY_PROVIDER_PREFIX = 'TINIT-'

/** Letters that Unicode decomposition does not reduce to plain A-Z. */
const SPECIAL_LETTERS: Record<string, string> = { Ø: 'O', Æ: 'AE', Œ: 'OE', Ł: 'L', Đ: 'D', Þ: 'TH' }

function lettersOnly(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[ØÆŒŁĐÞ]/g, (letter) => SPECIAL_LETTERS[letter] ?? '')
    .replace(/[^A-Z]/g, '')
}

function splitLetters(name: string): { consonants: string[]; vowels: string[] } {
  const consonants: string[] = []
  const vowels: string[] = []
  for (const letter of lettersOnly(name)) (VOWELS.has(letter) ? vowels : consonants).push(letter)
  return { consonants, vowels }
}

function threeLetters(consonants: string[], vowels: string[]): string {
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('')
}

function familyNamePart(familyName: string): string {
  const { consonants, vowels } = splitLetters(familyName)
  return threeLetters(consonants, vowels)
}

function givenNamePart(givenName: string): string {
  const { consonants, vowels } = splitLetters(givenName)
  // With four or more consonants the second is skipped, so "Francesco" gives FNC rather than FRN.
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`
  return threeLetters(consonants, vowels)
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

function pad2(value: number): string {
  return String(value).padStart(2, '0')
}

/** The check character over the first 15 characters of a code (omocodia letters included). */
export function checkCharacter(first15: string): string {
  if (!FIRST_FIFTEEN_SHAPE.test(first15)) {
    throw new RangeError('the check character needs 15 upper-case letters or digits')
  }
  let sum = 0
  for (let index = 0; index < 15; index++) {
    const code = first15.charCodeAt(index)
    const isDigit = code <= 57
    // Digits weigh as the letters A..J in both tables.
    const ordinal = isDigit ? code - 48 : code - 65
    // Index 0 is position 1, an odd position.
    sum += index % 2 === 0 ? (ODD_POSITION_VALUES[ordinal] ?? 0) : ordinal
  }
  return String.fromCharCode(65 + (sum % 26))
}

/** The base (non-omocodic) code of a person. */
export function computeFiscalCode(person: FiscalCodePerson): string {
  const date = parseIsoDate(person.birthDate)
  if (!date) throw new RangeError(`not a calendar date: ${person.birthDate}`)
  if (person.sex !== 'M' && person.sex !== 'F') throw new RangeError(`sex must be M or F: ${person.sex}`)
  const birthPlaceCode = person.birthPlaceCode.trim().toUpperCase()
  if (!BELFIORE_CODE.test(birthPlaceCode)) {
    throw new RangeError(`not a Belfiore code: ${person.birthPlaceCode}`)
  }
  const day = person.sex === 'F' ? date.day + 40 : date.day
  const first15 =
    familyNamePart(person.familyName) +
    givenNamePart(person.givenName) +
    pad2(date.year % 100) +
    MONTH_LETTERS[date.month - 1] +
    pad2(day) +
    birthPlaceCode
  return first15 + checkCharacter(first15)
}

/** Turns omocodia letters back into digits; the check character is left as it was. */
function restoreDigits(code: string): string {
  const characters = code.split('')
  for (const index of OMOCODIA_INDEXES) {
    const digit = OMOCODIA_LETTERS.indexOf(characters[index] ?? '')
    if (digit >= 0) characters[index] = String(digit)
  }
  return characters.join('')
}

/** Month (1-12), day of month and sex read from a code whose digits are already restored. */
function readDateParts(digits: string): { month: number; day: number; sex: Sex } | null {
  const month = MONTH_LETTERS.indexOf(digits[8] ?? '') + 1
  const encodedDay = Number(digits.slice(9, 11))
  const sex: Sex = encodedDay > 40 ? 'F' : 'M'
  const day = sex === 'F' ? encodedDay - 40 : encodedDay
  // February allows 29: the century, and so the leap year, is not known from the code alone.
  const longestMonth = month === 2 ? 29 : daysInMonth(2001, month)
  if (month < 1 || day < 1 || day > longestMonth) return null
  return { month, day, sex }
}

/** Shape, month letter, day range (1-31 for men, 41-71 for women) and check character. */
export function isValidFiscalCode(code: string): boolean {
  if (typeof code !== 'string' || !FISCAL_CODE_SHAPE.test(code)) return false
  if (!readDateParts(restoreDigits(code))) return false
  return checkCharacter(code.slice(0, 15)) === code[15]
}

/**
 * Accepts what people type and what identity providers send ("TINIT-<code>", lower case, spaces);
 * returns the bare upper-case code, or null when it is not a valid one.
 */
export function normalizeFiscalCode(input: string): string | null {
  if (typeof input !== 'string') return null
  let code = input.trim().toUpperCase().replace(/\s+/g, '')
  if (code.startsWith(IDENTITY_PROVIDER_PREFIX)) code = code.slice(IDENTITY_PROVIDER_PREFIX.length)
  return isValidFiscalCode(code) ? code : null
}

/**
 * The code the Agenzia delle Entrate gives the level-th person sharing a base code: the `level`
 * rightmost of the seven digits become letters and the check character is recomputed. Level 0 is
 * the base code itself.
 */
export function applyOmocodia(code: string, level: number): string {
  if (!isValidFiscalCode(code)) throw new RangeError(`not a valid fiscal code: ${code}`)
  if (!Number.isInteger(level) || level < 0 || level > MAX_OMOCODIA_LEVEL) {
    throw new RangeError(`omocodia level must be 0 to ${MAX_OMOCODIA_LEVEL}: ${level}`)
  }
  const characters = restoreDigits(code).split('')
  for (const index of OMOCODIA_INDEXES.slice(0, level)) {
    characters[index] = OMOCODIA_LETTERS[Number(characters[index])] ?? ''
  }
  const first15 = characters.slice(0, 15).join('')
  return first15 + checkCharacter(first15)
}

/**
 * Sex, birth date and birth place of a valid code, or null. The code carries only two digits of the
 * year: the birth date is put in the latest century that does not place it after referenceDate
 * (YYYY-MM-DD), so a code decodes correctly for anyone younger than 100 on that date.
 */
export function decodeFiscalCode(code: string, referenceDate: string): DecodedFiscalCode | null {
  const reference = parseIsoDate(referenceDate)
  if (!reference) throw new RangeError(`not a calendar date: ${referenceDate}`)
  if (!isValidFiscalCode(code)) return null
  const digits = restoreDigits(code)
  const parts = readDateParts(digits)
  if (!parts) return null
  const twoDigitYear = Number(digits.slice(6, 8))
  const referenceCentury = reference.year - (reference.year % 100)
  let year = referenceCentury + twoDigitYear
  const monthDay = `${pad2(parts.month)}-${pad2(parts.day)}`
  if (`${year}-${monthDay}` > referenceDate) year -= 100
  // 29 February of a year that was not a leap year.
  if (parts.day > daysInMonth(year, parts.month)) return null
  return {
    sex: parts.sex,
    birthDate: `${String(year).padStart(4, '0')}-${monthDay}`,
    birthPlaceCode: digits.slice(11, 15),
  }
}
