import type { Queryable } from '../../../db/client.js'
import type { RegisteredPerson } from '../../registry/person-service.js'
import { findPersonByFiscalCode, sampleAdults } from '../../registry/person-service.js'
import { decodeFiscalCode } from '../codice-fiscale.js'
import { SPID_LEVEL_URIS } from '../login-policy.js'
import { listStaffForDevSignIn } from '../login-repo.js'
import type { AssuranceLevel } from '../session-service.js'

/** Someone a developer can sign in as at the bundled provider. */
export interface CitizenTestIdentity {
  fiscalCode: string
  givenName: string
  familyName: string
  birthDate: string | null
  email: string | null
  emailVerified: boolean
  /** Shown beside the name: where the identity comes from. */
  note: string
}

export interface StaffTestIdentity {
  subject: string
  displayName: string
  email: string
  roles: readonly string[]
  active: boolean
}

function birthDateOf(fiscalCode: string): string | null {
  return decodeFiscalCode(fiscalCode, '2000-01-01')?.birthDate ?? null
}

/** The identities the SPID validator publishes: known to anyone testing a SPID integration. */
export const PUBLIC_SPID_IDENTITIES: readonly CitizenTestIdentity[] = [
  {
    fiscalCode: 'CSRGGL44L13H501E',
    givenName: 'Gaio Giulio',
    familyName: 'Cesare',
    birthDate: birthDateOf('CSRGGL44L13H501E'),
    email: null,
    emailVerified: false,
    note: 'SPID livello 1',
  },
  {
    fiscalCode: 'LVLDAA85T50G702B',
    givenName: 'Ada',
    familyName: 'Lovelace',
    birthDate: birthDateOf('LVLDAA85T50G702B'),
    email: 'ada.lovelace@example.it',
    emailVerified: true,
    note: 'SPID livello 2, e-mail verificata',
  },
  {
    fiscalCode: 'BSCMTT83A12L719R',
    givenName: 'Matteo',
    familyName: 'Bosco',
    birthDate: birthDateOf('BSCMTT83A12L719R'),
    email: 'matteo.bosco@example.it',
    emailVerified: false,
    note: 'e-mail non verificata',
  },
]

export const RESIDENT_SAMPLE_SIZE = 10

function fromResident(person: RegisteredPerson): CitizenTestIdentity {
  return {
    fiscalCode: person.fiscalCode,
    givenName: person.givenName,
    familyName: person.familyName,
    birthDate: person.birthDate,
    email: null,
    emailVerified: false,
    note: 'residente',
  }
}

/** Residents to offer beside the public identities; the demo registry holds those too, shown once. */
export async function listResidentIdentities(db: Queryable, today: string): Promise<CitizenTestIdentity[]> {
  const listed = new Set(PUBLIC_SPID_IDENTITIES.map((identity) => identity.fiscalCode))
  const sample = await sampleAdults(db, { count: RESIDENT_SAMPLE_SIZE + listed.size, today })
  return sample
    .filter((person) => !listed.has(person.fiscalCode))
    .slice(0, RESIDENT_SAMPLE_SIZE)
    .map(fromResident)
}

/** A listed identity picked by its fiscal code: a public test identity or anyone in the registry. */
export async function findCitizenIdentity(
  db: Queryable,
  fiscalCode: string,
): Promise<CitizenTestIdentity | null> {
  const known = PUBLIC_SPID_IDENTITIES.find((identity) => identity.fiscalCode === fiscalCode)
  if (known) return known
  const person = await findPersonByFiscalCode(db, fiscalCode)
  return person ? fromResident(person) : null
}

export async function listStaffIdentities(db: Queryable): Promise<StaffTestIdentity[]> {
  return listStaffForDevSignIn(db, 50)
}

/** Level picked on the page: SPID 1–3, or CIE which is always 3. */
export type LevelChoice = '1' | '2' | '3' | 'cie'

export function levelChoiceFor(acrValues: string | undefined): LevelChoice {
  const requested = (acrValues ?? '').split(' ')
  if (requested.includes(SPID_LEVEL_URIS[3])) return 'cie'
  if (requested.includes(SPID_LEVEL_URIS[2])) return '2'
  if (requested.includes(SPID_LEVEL_URIS[1])) return '1'
  return '2'
}

export function parseLevelChoice(value: unknown): LevelChoice | null {
  return value === '1' || value === '2' || value === '3' || value === 'cie' ? value : null
}

/** What the provider reports about how the person authenticated. */
export function authenticationFor(choice: LevelChoice): { acr: string; amr: string[] } {
  const level: AssuranceLevel = choice === 'cie' ? 3 : (Number(choice) as AssuranceLevel)
  const amr =
    choice === 'cie' ? ['hwk', 'pin'] : level === 1 ? ['pwd'] : level === 2 ? ['pwd', 'otp'] : ['hwk']
  return { acr: SPID_LEVEL_URIS[level], amr }
}

export const CITIZEN_SUBJECT_PREFIX = 'cittadino-'

/** Claims released to the relying party, with the fiscal code the way SPID and CIE send it. */
export function citizenClaims(
  identity: CitizenTestIdentity,
  fiscalCodeClaim: string,
): Record<string, unknown> {
  return {
    given_name: identity.givenName,
    family_name: identity.familyName,
    ...(identity.birthDate ? { birthdate: identity.birthDate } : {}),
    ...(identity.email ? { email: identity.email, email_verified: identity.emailVerified } : {}),
    [fiscalCodeClaim]: `TINIT-${identity.fiscalCode}`,
  }
}

export function staffClaims(
  identity: Pick<StaffTestIdentity, 'displayName' | 'email'>,
): Record<string, unknown> {
  return {
    name: identity.displayName,
    ...(identity.email ? { email: identity.email, email_verified: true } : {}),
  }
}

const MAX_REMEMBERED_ACCOUNTS = 5000

/**
 * Who signed in at the provider, by subject: the claims are decided on the sign-in page and read
 * back when the relying party asks for the userinfo. Oldest entries go first once it is full.
 */
export class DevAccountStore {
  readonly #claims = new Map<string, Record<string, unknown>>()

  remember(subject: string, claims: Record<string, unknown>): void {
    this.#claims.delete(subject)
    this.#claims.set(subject, claims)
    if (this.#claims.size > MAX_REMEMBERED_ACCOUNTS) {
      const oldest = this.#claims.keys().next().value
      if (oldest !== undefined) this.#claims.delete(oldest)
    }
  }

  claimsOf(subject: string): Record<string, unknown> | null {
    return this.#claims.get(subject) ?? null
  }
}
