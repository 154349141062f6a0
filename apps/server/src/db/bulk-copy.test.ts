import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../test/database.js'
import { copyRows, encodeCopyRows } from './bulk-copy.js'
import type { DatabaseHandle } from './client.js'
import { inTransaction, rowsOf } from './transaction.js'

describe('bulk copy', () => {
  let handle: DatabaseHandle
  const table = `copy_test_${process.pid}_${Date.now()}`

  beforeAll(async () => {
    handle = await createTestDatabase()
    await handle.db.execute(sql.raw(`create table ${table} (id int primary key, label text, note text)`))
  })
  afterAll(async () => {
    await handle?.db.execute(sql.raw(`drop table if exists ${table}`))
    await handle?.close()
  })

  it('escapes what the text format gives a meaning to', () => {
    expect(
      encodeCopyRows([
        [1, 'a\tb\\c', null],
        [2, 'line\nbreak\r', ''],
      ]),
    ).toBe('1\ta\\tb\\\\c\t\\N\n2\tline\\nbreak\\r\t\n')
  })

  it('writes the rows as given, tabs, newlines, backslashes, nulls and empty text included', async () => {
    const rows = Array.from({ length: 2000 }, (_, n) => [
      n,
      `riga ${n}\tcon\\tutto\n`,
      n % 3 === 0 ? null : '',
    ])
    await inTransaction(handle.db, (tx) => copyRows(tx, table, ['id', 'label', 'note'], rows))
    const stored = rowsOf<{ id: number; label: string; note: string | null }>(
      await handle.db.execute(sql.raw(`select id, label, note from ${table} order by id`)),
    )
    expect(stored).toHaveLength(2000)
    expect(stored[3]).toEqual({ id: 3, label: 'riga 3\tcon\\tutto\n', note: null })
    expect(stored[4]).toEqual({ id: 4, label: 'riga 4\tcon\\tutto\n', note: '' })
  })

  it('leaves nothing behind when a row is refused', async () => {
    const before = rowsOf<{ n: number }>(
      await handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`)),
    )
    const rows = [
      [90_000, 'nuova', null],
      [0, 'doppia', null],
    ]
    await expect(
      inTransaction(handle.db, (tx) => copyRows(tx, table, ['id', 'label', 'note'], rows)),
    ).rejects.toMatchObject({ code: '23505' })
    const after = rowsOf<{ n: number }>(
      await handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`)),
    )
    expect(after).toEqual(before)
  })

  // PGlite is one connection; PostgreSQL's pool hands each statement to any of several.
  it.skipIf(!process.env.DATABASE_URL)(
    'refuses to run on the pool, where COPY would lose its connection',
    async () => {
      await expect(copyRows(handle.db, table, ['id'], [[2]])).rejects.toThrow(/transaction/)
    },
  )
})
