import { describe, expect, it } from 'vitest'
import type { Database } from './client.js'
import { inRetriedTransaction, sqlStateOf } from './transaction.js'

/** A database whose transactions fail with the given errors, in turn, before they succeed. */
function failingThen(errors: unknown[]) {
  let calls = 0
  const db = {
    transaction: async (work: (tx: unknown) => Promise<unknown>) => {
      calls++
      const error = errors.shift()
      if (error) throw error
      return work({})
    },
  } as unknown as Database
  return { db, calls: () => calls }
}

const wrapped = (code: string) => Object.assign(new Error('query failed'), { cause: { code } })

describe('transactions that run again', () => {
  it('reads the SQLSTATE from the error or from the cause the ORM wraps', () => {
    expect(sqlStateOf(Object.assign(new Error('x'), { code: '40P01' }))).toBe('40P01')
    expect(sqlStateOf(wrapped('40001'))).toBe('40001')
    expect(sqlStateOf(new Error('plain'))).toBeUndefined()
    expect(sqlStateOf(null)).toBeUndefined()
  })

  it('runs a deadlock or serialization victim again', async () => {
    const { db, calls } = failingThen([wrapped('40P01'), wrapped('40001')])
    await expect(inRetriedTransaction(db, async () => 'done')).resolves.toBe('done')
    expect(calls()).toBe(3)
  })

  it('gives up after the last attempt and never repeats other errors', async () => {
    const deadlocks = failingThen([wrapped('40P01'), wrapped('40P01'), wrapped('40P01')])
    await expect(inRetriedTransaction(deadlocks.db, async () => 'done')).rejects.toThrow('query failed')
    expect(deadlocks.calls()).toBe(3)
    const unique = failingThen([wrapped('23505')])
    await expect(inRetriedTransaction(unique.db, async () => 'done')).rejects.toThrow('query failed')
    expect(unique.calls()).toBe(1)
  })
})
