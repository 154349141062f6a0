import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { ServiceRow } from './repo.js'
import {
  appointmentClosures,
  appointmentCounterServices,
  appointmentCounters,
  appointmentHours,
  appointmentOffices,
  appointmentServices,
} from './tables.js'

/** The calendar's tables: offices, counters, services, the counters serving them, hours and closures. */
export async function insertOffice(db: Queryable, row: typeof appointmentOffices.$inferInsert) {
  const [inserted] = await db.insert(appointmentOffices).values(row).returning()
  if (!inserted) throw new Error('office not inserted')
  return inserted
}

export async function findOfficeByName(db: Queryable, name: string) {
  const [row] = await db.select().from(appointmentOffices).where(eq(appointmentOffices.name, name))
  return row ?? null
}

export async function insertCounter(db: Queryable, row: typeof appointmentCounters.$inferInsert) {
  const [inserted] = await db.insert(appointmentCounters).values(row).returning()
  if (!inserted) throw new Error('counter not inserted')
  return inserted
}

export async function insertService(db: Queryable, row: typeof appointmentServices.$inferInsert) {
  const [inserted] = await db.insert(appointmentServices).values(row).returning()
  if (!inserted) throw new Error('service not inserted')
  return inserted
}

export async function linkCounterServices(
  db: Queryable,
  rows: (typeof appointmentCounterServices.$inferInsert)[],
) {
  if (rows.length > 0) await db.insert(appointmentCounterServices).values(rows).onConflictDoNothing()
}

export async function insertHours(db: Queryable, rows: (typeof appointmentHours.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(appointmentHours).values(rows)
}

export async function insertClosure(db: Queryable, row: typeof appointmentClosures.$inferInsert) {
  await db.insert(appointmentClosures).values(row)
}

export async function listServices(db: Queryable) {
  return db.select().from(appointmentServices).orderBy(asc(appointmentServices.name))
}

export async function findService(db: Queryable, id: string): Promise<ServiceRow | null> {
  const [row] = await db.select().from(appointmentServices).where(eq(appointmentServices.id, id))
  return row ?? null
}

/** Offices offering each service: those with opening hours for it. */
export async function listOfferings(db: Queryable) {
  return db
    .selectDistinct({
      serviceId: appointmentHours.serviceId,
      officeId: appointmentOffices.id,
      name: appointmentOffices.name,
      address: appointmentOffices.address,
      accessibilityNotes: appointmentOffices.accessibilityNotes,
    })
    .from(appointmentHours)
    .innerJoin(appointmentOffices, eq(appointmentOffices.id, appointmentHours.officeId))
    .orderBy(asc(appointmentOffices.name))
}

/** What the slot search needs about one service, optionally at one office: three small reads. */
export async function loadCalendarRows(db: Queryable, serviceId: string, officeId?: string) {
  const [counters, hours, offices] = await Promise.all([
    db
      .select({ id: appointmentCounters.id, officeId: appointmentCounters.officeId })
      .from(appointmentCounterServices)
      .innerJoin(appointmentCounters, eq(appointmentCounters.id, appointmentCounterServices.counterId))
      .where(
        and(
          eq(appointmentCounterServices.serviceId, serviceId),
          officeId ? eq(appointmentCounters.officeId, officeId) : undefined,
        ),
      )
      .orderBy(asc(appointmentCounters.name)),
    db
      .select()
      .from(appointmentHours)
      .where(
        and(
          eq(appointmentHours.serviceId, serviceId),
          officeId ? eq(appointmentHours.officeId, officeId) : undefined,
        ),
      ),
    db
      .select({
        id: appointmentOffices.id,
        name: appointmentOffices.name,
        address: appointmentOffices.address,
      })
      .from(appointmentOffices)
      .where(officeId ? eq(appointmentOffices.id, officeId) : undefined)
      .orderBy(asc(appointmentOffices.name)),
  ])
  return { counters, hours, offices }
}

/** Closures touching [fromDate, toDate] of these offices or of the whole city. */
export async function listClosures(db: Queryable, officeIds: string[], fromDate: string, toDate: string) {
  return db
    .select()
    .from(appointmentClosures)
    .where(
      and(
        lte(appointmentClosures.fromDate, toDate),
        gte(appointmentClosures.toDate, fromDate),
        officeIds.length > 0
          ? or(isNull(appointmentClosures.officeId), inArray(appointmentClosures.officeId, officeIds))
          : isNull(appointmentClosures.officeId),
      ),
    )
}
