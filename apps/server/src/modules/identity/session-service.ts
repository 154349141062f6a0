import { createHash, randomBytes } from 'node:crypto'
import type { Database, Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { Clock } from '../../platform/clock.js'
import type { Actor, RequestMeta, StaffRole } from '../../platform/context.js'
import { SessionCache } from './session-cache.js'
import {
  findLiveSession,
  insertSession,
  revokeAccountSessions,
  revokeSession,
  type SessionRow,
  setActingFor,
  touchSession,
} from './session-repo.js'

export const SESSION_COOKIE = 'civico_session'
export type SessionKind = 'citizen' | 'staff'
export type AssuranceLevel = 1 | 2 | 3

export interface SessionPolicy {
  idleMs: number
  absoluteMs: number
}

export interface ResolvedSession {
  tokenHash: string
  kind: SessionKind
  accountId: string
  level: AssuranceLevel
  method: string
  csrfToken: string
  actingFor: string | null
  expiresAt: Date
  lastSeenAt: Date
  actor: Actor
}

export interface SessionDeps {
  db: Database
  clock: Clock
  session: SessionPolicy
}

// Writing last_seen_at on every request would turn each read into a write; a minute's slack is harmless
// against a 30-minute idle timeout.
const TOUCH_INTERVAL_MS = 60_000
const cache = new SessionCache<ResolvedSession>(5_000, 50_000)

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export interface StartSessionInput {
  kind: SessionKind
  accountId: string
  level: AssuranceLevel
  method: string
  ip: string | null
  userAgent: string | null
  /** The session this one replaces (login while signed in, step-up): it is revoked in the same transaction. */
  replacesToken?: string | null
}

/** Opens a session inside the caller's transaction and returns the cookie token, shown only once. */
export async function startSession(
  tx: Queryable,
  deps: Pick<SessionDeps, 'clock' | 'session'>,
  input: StartSessionInput,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const now = deps.clock.now()
  if (input.replacesToken) {
    const replaced = hashToken(input.replacesToken)
    await revokeSession(tx, replaced, now)
    cache.delete(replaced)
  }
  const token = newToken()
  const csrfToken = newToken()
  const expiresAt = new Date(now.getTime() + deps.session.absoluteMs)
  await insertSession(tx, {
    tokenHash: hashToken(token),
    kind: input.kind,
    accountId: input.accountId,
    level: input.level,
    method: input.method,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  })
  return { token, csrfToken, expiresAt }
}

function actorFor(row: NonNullable<Awaited<ReturnType<typeof findLiveSession>>>): Actor | null {
  const { session } = row
  if (session.kind === 'citizen' && row.citizen) {
    return {
      type: 'citizen',
      id: session.accountId,
      fiscalCode: row.citizen.fiscalCode,
      level: session.level as AssuranceLevel,
      personId: row.citizen.personId,
      ...(session.actingFor ? { onBehalfOf: session.actingFor } : {}),
    }
  }
  if (session.kind === 'staff' && row.staff?.active) {
    return {
      type: 'staff',
      id: session.accountId,
      roles: row.staff.roles as StaffRole[],
      teams: row.staff.teams,
    }
  }
  return null
}

function isExpired(session: Pick<SessionRow, 'expiresAt' | 'lastSeenAt'>, now: Date, policy: SessionPolicy) {
  return session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > policy.idleMs
}

const sessionsLoading = new Map<string, Promise<ResolvedSession | null>>()

async function loadSession(db: Database, tokenHash: string): Promise<ResolvedSession | null> {
  const row = await findLiveSession(db, tokenHash)
  const actor = row ? actorFor(row) : null
  if (!row || !actor) return null
  return {
    tokenHash,
    kind: row.session.kind as SessionKind,
    accountId: row.session.accountId,
    level: row.session.level as AssuranceLevel,
    method: row.session.method,
    csrfToken: row.session.csrfToken,
    actingFor: row.session.actingFor,
    expiresAt: row.session.expiresAt,
    lastSeenAt: row.session.lastSeenAt,
    actor,
  }
}

/** The session behind a cookie token, or null when unknown, revoked, idle too long or past its end. */
export async function resolveSession(deps: SessionDeps, token: string): Promise<ResolvedSession | null> {
  if (token.length < 20 || token.length > 100) return null
  const tokenHash = hashToken(token)
  const now = deps.clock.now()
  const nowMs = now.getTime()
  let resolved = cache.get(tokenHash, nowMs)
  if (!resolved) {
    // Requests of one page arrive together: they share one database read rather than racing.
    let loading = sessionsLoading.get(tokenHash)
    if (!loading) {
      loading = loadSession(deps.db, tokenHash).finally(() => sessionsLoading.delete(tokenHash))
      sessionsLoading.set(tokenHash, loading)
    }
    const loaded = await loading
    if (!loaded) return null
    resolved = loaded
  }
  if (isExpired(resolved, now, deps.session)) {
    cache.delete(tokenHash)
    return null
  }
  if (nowMs - resolved.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    // Cached first, so the other requests of the same page do not queue on the same row to write it again.
    resolved = { ...resolved, lastSeenAt: now }
    cache.set(tokenHash, resolved, nowMs)
    await touchSession(deps.db, tokenHash, now)
    return resolved
  }
  cache.set(tokenHash, resolved, nowMs)
  return resolved
}

export async function endSession(
  deps: SessionDeps,
  session: ResolvedSession,
  meta: Pick<RequestMeta, 'ip' | 'requestId'>,
): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const now = deps.clock.now()
    await revokeSession(tx, session.tokenHash, now)
    await recordAudit(tx, session.actor, meta, now, {
      action: 'session.end',
      subjectType: `${session.kind}-account`,
      subjectId: session.accountId,
    })
  })
  cache.delete(session.tokenHash)
}

/** "Log out everywhere": every session of the account, on every device. */
export async function endAllSessions(
  deps: SessionDeps,
  session: ResolvedSession,
  meta: Pick<RequestMeta, 'ip' | 'requestId'>,
): Promise<number> {
  const revoked = await inTransaction(deps.db, async (tx) => {
    const now = deps.clock.now()
    const hashes = await revokeAccountSessions(tx, session.kind, session.accountId, now)
    await recordAudit(tx, session.actor, meta, now, {
      action: 'session.end-all',
      subjectType: `${session.kind}-account`,
      subjectId: session.accountId,
      details: { sessions: hashes.length },
    })
    return hashes
  })
  for (const hash of revoked) cache.delete(hash)
  return revoked.length
}

/** Records whom the citizen acts for; the caller has already checked they may. */
export async function switchActingFor(
  deps: SessionDeps,
  session: ResolvedSession,
  fiscalCode: string | null,
) {
  await setActingFor(deps.db, session.tokenHash, fiscalCode)
  cache.delete(session.tokenHash)
}

/** Tests and account changes (roles, deactivation) drop cached actors. */
export function forgetCachedSessions(): void {
  cache.clear()
}
