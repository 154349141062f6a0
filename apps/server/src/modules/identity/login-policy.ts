import { normalizeFiscalCode } from './codice-fiscale.js'
import type { AssuranceLevel } from './session-service.js'

/** How a citizen chose to sign in; CIE always authenticates at level 3. */
export type CitizenLoginMethod = 'spid' | 'cie'

/** The SPID levels of assurance as the federation names them in `acr` and `acr_values`. */
export const SPID_LEVEL_URIS: Record<AssuranceLevel, string> = {
  1: 'https://www.spid.gov.it/SpidL1',
  2: 'https://www.spid.gov.it/SpidL2',
  3: 'https://www.spid.gov.it/SpidL3',
}

/** How long a citizen may stay at the identity provider before the round trip is refused. */
export const LOGIN_ATTEMPT_TTL_MS = 10 * 60_000

export const DEFAULT_RETURN_TO = '/'
const MAX_RETURN_TO_LENGTH = 512
// Any origin works: the value is only used to check that a path stays on it.
const PROBE_ORIGIN = 'https://civico.invalid'

export function acrForLevel(level: AssuranceLevel): string {
  return SPID_LEVEL_URIS[level]
}

/** The level an `acr` claim stands for, or null when it is missing or not a SPID level. */
export function levelFromAcr(acr: unknown): AssuranceLevel | null {
  if (typeof acr !== 'string') return null
  for (const level of [3, 2, 1] as const) {
    if (SPID_LEVEL_URIS[level] === acr.trim()) return level
  }
  return null
}

/** The level to ask the provider for: CIE is level 3 whatever was asked. */
export function requestedLevelFor(method: CitizenLoginMethod, level: AssuranceLevel): AssuranceLevel {
  return method === 'cie' ? 3 : level
}

export function isLevelSufficient(granted: AssuranceLevel, requested: AssuranceLevel): boolean {
  return granted >= requested
}

function hasBackslashOrControl(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 0x5c || code < 0x20 || code === 0x7f) return true
  }
  return false
}

/**
 * Where to send the browser after signing in: only a path on this site ("/area-personale?tab=2").
 * Protocol-relative (`//evil.example`), backslash tricks, absolute URLs and control characters all
 * fall back to the home page, so the login cannot be turned into an open redirect.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string') return DEFAULT_RETURN_TO
  if (value.length === 0 || value.length > MAX_RETURN_TO_LENGTH) return DEFAULT_RETURN_TO
  if (!value.startsWith('/') || value.startsWith('//')) return DEFAULT_RETURN_TO
  // Browsers read "\" as "/" in URLs, so "/\evil.example" would leave the site.
  if (hasBackslashOrControl(value)) return DEFAULT_RETURN_TO
  let parsed: URL
  try {
    parsed = new URL(value, PROBE_ORIGIN)
  } catch {
    return DEFAULT_RETURN_TO
  }
  if (parsed.origin !== PROBE_ORIGIN) return DEFAULT_RETURN_TO
  return `${parsed.pathname}${parsed.search}${parsed.hash}`
}

/** The bare fiscal code in a provider's claim ("TINIT-…" or plain), or null when it is not a valid one. */
export function fiscalCodeFromClaim(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null
  return normalizeFiscalCode(value)
}

/** A short text claim, trimmed; anything else (numbers, objects, empty strings) counts as absent. */
export function textClaim(value: unknown, maxLength = 200): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed.length > 0 && trimmed.length <= maxLength ? trimmed : null
}

/** `birthdate` as YYYY-MM-DD, or null: providers may send only a year or nothing at all. */
export function birthDateClaim(value: unknown): string | null {
  const text = textClaim(value, 10)
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export interface ProvidedEmail {
  address: string
  verified: boolean
}

/** The e-mail a provider sent; it counts as verified only when the provider says so explicitly. */
export function emailFromClaims(claims: Record<string, unknown>): ProvidedEmail | null {
  const address = textClaim(claims.email, 254)?.toLowerCase()
  if (!address || !EMAIL_SHAPE.test(address)) return null
  return { address, verified: claims.email_verified === true }
}

export interface StoredEmail {
  email: string | null
  emailVerifiedAt: Date | null
}

/**
 * The account's e-mail after a sign-in. A verified address from the provider wins; an unverified one
 * never replaces an address the citizen has already proved they own.
 */
export function mergeEmail(stored: StoredEmail, provided: ProvidedEmail | null, now: Date): StoredEmail {
  if (!provided) return stored
  const sameAddress = stored.email?.toLowerCase() === provided.address
  if (provided.verified) {
    return { email: provided.address, emailVerifiedAt: sameAddress ? (stored.emailVerifiedAt ?? now) : now }
  }
  if (sameAddress) return stored
  if (stored.email && stored.emailVerifiedAt) return stored
  return { email: provided.address, emailVerifiedAt: null }
}
