import { and, asc, eq, gt, gte, inArray, lt, ne, notInArray, or, type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { RELEASED_STATUSES } from './policy.js'
import {
  appointmentBookings,
  appointmentClosures,
  appointmentCounterServices,
  appointmentCounters,
  appointmentHours,
  appointmentOffices,
  appointmentServices,
} from './tables.js'

export type ClosureRow = typeof appointmentClosures.$inferSelect

/** Bookings still holding time after `now`, and all bookings ever, that match `where`. */
async function countBookingsWhere(db: Queryable, where: SQL | undefined, now: Date) {
  const [row] = await db
    .select({
      future: sql<number>`count(*) filter (where ${and(
        gt(appointmentBookings.endsAt, now),
        notInArray(appointmentBookings.status, [...RELEASED_STATUSES]),
      )})::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(appointmentBookings)
    .where(where)
  return { future: row?.future ?? 0, total: row?.total ?? 0 }
}

export function countOfficeBookings(db: Queryable, officeId: string, now: Date) {
  return countBookingsWhere(db, eq(appointmentBookings.officeId, officeId), now)
}

export function countServiceBookings(db: Queryable, serviceId: string, now: Date) {
  return countBookingsWhere(db, eq(appointmentBookings.serviceId, serviceId), now)
}

export function countCounterBookings(db: Queryable, counterId: string, now: Date) {
  return countBookingsWhere(
    db,
    or(eq(appointmentBookings.counterId, counterId), eq(appointmentBookings.calledToCounterId, counterId)),
    now,
  )
}

/** Future bookings per office or per service, for the lists. */
export async function countFutureBookingsBy(db: Queryable, by: 'officeId' | 'serviceId', now: Date) {
  const column = appointmentBookings[by]
  const rows = await db
    .select({ id: column, count: sql<number>`count(*)::int` })
    .from(appointmentBookings)
    .where(
      and(
        gt(appointmentBookings.endsAt, now),
        notInArray(appointmentBookings.status, [...RELEASED_STATUSES]),
      ),
    )
    .groupBy(column)
  return new Map(rows.map((row) => [row.id, row.count]))
}

export async function listOfficesWithCounters(db: Queryable) {
  const offices = await db.select().from(appointmentOffices).orderBy(asc(appointmentOffices.name))
  const counters = await db.select().from(appointmentCounters).orderBy(asc(appointmentCounters.name))
  const links = await db.select().from(appointmentCounterServices)
  return { offices, counters, links }
}

export async function findOffice(db: Queryable, id: string) {
  const [row] = await db.select().from(appointmentOffices).where(eq(appointmentOffices.id, id))
  return row ?? null
}

/** Names compare without regard to case: "Municipio 8" and "municipio 8" are the same office. */
export async function findOfficeNamed(db: Queryable, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: appointmentOffices.id })
    .from(appointmentOffices)
    .where(
      and(
        sql`lower(${appointmentOffices.name}) = lower(${name})`,
        exceptId ? ne(appointmentOffices.id, exceptId) : undefined,
      ),
    )
  return row ?? null
}

export async function updateOffice(
  db: Queryable,
  id: string,
  change: Pick<typeof appointmentOffices.$inferInsert, 'name' | 'address' | 'accessibilityNotes'>,
) {
  const [row] = await db
    .update(appointmentOffices)
    .set(change)
    .where(eq(appointmentOffices.id, id))
    .returning()
  return row ?? null
}

export async function deleteOffice(db: Queryable, id: string) {
  await db.delete(appointmentOffices).where(eq(appointmentOffices.id, id))
}

export async function findCounter(db: Queryable, id: string) {
  const [row] = await db.select().from(appointmentCounters).where(eq(appointmentCounters.id, id))
  return row ?? null
}

export async function findCounterNamed(db: Queryable, officeId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: appointmentCounters.id })
    .from(appointmentCounters)
    .where(
      and(
        eq(appointmentCounters.officeId, officeId),
        sql`lower(${appointmentCounters.name}) = lower(${name})`,
        exceptId ? ne(appointmentCounters.id, exceptId) : undefined,
      ),
    )
  return row ?? null
}

export async function renameCounter(db: Queryable, id: string, name: string) {
  await db.update(appointmentCounters).set({ name }).where(eq(appointmentCounters.id, id))
}

export async function listCounterServiceIds(db: Queryable, counterId: string) {
  const rows = await db
    .select({ serviceId: appointmentCounterServices.serviceId })
    .from(appointmentCounterServices)
    .where(eq(appointmentCounterServices.counterId, counterId))
  return rows.map((row) => row.serviceId)
}

export async function replaceCounterServices(
  db: Queryable,
  counterId: string,
  serviceIds: readonly string[],
) {
  await db.delete(appointmentCounterServices).where(eq(appointmentCounterServices.counterId, counterId))
  if (serviceIds.length > 0)
    await db
      .insert(appointmentCounterServices)
      .values(serviceIds.map((serviceId) => ({ counterId, serviceId })))
}

export async function deleteCounter(db: Queryable, id: string) {
  await db.delete(appointmentCounters).where(eq(appointmentCounters.id, id))
}

export async function findExistingServiceIds(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>()
  const rows = await db
    .select({ id: appointmentServices.id })
    .from(appointmentServices)
    .where(inArray(appointmentServices.id, [...ids]))
  return new Set(rows.map((row) => row.id))
}

export async function findServiceNamed(db: Queryable, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: appointmentServices.id })
    .from(appointmentServices)
    .where(
      and(
        sql`lower(${appointmentServices.name}) = lower(${name})`,
        exceptId ? ne(appointmentServices.id, exceptId) : undefined,
      ),
    )
  return row ?? null
}

export async function updateService(
  db: Queryable,
  id: string,
  change: Omit<typeof appointmentServices.$inferInsert, 'id' | 'createdAt'>,
) {
  const [row] = await db
    .update(appointmentServices)
    .set(change)
    .where(eq(appointmentServices.id, id))
    .returning()
  return row ?? null
}

export async function deleteService(db: Queryable, id: string) {
  await db.delete(appointmentServices).where(eq(appointmentServices.id, id))
}

export async function listHoursOfOffice(db: Queryable, officeId: string) {
  return db
    .select()
    .from(appointmentHours)
    .where(eq(appointmentHours.officeId, officeId))
    .orderBy(asc(appointmentHours.weekday), asc(appointmentHours.opensAt))
}

export async function replaceHours(
  db: Queryable,
  officeId: string,
  serviceId: string,
  ranges: readonly { weekday: number; opensAt: string; closesAt: string }[],
) {
  await db
    .delete(appointmentHours)
    .where(and(eq(appointmentHours.officeId, officeId), eq(appointmentHours.serviceId, serviceId)))
  if (ranges.length > 0)
    await db.insert(appointmentHours).values(ranges.map((range) => ({ ...range, officeId, serviceId })))
}

/** Starts of the bookings still ahead at an office, optionally for one service only. */
export async function listFutureBookingTimes(
  db: Queryable,
  filter: { officeId?: string | null; serviceId?: string; from: Date; to?: Date },
) {
  return db
    .select({ startsAt: appointmentBookings.startsAt, endsAt: appointmentBookings.endsAt })
    .from(appointmentBookings)
    .where(
      and(
        filter.officeId ? eq(appointmentBookings.officeId, filter.officeId) : undefined,
        filter.serviceId ? eq(appointmentBookings.serviceId, filter.serviceId) : undefined,
        notInArray(appointmentBookings.status, [...RELEASED_STATUSES]),
        gte(appointmentBookings.startsAt, filter.from),
        filter.to ? lt(appointmentBookings.startsAt, filter.to) : undefined,
      ),
    )
}

/** Closures still running or ahead on `fromDate`, the nearest first. */
export async function listClosuresFrom(db: Queryable, fromDate: string) {
  return db
    .select({ closure: appointmentClosures, officeName: appointmentOffices.name })
    .from(appointmentClosures)
    .leftJoin(appointmentOffices, eq(appointmentOffices.id, appointmentClosures.officeId))
    .where(gte(appointmentClosures.toDate, fromDate))
    .orderBy(asc(appointmentClosures.fromDate), asc(appointmentClosures.toDate))
}

export async function insertClosureReturning(db: Queryable, row: typeof appointmentClosures.$inferInsert) {
  const [inserted] = await db.insert(appointmentClosures).values(row).returning()
  if (!inserted) throw new Error('closure not inserted')
  return inserted
}

export async function deleteClosure(db: Queryable, id: string): Promise<ClosureRow | null> {
  const [row] = await db.delete(appointmentClosures).where(eq(appointmentClosures.id, id)).returning()
  return row ?? null
}
