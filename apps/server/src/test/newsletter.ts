import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/client.js'
import { insertTopic } from '../modules/newsletter/repo.js'

/** A topic no other test uses: on PostgreSQL the database is shared by the test files. */
export async function uniqueTopic(db: Queryable): Promise<string> {
  const id = `t-${randomUUID().slice(0, 8)}`
  await insertTopic(db, { id, title: { it: id, en: id }, description: { it: id, en: id } })
  return id
}
