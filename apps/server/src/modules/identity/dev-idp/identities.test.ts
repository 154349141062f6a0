import { describe, expect, it } from 'vitest'
import { isValidFiscalCode } from '../codice-fiscale.js'
import {
  authenticationFor,
  citizenClaims,
  DevAccountStore,
  levelChoiceFor,
  PUBLIC_SPID_IDENTITIES,
  parseLevelChoice,
  staffClaims,
} from './identities.js'
import { escapeHtml } from './pages.js'

const FISCAL_NUMBER = 'https://attributes.eid.gov.it/fiscal_number'

describe('test identities', () => {
  it('are the public SPID ones, with valid codes and the birth dates those codes carry', () => {
    expect(PUBLIC_SPID_IDENTITIES.map((identity) => [identity.fiscalCode, identity.birthDate])).toEqual([
      ['CSRGGL44L13H501E', '1944-07-13'],
      ['LVLDAA85T50G702B', '1985-12-10'],
      ['BSCMTT83A12L719R', '1983-01-12'],
    ])
    for (const identity of PUBLIC_SPID_IDENTITIES) expect(isValidFiscalCode(identity.fiscalCode)).toBe(true)
  })

  it('release the fiscal code the way SPID and CIE send it', () => {
    const ada = PUBLIC_SPID_IDENTITIES[1]!
    expect(citizenClaims(ada, FISCAL_NUMBER)).toEqual({
      given_name: 'Ada',
      family_name: 'Lovelace',
      birthdate: '1985-12-10',
      email: 'ada.lovelace@example.it',
      email_verified: true,
      [FISCAL_NUMBER]: 'TINIT-LVLDAA85T50G702B',
    })
    const cesare = citizenClaims(PUBLIC_SPID_IDENTITIES[0]!, 'fiscal_code')
    expect(cesare).not.toHaveProperty('email')
    expect(cesare.fiscal_code).toBe('TINIT-CSRGGL44L13H501E')
  })

  it('give staff an e-mail only when they have one', () => {
    expect(staffClaims({ displayName: 'Anna', email: 'anna@comune.it' })).toEqual({
      name: 'Anna',
      email: 'anna@comune.it',
      email_verified: true,
    })
    expect(staffClaims({ displayName: 'Anna', email: '' })).toEqual({ name: 'Anna' })
  })
})

describe('levels on the sign-in page', () => {
  it('preselects what the relying party asked for, CIE for level 3', () => {
    expect(levelChoiceFor('https://www.spid.gov.it/SpidL1')).toBe('1')
    expect(levelChoiceFor('https://www.spid.gov.it/SpidL2')).toBe('2')
    expect(levelChoiceFor('https://www.spid.gov.it/SpidL3')).toBe('cie')
    expect(levelChoiceFor(undefined)).toBe('2')
  })

  it('reports the SPID level URI and the means of authentication', () => {
    expect(authenticationFor('1')).toEqual({ acr: 'https://www.spid.gov.it/SpidL1', amr: ['pwd'] })
    expect(authenticationFor('2').acr).toBe('https://www.spid.gov.it/SpidL2')
    expect(authenticationFor('cie')).toEqual({ acr: 'https://www.spid.gov.it/SpidL3', amr: ['hwk', 'pin'] })
  })

  it('accepts only the four choices', () => {
    expect(parseLevelChoice('cie')).toBe('cie')
    expect(parseLevelChoice('4')).toBeNull()
    expect(parseLevelChoice(undefined)).toBeNull()
  })
})

describe('DevAccountStore', () => {
  it('returns the latest claims of a subject', () => {
    const store = new DevAccountStore()
    store.remember('a', { given_name: 'Uno' })
    store.remember('a', { given_name: 'Due' })
    expect(store.claimsOf('a')).toEqual({ given_name: 'Due' })
    expect(store.claimsOf('b')).toBeNull()
  })
})

describe('escapeHtml', () => {
  it('neutralises markup in names coming from data', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;',
    )
  })
})
