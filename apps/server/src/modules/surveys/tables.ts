import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { SERVICE_USE_KINDS } from './policy.js'

/**
 * Each use of a city service that may earn a satisfaction survey: an appointment served, a
 * certificate issued, a ticket resolved. Capabilities record them in their own transaction; the
 * surveys capability reads them to decide whom to invite.
 */
export const serviceUseEvents = pgTable(
  'service_use_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    citizenFiscalCode: text('citizen_fiscal_code').notNull(),
    /** What was used, in the owning capability's words (a booking code, a certificate id). */
    subjectId: text('subject_id').notNull(),
    /** How the service was reached: web, 020202, counter. */
    channel: text('channel').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One event per use, however many times the capability reports it.
    uniqueIndex('service_use_events_subject_idx').on(table.kind, table.subjectId),
    index('service_use_events_time_idx').on(table.occurredAt),
    check(
      'service_use_events_kind_check',
      sql.raw(`kind in (${SERVICE_USE_KINDS.map((kind) => `'${kind}'`).join(', ')})`),
    ),
  ],
)
