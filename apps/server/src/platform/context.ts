import type { Logger } from 'pino'
import type { Database } from '../db/client.js'
import type { Clock } from './clock.js'
import type { Locale } from './i18n.js'
import type { JobQueue } from './jobs.js'

export const STAFF_ROLES = ['operator', 'supervisor', 'analyst', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Who is acting. Identity fills in citizens and staff; jobs and the seed act as the system. */
export type Actor =
  | { type: 'system'; name: string }
  | { type: 'anonymous' }
  | {
      type: 'citizen'
      id: string
      fiscalCode: string
      /** Assurance level of the sign-in: SPID L1–L3, CIE is 3. */
      level: 1 | 2 | 3
      personId: string | null
      /** Fiscal code of the person being acted for (a minor child or a delegator), when not oneself. */
      onBehalfOf?: string
    }
  | { type: 'staff'; id: string; roles: readonly StaffRole[]; teams: readonly string[] }
  | { type: 'api-client'; id: string; scopes: readonly string[] }

export interface RequestMeta {
  ip: string | null
  requestId: string | null
  locale: Locale
}

/** What every use case receives: no globals, so tests swap the clock, the database or the actor. */
export interface ServiceContext {
  db: Database
  jobs: JobQueue
  clock: Clock
  actor: Actor
  meta: RequestMeta
  logger: Logger
}

export function actorId(actor: Actor): string | null {
  switch (actor.type) {
    case 'system':
      return actor.name
    case 'anonymous':
      return null
    default:
      return actor.id
  }
}
