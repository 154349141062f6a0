import { and, asc, desc, eq, ne, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { WaitlistStatus } from './policy.js'
import {
  appointmentBookings,
  appointmentOffices,
  appointmentServices,
  appointmentWaitlist,
} from './tables.js'

export type WaitlistRow = typeof appointmentWaitlist.$inferSelect

/** A place in line; null when the citizen already waits for that day. */
export async function insertWaitlistEntry(db: Queryable, row: typeof appointmentWaitlist.$inferInsert) {
  const [inserted] = await db.insert(appointmentWaitlist).values(row).onConflictDoNothing().returning()
  return inserted ?? null
}

/**
 * The first still waiting for a service at an office on a day, locked; entries another
 * transaction is offering are skipped rather than waited for.
 */
export async function lockFirstWaiting(
  db: Queryable,
  line: { serviceId: string; officeId: string; day: string },
  notCitizen: string,
) {
  const [row] = await db
    .select()
    .from(appointmentWaitlist)
    .where(
      and(
        eq(appointmentWaitlist.serviceId, line.serviceId),
        eq(appointmentWaitlist.officeId, line.officeId),
        eq(appointmentWaitlist.day, line.day),
        eq(appointmentWaitlist.status, 'waiting'),
        ne(appointmentWaitlist.citizenFiscalCode, notCitizen),
      ),
    )
    .orderBy(asc(appointmentWaitlist.createdAt), asc(appointmentWaitlist.id))
    .limit(1)
    .for('update', { skipLocked: true })
  return row ?? null
}

export async function updateWaitlistEntry(
  db: Queryable,
  id: string,
  change: { status: WaitlistStatus; offeredBookingId?: string | null; updatedAt: Date },
) {
  await db.update(appointmentWaitlist).set(change).where(eq(appointmentWaitlist.id, id))
}

export async function closeWaitlistOffer(db: Queryable, bookingId: string, status: WaitlistStatus, at: Date) {
  await db
    .update(appointmentWaitlist)
    .set({ status, updatedAt: at })
    .where(
      and(eq(appointmentWaitlist.offeredBookingId, bookingId), eq(appointmentWaitlist.status, 'offered')),
    )
}

/** Leaves the line: only while still waiting, and only one's own entry. */
export async function leaveWaitlistEntry(db: Queryable, id: string, fiscalCode: string, at: Date) {
  const left = await db
    .update(appointmentWaitlist)
    .set({ status: 'left', updatedAt: at })
    .where(
      and(
        eq(appointmentWaitlist.id, id),
        eq(appointmentWaitlist.citizenFiscalCode, fiscalCode),
        eq(appointmentWaitlist.status, 'waiting'),
      ),
    )
    .returning({ id: appointmentWaitlist.id })
  return left.length > 0
}

export async function listWaitlistOf(db: Queryable, fiscalCode: string, limit: number) {
  return db
    .select({
      entry: appointmentWaitlist,
      serviceName: appointmentServices.name,
      officeName: appointmentOffices.name,
      offeredCode: appointmentBookings.code,
      /** How many wait ahead in the same line, read with the entry rather than once per entry. */
      ahead: sql<number>`(
        select count(*)::int from appointment_waitlist ahead
        where ahead.service_id = ${appointmentWaitlist.serviceId}
          and ahead.office_id = ${appointmentWaitlist.officeId}
          and ahead.day = ${appointmentWaitlist.day}
          and ahead.status = 'waiting'
          and ahead.created_at < ${appointmentWaitlist.createdAt})`,
    })
    .from(appointmentWaitlist)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointmentWaitlist.serviceId))
    .innerJoin(appointmentOffices, eq(appointmentOffices.id, appointmentWaitlist.officeId))
    .leftJoin(appointmentBookings, eq(appointmentBookings.id, appointmentWaitlist.offeredBookingId))
    .where(eq(appointmentWaitlist.citizenFiscalCode, fiscalCode))
    .orderBy(desc(appointmentWaitlist.createdAt))
    .limit(limit)
}

export async function lockBookingById(db: Queryable, id: string) {
  const [row] = await db
    .select()
    .from(appointmentBookings)
    .where(eq(appointmentBookings.id, id))
    .for('update')
  return row ?? null
}

/** Deletes a held booking that could not claim its time (inside the savepoint that made it). */
export async function deleteBooking(db: Queryable, id: string) {
  await db.delete(appointmentBookings).where(sql`${appointmentBookings.id} = ${id}`)
}
