import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Database } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { Clock } from '../../platform/clock.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import {
  type ApiClientRow,
  findActiveApiClientByPrefix,
  insertApiClient,
  listApiClients,
  markApiClientRevoked,
  markApiClientUsed,
} from './api-client-repo.js'
import { SessionCache } from './session-cache.js'

/** Scopes an integration can be granted; routes declare which they need. */
export const API_SCOPES = [
  'telephony',
  'open311:write',
  'social',
  'chatbot',
  'email-inbound',
  'payments:receipts',
] as const
export type ApiScope = (typeof API_SCOPES)[number]

export interface ApiClientView {
  id: string
  name: string
  keyPrefix: string
  scopes: string[]
  createdAt: Date
  revokedAt: Date | null
  lastUsedAt: Date | null
}

// Keys look like civ_<8-char prefix>_<secret>; the prefix finds the row, the secret is compared by hash.
const KEY_PATTERN = /^civ_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{32,64})$/
const USE_RECORD_INTERVAL_MS = 60_000
const cache = new SessionCache<{ id: string; scopes: string[]; hash: string; lastRecorded: number }>(
  5_000,
  1_000,
)

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

function toView(row: ApiClientRow): ApiClientView {
  const { keyHash: _keyHash, ...view } = row
  return view
}

export async function createApiClient(
  ctx: ServiceContext,
  input: { name: string; scopes: ApiScope[] },
): Promise<{ client: ApiClientView; key: string }> {
  const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8)
  const secret = randomBytes(32).toString('base64url')
  const row = await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const created = await insertApiClient(tx, {
      name: input.name,
      keyPrefix: prefix,
      keyHash: hashSecret(secret),
      scopes: input.scopes,
      createdAt: now,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'api-client.create',
      subjectType: 'api-client',
      subjectId: created.id,
      details: { name: input.name, scopes: input.scopes },
    })
    return created
  })
  return { client: toView(row), key: `civ_${prefix}_${secret}` }
}

export async function revokeApiClient(ctx: ServiceContext, id: string): Promise<ApiClientView> {
  const row = await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const revoked = await markApiClientRevoked(tx, id, now)
    if (!revoked) throw new AppError('NOT_FOUND')
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'api-client.revoke',
      subjectType: 'api-client',
      subjectId: id,
    })
    return revoked
  })
  cache.clear()
  return toView(row)
}

export async function listAllApiClients(ctx: Pick<ServiceContext, 'db'>): Promise<ApiClientView[]> {
  return (await listApiClients(ctx.db)).map(toView)
}

/** The client behind a presented key, or null. */
export async function resolveApiKey(
  deps: { db: Database; clock: Clock },
  key: string,
): Promise<{ id: string; scopes: string[] } | null> {
  const match = KEY_PATTERN.exec(key)
  if (!match) return null
  const [, prefix, secret] = match as unknown as [string, string, string]
  const now = deps.clock.now().getTime()
  let entry = cache.get(prefix, now)
  if (!entry) {
    const row = await findActiveApiClientByPrefix(deps.db, prefix)
    if (!row) return null
    entry = {
      id: row.id,
      scopes: row.scopes,
      hash: row.keyHash,
      lastRecorded: row.lastUsedAt?.getTime() ?? 0,
    }
  }
  const given = Buffer.from(hashSecret(secret))
  const expected = Buffer.from(entry.hash)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  if (now - entry.lastRecorded > USE_RECORD_INTERVAL_MS) {
    await markApiClientUsed(deps.db, entry.id, new Date(now))
    entry = { ...entry, lastRecorded: now }
  }
  cache.set(prefix, entry, now)
  return { id: entry.id, scopes: entry.scopes }
}
