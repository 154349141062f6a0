import { describe, expect, it } from 'vitest'
import {
  acrForLevel,
  birthDateClaim,
  DEFAULT_RETURN_TO,
  emailFromClaims,
  fiscalCodeFromClaim,
  isLevelSufficient,
  levelFromAcr,
  mergeEmail,
  requestedLevelFor,
  safeReturnTo,
} from './login-policy.js'

describe('levels of assurance', () => {
  it('maps each SPID level to its URI and back', () => {
    for (const level of [1, 2, 3] as const) {
      expect(acrForLevel(level)).toBe(`https://www.spid.gov.it/SpidL${level}`)
      expect(levelFromAcr(acrForLevel(level))).toBe(level)
    }
  })

  it('knows no level for a missing or foreign acr', () => {
    expect(levelFromAcr(undefined)).toBeNull()
    expect(levelFromAcr(2)).toBeNull()
    expect(levelFromAcr('urn:oasis:names:tc:SAML:2.0:ac:classes:Password')).toBeNull()
    expect(levelFromAcr('https://www.spid.gov.it/SpidL4')).toBeNull()
  })

  it('always asks level 3 for CIE', () => {
    expect(requestedLevelFor('cie', 1)).toBe(3)
    expect(requestedLevelFor('spid', 1)).toBe(1)
    expect(requestedLevelFor('spid', 2)).toBe(2)
  })

  it('accepts a level at or above the one asked for', () => {
    expect(isLevelSufficient(2, 2)).toBe(true)
    expect(isLevelSufficient(3, 2)).toBe(true)
    expect(isLevelSufficient(1, 2)).toBe(false)
  })
})

describe('safeReturnTo', () => {
  it('keeps paths on this site with their query and fragment', () => {
    expect(safeReturnTo('/area-personale')).toBe('/area-personale')
    expect(safeReturnTo('/area-personale?tab=documenti#certificati')).toBe(
      '/area-personale?tab=documenti#certificati',
    )
    expect(safeReturnTo('/servizi/carta-identita')).toBe('/servizi/carta-identita')
  })

  it.each([
    ['a protocol-relative address', '//evil.example'],
    ['a protocol-relative address with a path', '//evil.example/area-personale'],
    ['an absolute URL', 'https://evil.example/x'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a backslash trick', '/\\evil.example'],
    ['a tab inside the slashes', '/\t/evil.example'],
    ['a relative path', 'area-personale'],
    ['an empty value', ''],
    ['a very long value', `/${'a'.repeat(600)}`],
  ])('sends %s to the home page', (_label, value) => {
    expect(safeReturnTo(value)).toBe(DEFAULT_RETURN_TO)
  })

  it('sends a missing value to the home page', () => {
    expect(safeReturnTo(undefined)).toBe('/')
    expect(safeReturnTo(['/area-personale'])).toBe('/')
  })

  it('resolves dot segments without leaving the site', () => {
    expect(safeReturnTo('/a/../../evil')).toBe('/evil')
  })
})

describe('claims', () => {
  it('reads a fiscal code sent with or without the TINIT- prefix', () => {
    expect(fiscalCodeFromClaim('TINIT-LVLDAA85T50G702B')).toBe('LVLDAA85T50G702B')
    expect(fiscalCodeFromClaim('lvldaa85t50g702b')).toBe('LVLDAA85T50G702B')
  })

  it('refuses a fiscal code with a wrong check character or of the wrong type', () => {
    expect(fiscalCodeFromClaim('TINIT-LVLDAA85T50G702C')).toBeNull()
    expect(fiscalCodeFromClaim('TINIT-NOTACODE')).toBeNull()
    expect(fiscalCodeFromClaim(12345)).toBeNull()
    expect(fiscalCodeFromClaim(undefined)).toBeNull()
  })

  it('keeps a full birth date only', () => {
    expect(birthDateClaim('1985-12-10')).toBe('1985-12-10')
    expect(birthDateClaim('1985')).toBeNull()
    expect(birthDateClaim(19851210)).toBeNull()
  })

  it('counts an e-mail as verified only when the provider says so', () => {
    expect(emailFromClaims({ email: 'Ada@Example.it', email_verified: true })).toEqual({
      address: 'ada@example.it',
      verified: true,
    })
    expect(emailFromClaims({ email: 'ada@example.it', email_verified: 'true' })?.verified).toBe(false)
    expect(emailFromClaims({ email: 'ada@example.it' })?.verified).toBe(false)
    expect(emailFromClaims({ email: 'not an address' })).toBeNull()
  })
})

describe('mergeEmail', () => {
  const now = new Date('2026-03-02T09:00:00Z')
  const earlier = new Date('2026-01-01T00:00:00Z')

  it('takes a verified address from the provider', () => {
    expect(
      mergeEmail({ email: null, emailVerifiedAt: null }, { address: 'a@b.it', verified: true }, now),
    ).toEqual({ email: 'a@b.it', emailVerifiedAt: now })
  })

  it('keeps the first verification date of an address already verified', () => {
    const stored = { email: 'a@b.it', emailVerifiedAt: earlier }
    expect(mergeEmail(stored, { address: 'a@b.it', verified: true }, now).emailVerifiedAt).toBe(earlier)
    expect(mergeEmail(stored, { address: 'a@b.it', verified: false }, now)).toBe(stored)
  })

  it('stores an unverified address as unverified when there is none better', () => {
    expect(
      mergeEmail({ email: null, emailVerifiedAt: null }, { address: 'a@b.it', verified: false }, now),
    ).toEqual({ email: 'a@b.it', emailVerifiedAt: null })
  })

  it('never replaces a verified address with an unverified one', () => {
    const stored = { email: 'proved@b.it', emailVerifiedAt: earlier }
    expect(mergeEmail(stored, { address: 'other@b.it', verified: false }, now)).toBe(stored)
  })

  it('leaves the account alone when the provider sends no address', () => {
    const stored = { email: 'proved@b.it', emailVerifiedAt: earlier }
    expect(mergeEmail(stored, null, now)).toBe(stored)
  })
})
