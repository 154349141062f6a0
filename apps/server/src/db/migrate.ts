import path from 'node:path'
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import type { DatabaseHandle, DatabaseTarget } from './client.js'

const migrationsFolder = path.resolve(import.meta.dirname, 'migrations')
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 7_301_664_221

/**
 * Applies the committed SQL migrations. On PostgreSQL several processes may start at once, so the
 * run holds an advisory lock on a dedicated connection and the latecomers find nothing left to do.
 */
export async function migrateDatabase(target: DatabaseTarget, handle: DatabaseHandle): Promise<void> {
  if (target.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder })
    return
  }
  const client = new pg.Client({ connectionString: target.url })
  await client.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    await migrateNodePostgres(drizzleNodePostgres({ client }), { migrationsFolder })
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {})
    await client.end()
  }
}
