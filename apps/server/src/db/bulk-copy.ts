import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import type { Queryable } from './client.js'

export type CopyValue = string | number | bigint | boolean | null

/** COPY's text format: tab-separated, `\N` for null, and these four characters escaped. */
function encodeValue(value: CopyValue): string {
  if (value === null) return '\\N'
  const text = String(value)
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (character) =>
        character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r',
      )
    : text
}

export function encodeCopyRows(rows: readonly (readonly CopyValue[])[]): string {
  let text = ''
  for (const row of rows) text += `${row.map(encodeValue).join('\t')}\n`
  return text
}

interface PgClientLike {
  query(stream: unknown): NodeJS.WritableStream
  release(): void
}

interface PgliteLike {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>
  exec(text: string): Promise<unknown>
}

/**
 * The driver connection behind a Drizzle transaction. Drizzle keeps it on the session; COPY is a
 * protocol of its own that the query builder cannot express, so this is the one place that reaches it.
 */
function driverOf(queryable: Queryable): PgClientLike | PgliteLike {
  const client = (queryable as unknown as { session?: { client?: unknown } }).session?.client as
    | Partial<PgClientLike & PgliteLike>
    | undefined
  if (client && typeof client.release === 'function') return client as PgClientLike
  if (client && typeof client.exec === 'function') return client as PgliteLike
  throw new Error('copyRows needs a transaction (a connection of its own), not the pool')
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Writes many rows into a table with COPY, several times faster than INSERT for batches of thousands;
 * inside the caller's transaction, so a failure leaves nothing behind.
 */
export async function copyRows(
  queryable: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
): Promise<void> {
  if (rows.length === 0) return
  const target = `${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`
  const text = encodeCopyRows(rows)
  const driver = driverOf(queryable)
  if ('release' in driver) {
    await pipeline(Readable.from([text]), driver.query(copyFrom(`copy ${target} from stdin`)))
  } else {
    await driver.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([text]) })
  }
}
