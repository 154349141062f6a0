import { ageOn } from '../registry/person-service.js'
import { DELEGATION_SCOPES, type DelegationScope } from './delegation-schema.js'

export const ADULT_AGE = 18
// Relationships to the household head that hold parental responsibility for its minor children.
const PARENT_RELATIONSHIPS = new Set(['head', 'spouse', 'partner'])

export interface HouseholdMember {
  fiscalCode: string
  givenName: string
  familyName: string
  birthDate: string
  relationship: string
}

export interface DelegationGrant {
  id: string
  delegatorFiscalCode: string
  delegateFiscalCode: string
  scopes: readonly string[]
  validFrom: Date
  validUntil: Date
  revokedAt: Date | null
}

export type Representation =
  | { fiscalCode: string; basis: 'minor-child'; scopes: DelegationScope[]; person: HouseholdMember }
  | {
      fiscalCode: string
      basis: 'delegation'
      scopes: DelegationScope[]
      delegationId: string
      validUntil: Date
    }

export type ActingDecision =
  | { allowed: true; representation: Representation }
  | { allowed: false; reason: 'self' | 'not-represented' }

const ROME_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day (YYYY-MM-DD) in Rome at an instant: ages and delegation days count in local time. */
export function romeDate(at: Date): string {
  return ROME_DATE.format(at)
}

/** The instant a Rome calendar day begins (Rome is UTC+1 in winter, UTC+2 in summer). */
export function romeStartOfDay(isoDate: string): Date {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`)
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000)
    const previousMinute = new Date(candidate.getTime() - 60_000)
    if (romeDate(candidate) === isoDate && romeDate(previousMinute) !== isoDate) return candidate
  }
  throw new RangeError(`cannot place the start of ${isoDate} in Europe/Rome`)
}

/** The same day one year later, as a string that compares correctly with ISO dates. */
export function sameDayNextYear(isoDate: string): string {
  return `${String(Number(isoDate.slice(0, 4)) + 1).padStart(4, '0')}${isoDate.slice(4)}`
}

export function isDelegationActive(grant: DelegationGrant, now: Date): boolean {
  return grant.revokedAt === null && grant.validFrom <= now && now < grant.validUntil
}

export function delegationStatus(grant: DelegationGrant, now: Date): 'active' | 'expired' | 'revoked' {
  if (grant.revokedAt !== null) return 'revoked'
  return now < grant.validUntil ? 'active' : 'expired'
}

function knownScopes(scopes: readonly string[]): DelegationScope[] {
  return DELEGATION_SCOPES.filter((scope) => scopes.includes(scope))
}

/** Minors of the household whose folder the actor may open: the actor must be their head, spouse or partner. */
export function minorChildrenOf(input: {
  actorFiscalCode: string
  household: readonly HouseholdMember[]
  today: Date
}): HouseholdMember[] {
  const day = romeDate(input.today)
  const actor = input.household.find((member) => member.fiscalCode === input.actorFiscalCode)
  if (!actor || !PARENT_RELATIONSHIPS.has(actor.relationship) || ageOn(actor.birthDate, day) < ADULT_AGE)
    return []
  return input.household.filter(
    (member) =>
      member.fiscalCode !== input.actorFiscalCode &&
      member.relationship === 'child' &&
      ageOn(member.birthDate, day) < ADULT_AGE,
  )
}

/** Everyone the actor may act for right now, each once; several delegations from one person merge. */
export function listRepresentations(input: {
  actorFiscalCode: string
  household: readonly HouseholdMember[]
  delegations: readonly DelegationGrant[]
  today: Date
}): Representation[] {
  const minors: Representation[] = minorChildrenOf(input).map((person) => ({
    fiscalCode: person.fiscalCode,
    basis: 'minor-child',
    scopes: [...DELEGATION_SCOPES],
    person,
  }))
  const byDelegator = new Map<string, Extract<Representation, { basis: 'delegation' }>>()
  for (const grant of input.delegations) {
    if (grant.delegateFiscalCode !== input.actorFiscalCode) continue
    // Nobody represents themselves, whatever a row says.
    if (grant.delegatorFiscalCode === input.actorFiscalCode) continue
    if (!isDelegationActive(grant, input.today)) continue
    if (minors.some((minor) => minor.fiscalCode === grant.delegatorFiscalCode)) continue
    const existing = byDelegator.get(grant.delegatorFiscalCode)
    byDelegator.set(grant.delegatorFiscalCode, {
      fiscalCode: grant.delegatorFiscalCode,
      basis: 'delegation',
      scopes: knownScopes([...(existing?.scopes ?? []), ...grant.scopes]),
      delegationId: existing && existing.validUntil > grant.validUntil ? existing.delegationId : grant.id,
      validUntil: existing && existing.validUntil > grant.validUntil ? existing.validUntil : grant.validUntil,
    })
  }
  return [...minors, ...byDelegator.values()]
}

/**
 * May the actor work on the target's folder today? Yes for their minor children in the same
 * household and for adults whose delegation to them is in force; never for themselves (that is
 * simply not acting for anyone).
 */
export function mayActFor(input: {
  actorFiscalCode: string
  household: readonly HouseholdMember[]
  delegations: readonly DelegationGrant[]
  target: string
  today: Date
}): ActingDecision {
  if (input.target === input.actorFiscalCode) return { allowed: false, reason: 'self' }
  const representation = listRepresentations(input).find((entry) => entry.fiscalCode === input.target)
  return representation ? { allowed: true, representation } : { allowed: false, reason: 'not-represented' }
}

export type DelegationRequestProblem =
  | { field: 'delegateFiscalCode'; reason: 'self' | 'delegate-minor' }
  | { field: 'validUntil'; reason: 'in-the-past' | 'too-far' }
  | { field: null; reason: 'delegator-not-registered' | 'delegator-minor' }

/** What is wrong with a delegation request, if anything. Birth dates are null when unknown. */
export function checkDelegationRequest(input: {
  delegatorFiscalCode: string
  delegatorBirthDate: string | null
  delegateFiscalCode: string
  delegateBirthDate: string | null
  validUntil: string
  today: Date
}): DelegationRequestProblem[] {
  const day = romeDate(input.today)
  const problems: DelegationRequestProblem[] = []
  if (input.delegatorBirthDate === null) problems.push({ field: null, reason: 'delegator-not-registered' })
  else if (ageOn(input.delegatorBirthDate, day) < ADULT_AGE)
    problems.push({ field: null, reason: 'delegator-minor' })
  if (input.delegateFiscalCode === input.delegatorFiscalCode) {
    problems.push({ field: 'delegateFiscalCode', reason: 'self' })
  } else if (input.delegateBirthDate !== null && ageOn(input.delegateBirthDate, day) < ADULT_AGE) {
    problems.push({ field: 'delegateFiscalCode', reason: 'delegate-minor' })
  }
  if (input.validUntil < day) problems.push({ field: 'validUntil', reason: 'in-the-past' })
  else if (input.validUntil > sameDayNextYear(day)) problems.push({ field: 'validUntil', reason: 'too-far' })
  return problems
}
