import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '../api/api-client'
import { rememberCsrfToken } from '../api/csrf-token'
import { asRecord, readNullableString, readNumber, readString, readStringArray } from '../api/parse'
import { SESSION_QUERY_KEY } from './session-query-key'

export type AssuranceLevel = 1 | 2 | 3
export type SessionKind = 'citizen' | 'staff'

/** Who is signed in on this browser, as `GET /api/v1/session` describes it. */
export interface SignedInSession {
  authenticated: true
  kind: SessionKind
  /** SPID level of assurance; CIE counts as 3; staff sessions carry the directory's level. */
  level: AssuranceLevel
  method: string
  csrfToken: string
  expiresAt: string
  displayName: string
  fiscalCode: string | null
  /** Fiscal code of the minor or delegator the citizen is acting for, or null for themselves. */
  actingFor: string | null
  roles: string[]
  teams: string[]
}

export type Session = { authenticated: false } | SignedInSession

function readLevel(value: number): AssuranceLevel {
  if (value === 1 || value === 2 || value === 3) return value
  throw new TypeError('level is not 1, 2 or 3')
}

export function parseSession(value: unknown): Session {
  const record = asRecord(value, 'session')
  if (record.authenticated !== true) return { authenticated: false }
  const kind = readString(record, 'kind')
  if (kind !== 'citizen' && kind !== 'staff') throw new TypeError('kind is not citizen or staff')
  return {
    authenticated: true,
    kind,
    level: readLevel(readNumber(record, 'level')),
    method: readString(record, 'method'),
    csrfToken: readString(record, 'csrfToken'),
    expiresAt: readString(record, 'expiresAt'),
    displayName: readString(record, 'displayName'),
    fiscalCode: readNullableString(record, 'fiscalCode'),
    actingFor: readNullableString(record, 'actingFor'),
    roles: readStringArray(record, 'roles'),
    teams: readStringArray(record, 'teams'),
  }
}

async function fetchSession(signal: AbortSignal): Promise<Session> {
  const session = await apiRequest({ path: '/session', signal, parse: parseSession })
  rememberCsrfToken(session.authenticated ? session.csrfToken : undefined)
  return session
}

export const sessionQuery = queryOptions({
  queryKey: SESSION_QUERY_KEY,
  queryFn: ({ signal }) => fetchSession(signal),
  staleTime: 60_000,
  // Signing in or out in another tab should show here as soon as the person comes back to this one.
  refetchOnWindowFocus: true,
})

export function useSession() {
  return useQuery(sessionQuery)
}

/** The signed-in session, or undefined while loading, when anonymous or when the server is unreachable. */
export function useSignedInSession(): SignedInSession | undefined {
  const { data } = useSession()
  return data?.authenticated ? data : undefined
}

export interface Heartbeat {
  idleExpiresAt: string
  expiresAt: string
}

export function requestHeartbeat(): Promise<Heartbeat> {
  return apiRequest({
    path: '/session/heartbeat',
    parse: (value) => {
      const record = asRecord(value, 'heartbeat')
      return {
        idleExpiresAt: readString(record, 'idleExpiresAt'),
        expiresAt: readString(record, 'expiresAt'),
      }
    },
  })
}

export function endSession(): Promise<void> {
  return apiRequest({ path: '/session', method: 'DELETE', parse: () => undefined })
}

export function endAllSessions(): Promise<{ endedSessions: number }> {
  return apiRequest({
    path: '/session/logout-everywhere',
    method: 'POST',
    parse: (value) => ({ endedSessions: readNumber(asRecord(value, 'result'), 'endedSessions') }),
  })
}
