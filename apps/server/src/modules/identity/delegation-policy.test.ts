import { describe, expect, it } from 'vitest'
import {
  checkDelegationRequest,
  type DelegationGrant,
  delegationStatus,
  type HouseholdMember,
  listRepresentations,
  mayActFor,
  romeDate,
  romeStartOfDay,
  sameDayNextYear,
} from './delegation-policy.js'

// 10:00 in Rome on 2026-03-15 (UTC+1 in winter).
const NOW = new Date('2026-03-15T09:00:00Z')
const PARENT = 'RSSMRA80A01F205X'
const OTHER_PARENT = 'BNCLRA82B41F205Y'
const CHILD = 'RSSLCU12C01F205Z'
const DELEGATOR = 'VRDGNN50D01F205W'

function member(fiscalCode: string, relationship: string, birthDate: string): HouseholdMember {
  return { fiscalCode, givenName: 'N', familyName: 'F', relationship, birthDate }
}

function grant(overrides: Partial<DelegationGrant> = {}): DelegationGrant {
  return {
    id: 'd1',
    delegatorFiscalCode: DELEGATOR,
    delegateFiscalCode: PARENT,
    scopes: ['certificates', 'payments'],
    validFrom: new Date('2026-01-01T00:00:00Z'),
    validUntil: new Date('2026-06-30T22:00:00Z'),
    revokedAt: null,
    ...overrides,
  }
}

const family = (childBirthDate: string, parentRelationship = 'head') => [
  member(PARENT, parentRelationship, '1980-01-01'),
  member(OTHER_PARENT, 'spouse', '1982-02-01'),
  member(CHILD, 'child', childBirthDate),
]

const decide = (input: Partial<Parameters<typeof mayActFor>[0]>) =>
  mayActFor({
    actorFiscalCode: PARENT,
    household: [],
    delegations: [],
    target: CHILD,
    today: NOW,
    ...input,
  })

describe('acting for a minor child', () => {
  it('lets the head, spouse or partner act for a child under 18', () => {
    const decision = decide({ household: family('2012-03-01') })
    expect(decision).toMatchObject({
      allowed: true,
      representation: { basis: 'minor-child', fiscalCode: CHILD },
    })
    expect(decide({ actorFiscalCode: OTHER_PARENT, household: family('2012-03-01') }).allowed).toBe(true)
    expect(decide({ household: family('2012-03-01', 'partner') }).allowed).toBe(true)
  })

  it('grants every scope for a minor', () => {
    const decision = decide({ household: family('2012-03-01') })
    expect(decision.allowed && decision.representation.scopes).toEqual([
      'folder',
      'certificates',
      'appointments',
      'payments',
      'tickets',
    ])
  })

  it('stops on the 18th birthday, counted on the calendar day in Rome', () => {
    expect(decide({ household: family('2008-03-16') }).allowed).toBe(true)
    expect(decide({ household: family('2008-03-15') })).toEqual({ allowed: false, reason: 'not-represented' })
    // 23:30 UTC on the 14th is already the 15th in Rome: the child is 18 there.
    const lateEvening = new Date('2026-03-14T23:30:00Z')
    expect(decide({ household: family('2008-03-15'), today: lateEvening }).allowed).toBe(false)
  })

  it('needs the actor to be head, spouse or partner of the same household', () => {
    const household = [member(PARENT, 'other', '1980-01-01'), member(CHILD, 'child', '2012-03-01')]
    expect(decide({ household }).allowed).toBe(false)
    // The child is not in the actor's household.
    expect(decide({ household: [member(PARENT, 'head', '1980-01-01')] }).allowed).toBe(false)
    // A sibling who is a child of the head does not act for the other children.
    const sibling = 'RSSPLA05E01F205Q'
    const withSibling = [...family('2012-03-01'), member(sibling, 'child', '2005-05-01')]
    expect(decide({ actorFiscalCode: sibling, household: withSibling }).allowed).toBe(false)
  })
})

describe('acting for a delegator', () => {
  it('lets the delegate act within the delegation’s scopes while it is in force', () => {
    const decision = decide({ delegations: [grant()], target: DELEGATOR })
    expect(decision).toMatchObject({
      allowed: true,
      representation: { basis: 'delegation', delegationId: 'd1', scopes: ['certificates', 'payments'] },
    })
  })

  it('refuses an expired delegation', () => {
    const expired = grant({ validUntil: new Date('2026-03-15T08:59:59Z') })
    expect(decide({ delegations: [expired], target: DELEGATOR })).toEqual({
      allowed: false,
      reason: 'not-represented',
    })
    expect(delegationStatus(expired, NOW)).toBe('expired')
  })

  it('refuses a revoked delegation', () => {
    const revoked = grant({ revokedAt: new Date('2026-03-10T10:00:00Z') })
    expect(decide({ delegations: [revoked], target: DELEGATOR }).allowed).toBe(false)
    expect(delegationStatus(revoked, NOW)).toBe('revoked')
  })

  it('refuses a delegation not yet started or given to someone else', () => {
    expect(
      decide({ delegations: [grant({ validFrom: new Date('2026-03-16T00:00:00Z') })], target: DELEGATOR })
        .allowed,
    ).toBe(false)
    expect(
      decide({ delegations: [grant({ delegateFiscalCode: OTHER_PARENT })], target: DELEGATOR }).allowed,
    ).toBe(false)
  })

  it('never lets someone act for themselves, even through a delegation from themselves', () => {
    const fromOneself = grant({ delegatorFiscalCode: PARENT })
    expect(decide({ delegations: [fromOneself], target: PARENT })).toEqual({ allowed: false, reason: 'self' })
    expect(
      listRepresentations({ actorFiscalCode: PARENT, household: [], delegations: [fromOneself], today: NOW }),
    ).toEqual([])
  })

  it('merges several delegations from the same person', () => {
    const people = listRepresentations({
      actorFiscalCode: PARENT,
      household: family('2012-03-01'),
      delegations: [
        grant(),
        grant({ id: 'd2', scopes: ['tickets'], validUntil: new Date('2026-12-31T23:00:00Z') }),
      ],
      today: NOW,
    })
    expect(people.map((person) => person.fiscalCode)).toEqual([CHILD, DELEGATOR])
    expect(people[1]).toMatchObject({
      scopes: ['certificates', 'payments', 'tickets'],
      delegationId: 'd2',
    })
  })
})

describe('checking a delegation request', () => {
  const base = {
    delegatorFiscalCode: DELEGATOR,
    delegatorBirthDate: '1950-04-01',
    delegateFiscalCode: PARENT,
    delegateBirthDate: '1980-01-01',
    validUntil: '2026-09-30',
    today: NOW,
  }

  it('accepts an adult registered delegator, an adult delegate and an end within a year', () => {
    expect(checkDelegationRequest(base)).toEqual([])
    expect(checkDelegationRequest({ ...base, validUntil: '2026-03-15' })).toEqual([])
    expect(checkDelegationRequest({ ...base, validUntil: '2027-03-15' })).toEqual([])
  })

  it('refuses ends in the past or more than a year ahead', () => {
    expect(checkDelegationRequest({ ...base, validUntil: '2026-03-14' })).toEqual([
      { field: 'validUntil', reason: 'in-the-past' },
    ])
    expect(checkDelegationRequest({ ...base, validUntil: '2027-03-16' })).toEqual([
      { field: 'validUntil', reason: 'too-far' },
    ])
  })

  it('refuses delegating oneself, a minor, or without being an adult in the registry', () => {
    expect(checkDelegationRequest({ ...base, delegateFiscalCode: DELEGATOR })).toContainEqual({
      field: 'delegateFiscalCode',
      reason: 'self',
    })
    expect(checkDelegationRequest({ ...base, delegateBirthDate: '2010-01-01' })).toContainEqual({
      field: 'delegateFiscalCode',
      reason: 'delegate-minor',
    })
    expect(checkDelegationRequest({ ...base, delegatorBirthDate: null })).toContainEqual({
      field: null,
      reason: 'delegator-not-registered',
    })
    expect(checkDelegationRequest({ ...base, delegatorBirthDate: '2009-01-01' })).toContainEqual({
      field: null,
      reason: 'delegator-minor',
    })
  })
})

describe('calendar days in Rome', () => {
  it('finds the start of a day in winter and summer time', () => {
    expect(romeStartOfDay('2026-01-10').toISOString()).toBe('2026-01-09T23:00:00.000Z')
    expect(romeStartOfDay('2026-07-10').toISOString()).toBe('2026-07-09T22:00:00.000Z')
    // The day clocks go forward and the day after.
    expect(romeStartOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z')
    expect(romeStartOfDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z')
  })

  it('reads the Rome date of an instant and the same day a year later', () => {
    expect(romeDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01')
    expect(sameDayNextYear('2028-02-29')).toBe('2029-02-29')
  })
})
