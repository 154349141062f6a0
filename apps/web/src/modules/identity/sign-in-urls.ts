import { BACK_OFFICE_PATH, LOGIN_PATH, PERSONAL_AREA_PATH } from '../../app/paths'
import type { AssuranceLevel } from '../../app/session/session-api'

export type CitizenSignInMethod = 'spid' | 'cie'

/**
 * Keeps only a path on this site, so a crafted link cannot send someone elsewhere after signing in.
 * The server checks again; this keeps the page from even building such a link.
 */
export function safeReturnPath(value: string | null | undefined, fallback = PERSONAL_AREA_PATH): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback
  // Returning to the login page itself would loop.
  if (value === LOGIN_PATH || value.startsWith(`${LOGIN_PATH}?`)) return fallback
  return value
}

/** The sign-in round trip is a full-page navigation: the server redirects to the identity provider. */
export function citizenSignInUrl(options: {
  method: CitizenSignInMethod
  level: AssuranceLevel
  returnTo: string
}): string {
  const query = new URLSearchParams({
    method: options.method,
    level: String(options.level),
    returnTo: safeReturnPath(options.returnTo),
  })
  return `/auth/citizen/login?${query}`
}

export function staffSignInUrl(returnTo: string = BACK_OFFICE_PATH): string {
  return `/auth/staff/login?${new URLSearchParams({ returnTo: safeReturnPath(returnTo, BACK_OFFICE_PATH) })}`
}

/** The login page, remembering where to come back to. */
export function loginPagePath(returnTo: string): string {
  return `${LOGIN_PATH}?${new URLSearchParams({ returnTo: safeReturnPath(returnTo) })}`
}

/** The current address as a path, for `returnTo`. */
export function currentPath(location: { pathname: string; search: string; hash?: string }): string {
  return `${location.pathname}${location.search}${location.hash ?? ''}`
}
