import { openDatabase } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'

/** On PostgreSQL the schema is migrated once; on PGlite each test file migrates its own in-memory database. */
export async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL
  if (!url) return
  const target = { kind: 'postgres' as const, url, poolSize: 2 }
  const handle = await openDatabase(target)
  try {
    await migrateDatabase(target, handle)
  } finally {
    await handle.close()
  }
}
