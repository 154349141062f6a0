import { generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { createTestDatabase } from '../../test/database.js'
import { canonicalJson, sealContent, sealHolds, sealKeyFor } from './seal.js'

describe('the certificate seal', () => {
  let handle: DatabaseHandle

  beforeAll(async () => {
    handle = await createTestDatabase()
  })
  afterAll(async () => {
    await handle?.close()
  })

  it('writes the same content the same way whatever the order of its keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    )
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}')
  })

  it('uses the configured key, and seals made by an earlier key still verify', async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    const first = await sealKeyFor(handle.db, pem)
    const content = { subject: { fiscalCode: 'RSSMRA80A41F205X' }, facts: ['residenza'] }
    const seal = sealContent(first, content)
    expect(await sealHolds(handle.db, first.id, content, seal)).toBe(true)
    expect(await sealHolds(handle.db, first.id, { ...content, facts: ['altro'] }, seal)).toBe(false)

    // The city moves to a new key (a transaction stands for a process that has not loaded the old
    // one): certificates sealed before still verify.
    const newPem = generateKeyPairSync('ed25519').privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string
    const next = await inTransaction(handle.db, (tx) => sealKeyFor(tx, newPem))
    expect(next.id).not.toBe(first.id)
    expect(await sealHolds(handle.db, first.id, content, seal)).toBe(true)
    expect(await sealHolds(handle.db, next.id, content, sealContent(next, content))).toBe(true)
  })

  it('refuses a key that is not Ed25519', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string
    const fresh = await createTestDatabase()
    try {
      await expect(sealKeyFor(fresh.db, rsa)).rejects.toThrow(/Ed25519/)
    } finally {
      await fresh.close()
    }
  })
})
