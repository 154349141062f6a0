import { type DatabaseHandle, type DatabaseTarget, openDatabase } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'

export function testDatabaseTarget(): DatabaseTarget {
  const url = process.env.DATABASE_URL
  return url ? { kind: 'postgres', url, poolSize: 5 } : { kind: 'pglite', dataDir: 'memory://' }
}

/**
 * A migrated database for one test file: a fresh in-memory PGlite, or the shared PostgreSQL test
 * database (migrated once by the global setup). Tests create their own rows and never rely on others'.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const target = testDatabaseTarget()
  const handle = await openDatabase(target)
  if (target.kind === 'pglite') await migrateDatabase(target, handle)
  return handle
}
