import { createHash } from 'node:crypto'
import { asc, gt, sql } from 'drizzle-orm'
import type { Database, Queryable } from '../db/client.js'
import { rowsOf } from '../db/transaction.js'
import { auditChainHead, auditLog } from './audit-tables.js'
import type { Actor, RequestMeta } from './context.js'
import { actorId } from './context.js'

export const GENESIS_HASH = '0'.repeat(64)

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

// Stands in the canonical JSON for the previous hash, which only the database knows when it writes.
const PREV_HASH_MARK = 'prev-hash-from-the-chain-head'

/**
 * Writes one audit row, chained to the previous one, in one statement: inside the caller's
 * transaction it commits or vanishes with the change; on its own it is its own transaction. The
 * hash is computed by the database from the chain head's current hash (SHA-256 of the same
 * canonical JSON `chainHash` builds), so no writer reads the head before it holds it.
 */
export async function recordAudit(
  tx: Queryable,
  actor: Actor,
  meta: Pick<RequestMeta, 'ip' | 'requestId'>,
  at: Date,
  entry: AuditEntry,
): Promise<void> {
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
  const payload = canonicalJson({
    ...fields,
    occurredAt: fields.occurredAt.toISOString(),
    prevHash: PREV_HASH_MARK,
  })
  // The top-level key sorts after `details`, and the string values after it cannot hold a bare
  // quote, so the last occurrence is the one to cut at.
  const cut = payload.lastIndexOf(JSON.stringify(PREV_HASH_MARK))
  const head = payload.slice(0, cut + 1)
  const tail = payload.slice(cut + PREV_HASH_MARK.length + 1)
  const inserted = rowsOf(
    await tx.execute(sql`
      with link as (
        update ${auditChainHead}
        set prev_hash = hash, hash = encode(sha256(convert_to(${head} || hash || ${tail}, 'UTF8')), 'hex')
        where id = 1
        returning prev_hash, hash
      )
      insert into ${auditLog} (occurred_at, actor_type, actor_id, on_behalf_of, action, subject_type,
        subject_id, ip, request_id, details, prev_hash, hash)
      select ${fields.occurredAt.toISOString()}::timestamptz, ${fields.actorType}, ${fields.actorId},
        ${fields.onBehalfOf}, ${fields.action}, ${fields.subjectType}, ${fields.subjectId}, ${fields.ip},
        ${fields.requestId}, ${JSON.stringify(fields.details)}::jsonb, link.prev_hash, link.hash
      from link
      returning id`),
  )
  if (inserted.length !== 1) throw new Error('the audit chain head is missing: nothing can be audited')
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
