import { type SQL, sql } from 'drizzle-orm'
import type { Database, Queryable, SqlExecutor, Transaction } from './client.js'

/** One transaction per mutation: the change, its audit row and its jobs commit or vanish together. */
export function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(work)
}

const RETRIABLE_STATES = new Set(['40P01', '40001'])

/** The SQLSTATE of a database error; the ORM wraps the driver's error, which then is the cause. */
export function sqlStateOf(error: unknown): string | undefined {
  const thrown = error as { code?: unknown; cause?: { code?: unknown } } | null
  const code = thrown?.code ?? thrown?.cause?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * A transaction that runs again when PostgreSQL picks it as a deadlock or serialization victim:
 * the victim was rolled back whole, so running the same work again is safe. For contended writes
 * (counter claims) whose lock order cannot be fixed in advance.
 */
export async function inRetriedTransaction<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work)
    } catch (error) {
      if (attempt >= attempts || !RETRIABLE_STATES.has(sqlStateOf(error) ?? '')) throw error
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20))
    }
  }
}

/** Rewrites `$1…$n` placeholders into a Drizzle SQL object so raw statements can run on any Queryable. */
export function toDrizzleSql(text: string, values: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/)
  const chunks: SQL[] = []
  parts.forEach((part, index) => {
    if (index % 2 === 0) {
      if (part) chunks.push(sql.raw(part))
    } else {
      // Drizzle drops undefined parameters entirely; SQL wants an explicit NULL in their place.
      chunks.push(sql`${values[Number(part) - 1] ?? null}`)
    }
  })
  return sql.join(chunks, sql.raw(''))
}

/** Both drivers answer `execute` with an object carrying `rows`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}

/** A pg-boss style executor bound to a transaction (or the database), so jobs enqueue inside it. */
export function executorFor(queryable: Queryable): SqlExecutor {
  return {
    async executeSql(text, values) {
      const result = await queryable.execute(toDrizzleSql(text, values))
      return { rows: rowsOf(result) }
    },
  }
}
