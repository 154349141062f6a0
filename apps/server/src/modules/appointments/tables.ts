import { sql } from 'drizzle-orm'
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { BOOKING_CHANNELS, BOOKING_STATUSES, CLAIM_MINUTES, WAITLIST_STATUSES } from './policy.js'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(', ')})`)

/** A city office (sede) where citizens are received. */
export const appointmentOffices = pgTable(
  'appointment_offices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    accessibilityNotes: text('accessibility_notes').notNull().default(''),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('appointment_offices_name_idx').on(table.name)],
)

/** A counter (sportello) of an office: one citizen at a time. */
export const appointmentCounters = pgTable(
  'appointment_counters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => appointmentOffices.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('appointment_counters_name_idx').on(table.officeId, table.name)],
)

/** A service one books a meeting for, with its length and booking window. */
export const appointmentServices = pgTable(
  'appointment_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    documentsToBring: text('documents_to_bring').array().notNull().default(sql`'{}'::text[]`),
    maxActivePerCitizen: integer('max_active_per_citizen').notNull().default(1),
    minNoticeHours: integer('min_notice_hours').notNull().default(2),
    maxDaysAhead: integer('max_days_ahead').notNull().default(60),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('appointment_services_name_idx').on(table.name),
    // Bookings hold counter time in whole claims, so a duration is a multiple of one.
    check(
      'appointment_services_duration_check',
      sql.raw(`duration_minutes > 0 and duration_minutes <= 480 and duration_minutes % ${CLAIM_MINUTES} = 0`),
    ),
    check(
      'appointment_services_limits_check',
      sql`max_active_per_citizen > 0 and min_notice_hours >= 0 and max_days_ahead > 0`,
    ),
  ],
)

/** Which counters serve which service: capacity at a time is the number of them free then. */
export const appointmentCounterServices = pgTable(
  'appointment_counter_services',
  {
    counterId: uuid('counter_id')
      .notNull()
      .references(() => appointmentCounters.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => appointmentServices.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.counterId, table.serviceId] }),
    index('appointment_counter_services_service_idx').on(table.serviceId),
  ],
)

/** Weekly opening hours of an office for a service (Europe/Rome wall-clock time; 1 = Monday). */
export const appointmentHours = pgTable(
  'appointment_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => appointmentOffices.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => appointmentServices.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opensAt: time('opens_at').notNull(),
    closesAt: time('closes_at').notNull(),
  },
  (table) => [
    index('appointment_hours_service_idx').on(table.serviceId, table.officeId),
    check('appointment_hours_weekday_check', sql`weekday between 1 and 7`),
    check('appointment_hours_order_check', sql`opens_at < closes_at`),
    check(
      'appointment_hours_grid_check',
      sql.raw(
        `extract(minute from opens_at)::int % ${CLAIM_MINUTES} = 0 and extract(second from opens_at) = 0`,
      ),
    ),
  ],
)

/** Days an office (or, without one, every office) is closed, both ends included. */
export const appointmentClosures = pgTable(
  'appointment_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id').references(() => appointmentOffices.id, { onDelete: 'cascade' }),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('appointment_closures_range_idx').on(table.toDate),
    check('appointment_closures_order_check', sql`from_date <= to_date`),
  ],
)

export const appointmentBookings = pgTable(
  'appointment_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What the citizen reads out at the counter and types in links. */
    code: text('code').notNull(),
    citizenFiscalCode: text('citizen_fiscal_code').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => appointmentServices.id),
    officeId: uuid('office_id')
      .notNull()
      .references(() => appointmentOffices.id),
    counterId: uuid('counter_id')
      .notNull()
      .references(() => appointmentCounters.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('booked'),
    channel: text('channel').notNull(),
    reason: text('reason').notNull().default(''),
    notes: text('notes').notNull().default(''),
    contact: text('contact').notNull().default(''),
    /** SHA-256 of the secret in the e-mail's cancel and move links; the secret itself is never kept. */
    manageTokenHash: text('manage_token_hash'),
    /** The staff member who booked on the citizen's behalf (contact centre, counter). */
    bookedByStaffId: uuid('booked_by_staff_id'),
    /** Until when an `offered` slot waits for the citizen at the head of the waiting list. */
    heldUntil: timestamp('held_until', { withTimezone: true }),
    /** The number called on the office's display, given at check-in (per office and day). */
    ticketNumber: integer('ticket_number'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    calledAt: timestamp('called_at', { withTimezone: true }),
    /** The counter the citizen was called to, which may differ from the one booked. */
    calledToCounterId: uuid('called_to_counter_id').references(() => appointmentCounters.id),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('appointment_bookings_code_idx').on(table.code),
    index('appointment_bookings_held_idx').on(table.heldUntil).where(sql`status = 'offered'`),
    index('appointment_bookings_citizen_idx').on(table.citizenFiscalCode, table.startsAt),
    index('appointment_bookings_office_idx').on(table.officeId, table.startsAt),
    check('appointment_bookings_status_check', inList('status', BOOKING_STATUSES)),
    check('appointment_bookings_channel_check', inList('channel', BOOKING_CHANNELS)),
    check('appointment_bookings_order_check', sql`starts_at < ends_at`),
  ],
)

/**
 * The guarantee against double booking. Each row is one CLAIM_MINUTES slice of one counter's time,
 * held by one booking; the primary key lets no slice be held twice, whatever the durations of the
 * services sharing the counter. A plain unique key needs no extension (an exclusion constraint
 * over ranges would need btree_gist), so PGlite and PostgreSQL enforce it alike. Cancelling
 * deletes the booking's claims; a losing racer's insert finds the key taken and claims nothing.
 */
export const appointmentCounterClaims = pgTable(
  'appointment_counter_claims',
  {
    counterId: uuid('counter_id')
      .notNull()
      .references(() => appointmentCounters.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => appointmentBookings.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.counterId, table.startsAt] }),
    index('appointment_counter_claims_booking_idx').on(table.bookingId),
  ],
)

/** The next ticket number of an office's day, taken at check-in under the row's lock. */
export const appointmentDailyTickets = pgTable(
  'appointment_daily_tickets',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => appointmentOffices.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (table) => [primaryKey({ columns: [table.officeId, table.day] })],
)

/**
 * Citizens waiting for a full day at an office. When time is freed that day, the first in line is
 * offered it as a held booking (status `offered`) for a limited time.
 */
export const appointmentWaitlist = pgTable(
  'appointment_waitlist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    citizenFiscalCode: text('citizen_fiscal_code').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => appointmentServices.id, { onDelete: 'cascade' }),
    officeId: uuid('office_id')
      .notNull()
      .references(() => appointmentOffices.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    status: text('status').notNull().default('waiting'),
    /** The held booking offered to this entry, while offered or once taken. */
    offeredBookingId: uuid('offered_booking_id').references(() => appointmentBookings.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('appointment_waitlist_line_idx').on(table.serviceId, table.officeId, table.day, table.createdAt),
    // One place in a line per citizen while waiting or offered.
    uniqueIndex('appointment_waitlist_once_idx')
      .on(table.citizenFiscalCode, table.serviceId, table.officeId, table.day)
      .where(sql`status in ('waiting', 'offered')`),
    check('appointment_waitlist_status_check', inList('status', WAITLIST_STATUSES)),
  ],
)
