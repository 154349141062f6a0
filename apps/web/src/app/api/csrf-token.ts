/**
 * The CSRF token of the current session. The server hands it out with `GET /api/v1/session` and
 * wants it back in `X-CSRF-Token` on every change made with the session cookie; the session query
 * stores it here so the API client can add it without every caller passing it along.
 */
let currentCsrfToken: string | undefined

export const CSRF_HEADER = 'X-CSRF-Token'

export function rememberCsrfToken(token: string | undefined): void {
  currentCsrfToken = token
}

export function csrfToken(): string | undefined {
  return currentCsrfToken
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function changesState(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase())
}
