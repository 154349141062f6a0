import { and, eq } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { serviceUseEvents } from './tables.js'

export type ServiceUseRow = typeof serviceUseEvents.$inferSelect

export async function insertServiceUse(db: Queryable, row: typeof serviceUseEvents.$inferInsert) {
  const [inserted] = await db.insert(serviceUseEvents).values(row).onConflictDoNothing().returning()
  return inserted ?? null
}

export async function findServiceUse(db: Queryable, kind: string, subjectId: string) {
  const [row] = await db
    .select()
    .from(serviceUseEvents)
    .where(and(eq(serviceUseEvents.kind, kind), eq(serviceUseEvents.subjectId, subjectId)))
    .limit(1)
  return row ?? null
}
