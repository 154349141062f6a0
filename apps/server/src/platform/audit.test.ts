import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/client.js'
import { inTransaction } from '../db/transaction.js'
import { createTestDatabase } from '../test/database.js'
import { canonicalJson, recordAudit, verifyAuditChain } from './audit.js'
import { auditLog } from './audit-tables.js'
import type { Actor } from './context.js'

const operator: Actor = { type: 'staff', id: 'op-1', roles: ['operator'], teams: ['anagrafe'] }
const meta = { ip: '203.0.113.9', requestId: 'req-audit-test' }

describe('audit log', () => {
  let database: DatabaseHandle
  const subjectId = randomUUID()

  beforeAll(async () => {
    database = await createTestDatabase()
    for (let i = 0; i < 5; i++) {
      await inTransaction(database.db, (tx) =>
        recordAudit(tx, operator, meta, new Date(), {
          action: 'registry.person.read',
          subjectType: 'person',
          subjectId,
          details: { reason: 'ticket', n: i, nested: { b: 1, a: [2, 1] } },
        }),
      )
    }
  })

  afterAll(async () => {
    await database.close()
  })

  it('chains each row to the previous one and verifies', async () => {
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId))
    expect(rows).toHaveLength(5)
    expect(rows[0]).toMatchObject({
      actorType: 'staff',
      actorId: 'op-1',
      ip: '203.0.113.9',
      requestId: 'req-audit-test',
    })
    const result = await verifyAuditChain(database.db)
    expect(result.ok).toBe(true)
    expect(result.checked).toBeGreaterThanOrEqual(5)
  })

  it('keeps one intact chain under concurrent writers, alone or in transactions', async () => {
    const tricky = {
      text: 'virgolette " e \\ barre, àèìòù €, 日本',
      prevHash: 'prev-hash-from-the-chain-head',
    }
    const subject = randomUUID()
    await Promise.all(
      Array.from({ length: 24 }, (_, n) => {
        const entry = {
          action: 'test.concurrent',
          subjectType: 'person',
          subjectId: subject,
          details: { n, tricky },
        }
        if (n % 3 === 0) return recordAudit(database.db, operator, meta, new Date(), entry)
        return inTransaction(database.db, async (tx) => {
          await recordAudit(tx, operator, meta, new Date(), entry)
          if (n % 3 === 2) throw new Error('rolled back on purpose')
        }).catch((error: Error) => {
          if (error.message !== 'rolled back on purpose') throw error
        })
      }),
    )
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, subject))
    expect(rows).toHaveLength(16)
    expect(rows[0]?.details).toMatchObject({ tricky })
    const result = await verifyAuditChain(database.db)
    expect(result).toMatchObject({ ok: true, brokenAtId: null })
  })

  it('writes nothing when the surrounding change rolls back', async () => {
    const lonely = randomUUID()
    await expect(
      inTransaction(database.db, async (tx) => {
        await recordAudit(tx, operator, meta, new Date(), {
          action: 'x',
          subjectType: 'person',
          subjectId: lonely,
        })
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, lonely))
    expect(rows).toHaveLength(0)
  })

  it('refuses updates and deletes at the database level', async () => {
    await expect(
      database.db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.subjectId, subjectId)),
    ).rejects.toThrow()
    await expect(database.db.delete(auditLog).where(eq(auditLog.subjectId, subjectId))).rejects.toThrow()
  })

  it('detects a row altered behind the trigger’s back', async () => {
    // Done inside a transaction that is rolled back, so the shared database stays intact.
    const verdict = await inTransaction(database.db, async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`)
      await tx.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.subjectId, subjectId))
      const result = await verifyAuditChain(tx as never)
      throw Object.assign(new Error('rollback'), { result })
    }).catch((error: { result?: Awaited<ReturnType<typeof verifyAuditChain>> }) => error.result)
    expect(verdict?.ok).toBe(false)
    expect(verdict?.reason).toMatch(/altered/)
    expect((await verifyAuditChain(database.db)).ok).toBe(true)
  })

  it('hashes details independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }))
  })
})
