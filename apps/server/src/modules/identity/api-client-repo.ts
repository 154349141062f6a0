import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { apiClients } from './tables.js'

export type ApiClientRow = typeof apiClients.$inferSelect

export async function insertApiClient(
  db: Queryable,
  client: typeof apiClients.$inferInsert,
): Promise<ApiClientRow> {
  const [row] = await db.insert(apiClients).values(client).returning()
  return row!
}

export async function findActiveApiClientByPrefix(
  db: Queryable,
  keyPrefix: string,
): Promise<ApiClientRow | null> {
  const [row] = await db
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.keyPrefix, keyPrefix), isNull(apiClients.revokedAt)))
    .limit(1)
  return row ?? null
}

export async function listApiClients(db: Queryable): Promise<ApiClientRow[]> {
  return db.select().from(apiClients).orderBy(desc(apiClients.createdAt))
}

export async function markApiClientRevoked(
  db: Queryable,
  id: string,
  at: Date,
): Promise<ApiClientRow | null> {
  const [row] = await db
    .update(apiClients)
    .set({ revokedAt: at })
    .where(and(eq(apiClients.id, id), isNull(apiClients.revokedAt)))
    .returning()
  return row ?? null
}

export async function markApiClientUsed(db: Queryable, id: string, at: Date): Promise<void> {
  await db.update(apiClients).set({ lastUsedAt: at }).where(eq(apiClients.id, id))
}
