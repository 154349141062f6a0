import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import {
  CALL_OUTCOMES,
  MESSAGE_KINDS,
  TICKET_CHANNELS,
  TICKET_EVENT_KINDS,
  TICKET_PROCESSES,
  TICKET_STATUSES,
} from './policy.js'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const at = (name: string) => timestamp(name, { withTimezone: true })
const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(', ')})`)

/**
 * The classification taxonomy: areas (level 1), topics (2) and details (3). A detail closes a
 * triplet and carries the routing: the team, the process and the SLA targets in business minutes.
 */
export const ticketCategories = pgTable(
  'ticket_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => ticketCategories.id),
    level: smallint('level').notNull(),
    code: text('code').notNull(),
    nameIt: text('name_it').notNull(),
    nameEn: text('name_en').notNull(),
    teamCode: text('team_code'),
    process: text('process').notNull().default('standard'),
    firstResponseMinutes: integer('first_response_minutes'),
    resolutionMinutes: integer('resolution_minutes'),
    /** Offered to citizens in the web form; staff-only details stay hidden there. */
    citizenVisible: boolean('citizen_visible').notNull().default(true),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('ticket_categories_code_idx').on(table.code),
    index('ticket_categories_parent_idx').on(table.parentId),
    check('ticket_categories_level_check', sql`${table.level} between 1 and 3`),
    check('ticket_categories_parent_check', sql`(${table.level} = 1) = (${table.parentId} is null)`),
    check(
      'ticket_categories_routing_check',
      sql`${table.level} < 3 or (${table.teamCode} is not null and ${table.firstResponseMinutes} > 0 and ${table.resolutionMinutes} > 0)`,
    ),
    check('ticket_categories_process_check', inList('process', TICKET_PROCESSES)),
  ],
)

/**
 * Whoever a ticket belongs to: a citizen known by fiscal code, or an anonymous contact known by
 * an e-mail address or a phone number, which can later be merged into a citizen.
 */
export const ticketContacts = pgTable(
  'ticket_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fiscalCode: text('fiscal_code'),
    displayName: text('display_name').notNull().default(''),
    email: text('email'),
    emailVerified: boolean('email_verified').notNull().default(false),
    phone: text('phone'),
    /** Set when this anonymous contact turned out to be a known citizen: its tickets moved there. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => ticketContacts.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('ticket_contacts_fiscal_code_idx').on(table.fiscalCode),
    index('ticket_contacts_email_idx').on(sql`lower(${table.email})`),
    index('ticket_contacts_phone_idx').on(table.phone),
    // The 360° view finds the anonymous contacts merged into a citizen.
    index('ticket_contacts_merged_idx').on(table.mergedIntoId).where(sql`merged_into_id is not null`),
  ],
)

/** A case: one request of a contact, from any channel, worked by one team at a time. */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    /** What the citizen and the operator quote: `R` + year + readable code. */
    code: text('code').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => ticketContacts.id),
    channel: text('channel').notNull(),
    /** The triplet's detail; null until an operator classifies an e-mail or a social message. */
    categoryId: uuid('category_id').references(() => ticketCategories.id),
    teamCode: text('team_code').notNull(),
    assigneeStaffId: uuid('assignee_staff_id'),
    status: text('status').notNull(),
    subject: text('subject').notNull(),
    /** Set for tickets raised by a problem report, an appointment or an integration: their own id. */
    externalRef: text('external_ref'),
    firstResponseDueAt: at('first_response_due_at'),
    resolutionDueAt: at('resolution_due_at'),
    /** While waiting for the citizen the SLA clocks stop; the due times move on by the pause. */
    slaPausedAt: at('sla_paused_at'),
    firstRespondedAt: at('first_responded_at'),
    slaWarnedAt: at('sla_warned_at'),
    slaBreachedAt: at('sla_breached_at'),
    escalatedAt: at('escalated_at'),
    resolvedAt: at('resolved_at'),
    closedAt: at('closed_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => tickets.id),
    createdAt: createdAt(),
    lastActivityAt: at('last_activity_at').notNull().defaultNow(),
    /** Optimistic lock: every change bumps it, a stale console gets a 409. */
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('tickets_code_idx').on(table.code),
    index('tickets_contact_idx').on(table.contactId, table.createdAt),
    // The team queue: open tickets by what falls due first.
    index('tickets_team_queue_idx')
      .on(table.teamCode, table.resolutionDueAt)
      .where(sql`status not in ('resolved', 'closed')`),
    index('tickets_assignee_idx')
      .on(table.assigneeStaffId, table.resolutionDueAt)
      .where(sql`status not in ('resolved', 'closed')`),
    // The SLA watch reads only tickets whose clocks are running.
    index('tickets_sla_watch_idx')
      .on(table.resolutionDueAt)
      .where(sql`status not in ('resolved', 'closed', 'waiting-citizen') and sla_breached_at is null`),
    index('tickets_resolved_idx').on(table.resolvedAt).where(sql`status = 'resolved'`),
    uniqueIndex('tickets_external_ref_idx').on(table.channel, table.externalRef),
    check('tickets_channel_check', inList('channel', TICKET_CHANNELS)),
    check('tickets_status_check', inList('status', TICKET_STATUSES)),
  ],
)

/** The conversation: what the citizen wrote, the replies they see, and staff-only notes. */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** How the message came or went: web, email, phone, social, chatbot. */
    channel: text('channel').notNull(),
    authorStaffId: uuid('author_staff_id'),
    authorName: text('author_name').notNull().default(''),
    body: text('body').notNull(),
    /** The e-mail Message-ID, for threading replies by In-Reply-To and References. */
    emailMessageId: text('email_message_id'),
    createdAt: createdAt(),
  },
  (table) => [
    index('ticket_messages_ticket_idx').on(table.ticketId, table.createdAt),
    uniqueIndex('ticket_messages_email_idx').on(table.emailMessageId),
    check('ticket_messages_kind_check', inList('kind', MESSAGE_KINDS)),
  ],
)

/** Files attached to a message, kept through the files port; only the key is stored here. */
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id')
      .notNull()
      .references(() => ticketMessages.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('ticket_attachments_ticket_idx').on(table.ticketId)],
)

/** The ticket's history: status changes, assignments, forwards; `public` ones the citizen sees. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    teamCode: text('team_code'),
    staffId: uuid('staff_id'),
    note: text('note').notNull().default(''),
    public: boolean('public').notNull().default(false),
    occurredAt: at('occurred_at').notNull(),
  },
  (table) => [
    index('ticket_events_ticket_idx').on(table.ticketId, table.occurredAt),
    check('ticket_events_kind_check', inList('kind', TICKET_EVENT_KINDS)),
  ],
)

/** Inbound calls to the contact centre, logged by the operator who answered. */
export const contactCalls = pgTable(
  'contact_calls',
  {
    id: uuid('id').primaryKey(),
    /** Null for a caller who stayed anonymous. */
    contactId: uuid('contact_id').references(() => ticketContacts.id),
    operatorStaffId: uuid('operator_staff_id').notNull(),
    categoryId: uuid('category_id').references(() => ticketCategories.id),
    outcome: text('outcome').notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    bookingCode: text('booking_code'),
    notes: text('notes').notNull().default(''),
    callerPhone: text('caller_phone'),
    startedAt: at('started_at').notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    /** From the telephony system: the queue wait before an operator answered. */
    waitSeconds: integer('wait_seconds'),
    telephonyCallId: text('telephony_call_id'),
    createdAt: createdAt(),
  },
  (table) => [
    index('contact_calls_contact_idx').on(table.contactId, table.startedAt),
    index('contact_calls_started_idx').on(table.startedAt),
    uniqueIndex('contact_calls_telephony_idx').on(table.telephonyCallId),
    check('contact_calls_outcome_check', inList('outcome', CALL_OUTCOMES)),
    check('contact_calls_duration_check', sql`${table.durationSeconds} >= 0`),
  ],
)

/**
 * Wait times the telephony system reports before (or without) the operator logging the call:
 * matched to the call by its telephony id.
 */
export const telephonyWaits = pgTable('telephony_waits', {
  telephonyCallId: text('telephony_call_id').primaryKey(),
  waitSeconds: integer('wait_seconds').notNull(),
  callerPhone: text('caller_phone'),
  queue: text('queue'),
  receivedAt: at('received_at').notNull(),
})

/** Ready answers per triplet (or for every ticket when no category), with placeholders. */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id').references(() => ticketCategories.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    bodyIt: text('body_it').notNull(),
    bodyEn: text('body_en').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (table) => [index('canned_replies_category_idx').on(table.categoryId)],
)

/**
 * A code sent to an e-mail address so someone without SPID can write to the city or report a
 * problem: the address counts as verified once the code comes back. Codes and tokens are stored
 * only as hashes.
 */
export const anonymousEmailChallenges = pgTable(
  'anonymous_email_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    expiresAt: at('expires_at').notNull(),
    /** Given once the code matched; the form sends it back with the request. */
    proofHash: text('proof_hash'),
    verifiedAt: at('verified_at'),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (table) => [
    index('anonymous_email_challenges_email_idx').on(sql`lower(${table.email})`, table.createdAt),
    uniqueIndex('anonymous_email_challenges_proof_idx').on(table.proofHash),
  ],
)

/** How a team's new tickets are assigned: by claim from the queue, or by rule to the least loaded member. */
export const ticketTeamSettings = pgTable(
  'ticket_team_settings',
  {
    teamCode: text('team_code').primaryKey(),
    assignment: text('assignment').notNull().default('claim'),
    /** Who hears of breaches: the team's supervisors when empty. */
    escalationEmail: text('escalation_email'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    check('ticket_team_settings_assignment_check', sql`${table.assignment} in ('claim', 'least-loaded')`),
  ],
)
