import { createHash } from 'node:crypto'
import { asc, desc, gt, sql } from 'drizzle-orm'
import type { Database, Queryable } from '../db/client.js'
import { auditLog } from './audit-tables.js'
import type { Actor, RequestMeta } from './context.js'
import { actorId } from './context.js'

export const GENESIS_HASH = '0'.repeat(64)
// Serialises writers so each row links to the one committed just before it.
const AUDIT_CHAIN_LOCK = 4_158_327_001

export interface AuditEntry {
  action: string
  subjectType: string
  subjectId?: string | null
  details?: Record<string, unknown>
}

interface ChainFields {
  occurredAt: Date
  actorType: string
  actorId: string | null
  onBehalfOf: string | null
  action: string
  subjectType: string
  subjectId: string | null
  ip: string | null
  requestId: string | null
  details: unknown
}

/** JSON with object keys sorted at every depth: jsonb reorders keys, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function chainHash(prevHash: string, fields: ChainFields): string {
  const payload = canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString(), prevHash })
  return createHash('sha256').update(payload).digest('hex')
}

/** Writes one audit row inside the caller's transaction, chained to the previous row. */
export async function recordAudit(
  tx: Queryable,
  actor: Actor,
  meta: Pick<RequestMeta, 'ip' | 'requestId'>,
  at: Date,
  entry: AuditEntry,
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`)
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1)
  const prevHash = last?.hash ?? GENESIS_HASH
  const fields: ChainFields = {
    occurredAt: new Date(Math.floor(at.getTime())),
    actorType: actor.type,
    actorId: actorId(actor),
    onBehalfOf: actor.type === 'citizen' ? (actor.onBehalfOf ?? null) : null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    ip: meta.ip,
    requestId: meta.requestId,
    details: entry.details ?? {},
  }
  await tx.insert(auditLog).values({
    ...fields,
    details: fields.details as Record<string, unknown>,
    prevHash,
    hash: chainHash(prevHash, fields),
  })
}

export interface AuditVerification {
  ok: boolean
  checked: number
  brokenAtId: number | null
  reason: string | null
}

/** Walks the whole chain in id order; the first row whose link or hash does not match is reported. */
export async function verifyAuditChain(db: Database, batchSize = 5000): Promise<AuditVerification> {
  let expectedPrev = GENESIS_HASH
  let lastId = 0
  let checked = 0
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize)
    if (rows.length === 0) return { ok: true, checked, brokenAtId: null, reason: null }
    for (const row of rows) {
      if (row.prevHash !== expectedPrev) {
        return {
          ok: false,
          checked,
          brokenAtId: row.id,
          reason: 'previous-hash mismatch (a row was removed or reordered)',
        }
      }
      const recomputed = chainHash(row.prevHash, {
        occurredAt: row.occurredAt,
        actorType: row.actorType,
        actorId: row.actorId,
        onBehalfOf: row.onBehalfOf,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        ip: row.ip,
        requestId: row.requestId,
        details: row.details,
      })
      if (recomputed !== row.hash) {
        return {
          ok: false,
          checked,
          brokenAtId: row.id,
          reason: 'content hash mismatch (the row was altered)',
        }
      }
      expectedPrev = row.hash
      lastId = row.id
      checked++
    }
  }
}
