import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { DatabaseHandle } from '../db/client.js'
import { inTransaction, rowsOf } from '../db/transaction.js'
import { createTestDatabase } from '../test/database.js'
import { deadLetterQueueName, JobQueue, retryOnDeadlock } from './jobs.js'
import { createLogger } from './logger.js'

const suffix = randomUUID().slice(0, 8)
const ECHO = `test-echo-${suffix}`
const ALWAYS_FAILS = `test-always-fails-${suffix}`

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('job queue', () => {
  let database: DatabaseHandle
  let jobs: JobQueue
  const handled: string[] = []
  let failures = 0

  beforeAll(async () => {
    database = await createTestDatabase()
    jobs = new JobQueue(database, createLogger({ level: 'silent', pretty: false }), {
      pollingIntervalSeconds: 0.5,
    })
    jobs.define({
      name: ECHO,
      payload: z.object({ word: z.string() }),
      handle: async ({ word }) => {
        handled.push(word)
      },
    })
    jobs.define({
      name: ALWAYS_FAILS,
      payload: z.object({ n: z.number() }),
      retry: { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: false },
      handle: async () => {
        failures++
        throw new Error('boom')
      },
    })
    await jobs.start({ work: true })
  })

  afterAll(async () => {
    await jobs.stop(5000)
    await database.close()
  })

  it('runs a job enqueued in a committed transaction', async () => {
    await inTransaction(database.db, async (tx) => {
      await jobs.enqueue(tx, ECHO, { word: 'committed' })
    })
    await waitFor(async () => (handled.includes('committed') ? true : undefined))
  })

  it('drops a job whose transaction rolled back', async () => {
    await expect(
      inTransaction(database.db, async (tx) => {
        await jobs.enqueue(tx, ECHO, { word: 'rolled-back' })
        throw new Error('business rule failed')
      }),
    ).rejects.toThrow('business rule failed')
    await inTransaction(database.db, (tx) => jobs.enqueue(tx, ECHO, { word: 'after-rollback' }))
    await waitFor(async () => (handled.includes('after-rollback') ? true : undefined))
    expect(handled).not.toContain('rolled-back')
  })

  it('refuses a payload that does not match the job schema', async () => {
    await expect(jobs.enqueue(database.db, ECHO, { word: 42 })).rejects.toThrow()
  })

  it('retries a failing job, then moves it to the dead-letter queue', async () => {
    await jobs.enqueue(database.db, ALWAYS_FAILS, { n: 7 })
    const dead = await waitFor(async () => {
      const letters = await jobs.deadLetters(ALWAYS_FAILS)
      return letters.length > 0 ? letters : undefined
    }, 30_000)
    expect(failures).toBe(3)
    expect(dead[0]?.data).toEqual({ n: 7 })
    const [row] = rowsOf<{ state: string }>(
      await database.db.execute(sql`select state from pgboss.job where name = ${ALWAYS_FAILS}`),
    )
    expect(row?.state).toBe('failed')
    expect(deadLetterQueueName(ALWAYS_FAILS)).toBe(`${ALWAYS_FAILS}__dead`)
  })
})

describe('starting queues next to other processes', () => {
  it('does a deadlock victim again, and gives up on anything else', async () => {
    let calls = 0
    const deadlocked = Object.assign(new Error('deadlock detected'), { code: '40P01' })
    const result = await retryOnDeadlock(async () => {
      calls++
      if (calls < 3) throw deadlocked
      return 'created'
    })
    expect([result, calls]).toEqual(['created', 3])

    let other = 0
    const refused = Object.assign(new Error('permission denied'), { code: '42501' })
    await expect(
      retryOnDeadlock(async () => {
        other++
        throw refused
      }),
    ).rejects.toBe(refused)
    expect(other).toBe(1)
    await expect(retryOnDeadlock(async () => Promise.reject(deadlocked), 2)).rejects.toBe(deadlocked)
  })
})
