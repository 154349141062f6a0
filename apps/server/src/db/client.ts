import { PGlite } from '@electric-sql/pglite'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.js'
import * as schema from './schema.js'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Either the database or an open transaction: repos accept both so services decide the boundary. */
export type Queryable = Database | Transaction

/** The raw executor pg-boss expects; also used by maintenance commands. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgres'; url: string; poolSize: number }

export interface DatabaseHandle extends SqlExecutor {
  kind: DatabaseTarget['kind']
  db: Database
  ping(): Promise<void>
  /**
   * LISTENs on a channel and calls `onPayload` for each NOTIFY committed by any process; resolves to
   * the way to stop. On PostgreSQL this holds one connection of its own, reconnecting if it drops.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

const LISTEN_RETRY_MS = 2_000

/** A dedicated connection for LISTEN: pooled connections come and go, a listener must stay. */
async function listenOnPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null
  let stopped = false
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url })
    next.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '')
    })
    next.on('error', () => {
      // The connection dropped: listen again on a new one, unless we were told to stop.
      client = null
      next.end().catch(() => {})
      if (!stopped) setTimeout(() => void connect().catch(() => {}), LISTEN_RETRY_MS).unref()
    })
    await next.connect()
    await next.query(`listen "${channel.replace(/"/g, '""')}"`)
    client = next
  }
  await connect()
  return async () => {
    stopped = true
    await client?.end().catch(() => {})
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize) : openPglite(target.dataDir)
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 })
  // An idle client that loses its connection emits here; without a listener the process would crash.
  pool.on('error', () => {})
  const db = drizzleNodePostgres({ client: pool, schema }) as unknown as Database
  return {
    kind: 'postgres',
    db,
    async executeSql(text, values) {
      const result = await pool.query(text, values)
      return { rows: result.rows }
    },
    async ping() {
      await pool.query('select 1')
    },
    listen: (channel, onPayload) => listenOnPostgres(url, channel, onPayload),
    async close() {
      await pool.end()
    },
  }
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://')
  const lock: DirectoryLock | undefined = inMemory ? undefined : acquireDirectoryLock(dataDir)
  let client: PGlite
  try {
    client = await PGlite.create(inMemory ? undefined : dataDir)
  } catch (error) {
    lock?.release()
    throw error
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database
  return {
    kind: 'pglite',
    db,
    async executeSql(text, values) {
      // PGlite's extended protocol takes one statement; pg-boss sends multi-statement scripts without values.
      if (!values || values.length === 0) {
        const results = await client.exec(text)
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] }
      }
      const result = await client.query<Record<string, unknown>>(text, values)
      return { rows: result.rows }
    },
    async ping() {
      await client.query('select 1')
    },
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload)
      return unsubscribe
    },
    async close() {
      try {
        await client.close()
      } finally {
        lock?.release()
      }
    },
  }
}
