import { and, asc, desc, eq, gte, inArray, isNotNull, lt, notInArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Queryable } from '../../db/client.js'
import { OFF_AGENDA_STATUSES } from './desk-policy.js'
import {
  appointmentBookings,
  appointmentCounterServices,
  appointmentCounters,
  appointmentDailyTickets,
  appointmentOffices,
  appointmentServices,
} from './tables.js'

const calledToCounters = alias(appointmentCounters, 'called_to_counters')

export async function listDeskOffices(db: Queryable) {
  return db
    .select({ id: appointmentOffices.id, name: appointmentOffices.name, address: appointmentOffices.address })
    .from(appointmentOffices)
    .orderBy(asc(appointmentOffices.name))
}

/** Every counter with the services it serves, counters in name order. */
export async function listCounterServices(db: Queryable) {
  return db
    .select({
      counterId: appointmentCounters.id,
      officeId: appointmentCounters.officeId,
      counterName: appointmentCounters.name,
      serviceId: appointmentServices.id,
      serviceName: appointmentServices.name,
    })
    .from(appointmentCounters)
    .leftJoin(appointmentCounterServices, eq(appointmentCounterServices.counterId, appointmentCounters.id))
    .leftJoin(appointmentServices, eq(appointmentServices.id, appointmentCounterServices.serviceId))
    .orderBy(asc(appointmentCounters.name), asc(appointmentServices.name))
}

export async function findDeskOffice(db: Queryable, id: string) {
  const [row] = await db
    .select({ id: appointmentOffices.id, name: appointmentOffices.name })
    .from(appointmentOffices)
    .where(eq(appointmentOffices.id, id))
  return row ?? null
}

export async function findDeskCounter(db: Queryable, id: string) {
  const [row] = await db
    .select({
      id: appointmentCounters.id,
      officeId: appointmentCounters.officeId,
      name: appointmentCounters.name,
    })
    .from(appointmentCounters)
    .where(eq(appointmentCounters.id, id))
  return row ?? null
}

const deskBookingColumns = {
  booking: appointmentBookings,
  serviceName: appointmentServices.name,
  counterName: appointmentCounters.name,
  calledToCounterName: calledToCounters.name,
}

function deskBookings(db: Queryable) {
  return db
    .select(deskBookingColumns)
    .from(appointmentBookings)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointmentBookings.serviceId))
    .innerJoin(appointmentCounters, eq(appointmentCounters.id, appointmentBookings.counterId))
    .leftJoin(calledToCounters, eq(calledToCounters.id, appointmentBookings.calledToCounterId))
}

export type DeskBookingRow = NonNullable<Awaited<ReturnType<typeof findDeskBooking>>>

/** One booking with the names the desk shows beside it. */
export async function findDeskBooking(db: Queryable, id: string) {
  const [row] = await deskBookings(db).where(eq(appointmentBookings.id, id))
  return row ?? null
}

/** The bookings of an office's day that still hold counter time, by start. */
export async function listAgendaBookings(db: Queryable, officeId: string, from: Date, to: Date) {
  return deskBookings(db)
    .where(
      and(
        eq(appointmentBookings.officeId, officeId),
        gte(appointmentBookings.startsAt, from),
        lt(appointmentBookings.startsAt, to),
        notInArray(appointmentBookings.status, [...OFF_AGENDA_STATUSES]),
      ),
    )
    .orderBy(asc(appointmentBookings.startsAt), asc(appointmentCounters.name))
}

/**
 * The next ticket of an office's day. The upsert takes the row's lock, so concurrent check-ins
 * get consecutive numbers one after the other and none is skipped.
 */
export async function takeNextTicket(db: Queryable, officeId: string, day: string): Promise<number> {
  const [row] = await db
    .insert(appointmentDailyTickets)
    .values({ officeId, day, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [appointmentDailyTickets.officeId, appointmentDailyTickets.day],
      set: { lastNumber: sql.raw('appointment_daily_tickets.last_number + 1') },
    })
    .returning({ lastNumber: appointmentDailyTickets.lastNumber })
  if (!row) throw new Error('ticket not taken')
  return row.lastNumber
}

/**
 * Locks the first citizen checked in at the office today for one of the counter's services, by
 * booked start then arrival. Rows another counter is locking are skipped, not waited for, so two
 * counters calling at once take two different people.
 */
export async function lockNextWaiting(
  db: Queryable,
  counterId: string,
  officeId: string,
  from: Date,
  to: Date,
) {
  const [row] = await db
    .select({ id: appointmentBookings.id })
    .from(appointmentBookings)
    .where(
      and(
        eq(appointmentBookings.officeId, officeId),
        eq(appointmentBookings.status, 'checked-in'),
        gte(appointmentBookings.startsAt, from),
        lt(appointmentBookings.startsAt, to),
        inArray(
          appointmentBookings.serviceId,
          db
            .select({ serviceId: appointmentCounterServices.serviceId })
            .from(appointmentCounterServices)
            .where(eq(appointmentCounterServices.counterId, counterId)),
        ),
      ),
    )
    .orderBy(asc(appointmentBookings.startsAt), asc(appointmentBookings.checkedInAt))
    .limit(1)
    .for('update', { skipLocked: true })
  return row?.id ?? null
}

/** How many are checked in at the office today and not yet called. */
export async function countWaiting(db: Queryable, officeId: string, from: Date, to: Date) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(appointmentBookings)
    .where(
      and(
        eq(appointmentBookings.officeId, officeId),
        eq(appointmentBookings.status, 'checked-in'),
        gte(appointmentBookings.startsAt, from),
        lt(appointmentBookings.startsAt, to),
      ),
    )
  return row?.count ?? 0
}

/** The office's latest calls of the day, the latest first, with the counter each was called to. */
export async function listRecentCalls(db: Queryable, officeId: string, from: Date, to: Date, limit: number) {
  return db
    .select({
      ticketNumber: appointmentBookings.ticketNumber,
      calledAt: appointmentBookings.calledAt,
      counterName: appointmentCounters.name,
    })
    .from(appointmentBookings)
    .innerJoin(appointmentCounters, eq(appointmentCounters.id, appointmentBookings.calledToCounterId))
    .where(
      and(
        eq(appointmentBookings.officeId, officeId),
        isNotNull(appointmentBookings.ticketNumber),
        gte(appointmentBookings.calledAt, from),
        lt(appointmentBookings.calledAt, to),
      ),
    )
    .orderBy(desc(appointmentBookings.calledAt))
    .limit(limit)
}
