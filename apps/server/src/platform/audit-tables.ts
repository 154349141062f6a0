import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Append-only trail of what was done, by whom, to what. Each row carries the hash of the previous
 * one, so removing or editing a row breaks the chain (checked by `civico audit verify`).
 * A trigger in the migrations refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    onBehalfOf: text('on_behalf_of'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [index('audit_log_subject_idx').on(table.subjectType, table.subjectId)],
)

/**
 * The chain's newest link, one row. Writers move it in the same statement that appends their
 * audit row: the row lock orders them, and PostgreSQL re-reads a row updated by a writer committed
 * meanwhile, so each new link hashes the one committed just before it.
 */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: integer('id').primaryKey().default(1),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [check('audit_chain_head_single_row', sql`${table.id} = 1`)],
)
