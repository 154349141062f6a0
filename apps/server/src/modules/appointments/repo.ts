import { and, asc, desc, eq, gt, gte, inArray, lt, ne, notInArray, or, type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { rowsOf } from '../../db/transaction.js'
import type { TimelinePage } from '../../platform/timeline-source.js'
import { ACTIVE_STATUSES, RELEASED_STATUSES } from './policy.js'
import {
  appointmentBookings,
  appointmentCounterClaims,
  appointmentCounters,
  appointmentOffices,
  appointmentServices,
} from './tables.js'

export type BookingRow = typeof appointmentBookings.$inferSelect
export type ServiceRow = typeof appointmentServices.$inferSelect
export type OfficeRow = typeof appointmentOffices.$inferSelect

// Serialises one citizen's bookings of one service, so two at once cannot both pass the limit
// (the two-key advisory lock: this namespace and a hash of citizen and service, both int4).
const CITIZEN_SERVICE_LOCK = 1_158_327_008

/** Counter time already taken in [from, to): one read for the whole range. */
export async function listBusy(db: Queryable, counterIds: readonly string[], from: Date, to: Date) {
  if (counterIds.length === 0) return []
  return db
    .select({
      bookingId: appointmentBookings.id,
      counterId: appointmentBookings.counterId,
      startsAt: appointmentBookings.startsAt,
      endsAt: appointmentBookings.endsAt,
    })
    .from(appointmentBookings)
    .where(
      and(
        inArray(appointmentBookings.counterId, [...counterIds]),
        notInArray(appointmentBookings.status, [...RELEASED_STATUSES]),
        lt(appointmentBookings.startsAt, to),
        gt(appointmentBookings.endsAt, from),
      ),
    )
}

const COUNTER_START_LOCK = 1_158_327_009

/**
 * Claims a counter's time for a booking in one statement, unless another transaction is claiming
 * that counter from the same start right now (a try-lock on counter and start): racers for one
 * time then move on to another counter, or to a 409, at once instead of queueing behind the one
 * who will win it. How many slices it now holds; the primary key still decides who holds them.
 */
export async function claimCounterTimeIfFree(
  db: Queryable,
  bookingId: string,
  counterId: string,
  starts: number[],
): Promise<number> {
  const instants = starts.map((at) => new Date(at).toISOString()).join(',')
  const claimed = rowsOf<{ starts_at: unknown }>(
    await db.execute(sql`
      insert into appointment_counter_claims (counter_id, starts_at, booking_id)
      select ${counterId}::uuid, slice, ${bookingId}::uuid
      from unnest(string_to_array(${instants}, ',')::timestamptz[]) as slice
      where pg_try_advisory_xact_lock(${COUNTER_START_LOCK}::int, hashtext(${`${counterId}:${starts[0]}`}))
      on conflict (counter_id, starts_at) do update set booking_id = excluded.booking_id
        where appointment_counter_claims.booking_id = excluded.booking_id
      returning starts_at`),
  )
  return claimed.length
}

/** Gives back what a booking holds on one counter (a claim that got only part of its time). */
export async function releaseCounterClaims(db: Queryable, bookingId: string, counterId: string) {
  await db
    .delete(appointmentCounterClaims)
    .where(
      and(
        eq(appointmentCounterClaims.bookingId, bookingId),
        eq(appointmentCounterClaims.counterId, counterId),
      ),
    )
}

export async function lockCitizenService(db: Queryable, fiscalCode: string, serviceId: string) {
  await db.execute(
    sql`select pg_advisory_xact_lock(${CITIZEN_SERVICE_LOCK}::int, hashtext(${`${fiscalCode}:${serviceId}`}))`,
  )
}

export async function countActiveBookings(db: Queryable, fiscalCode: string, serviceId: string, now: Date) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(appointmentBookings)
    .where(
      and(
        eq(appointmentBookings.citizenFiscalCode, fiscalCode),
        eq(appointmentBookings.serviceId, serviceId),
        inArray(appointmentBookings.status, [...ACTIVE_STATUSES]),
        gt(appointmentBookings.endsAt, now),
      ),
    )
  return row?.count ?? 0
}

export async function insertBooking(db: Queryable, row: typeof appointmentBookings.$inferInsert) {
  const [inserted] = await db.insert(appointmentBookings).values(row).returning()
  if (!inserted) throw new Error('booking not inserted')
  return inserted
}

/**
 * Claims a counter's time for a booking; how many of the slices it now holds. A slice held by
 * another booking stays theirs (a concurrent holder is waited for, then found taken); one the
 * same booking already holds, when a move overlaps the old time, counts as held.
 */
export async function claimCounterTime(
  db: Queryable,
  bookingId: string,
  counterId: string,
  starts: number[],
) {
  const claimed = await db
    .insert(appointmentCounterClaims)
    .values(starts.map((at) => ({ counterId, bookingId, startsAt: new Date(at) })))
    .onConflictDoUpdate({
      target: [appointmentCounterClaims.counterId, appointmentCounterClaims.startsAt],
      set: { bookingId: sql`excluded.booking_id` },
      setWhere: sql`${appointmentCounterClaims.bookingId} = excluded.booking_id`,
    })
    .returning({ startsAt: appointmentCounterClaims.startsAt })
  return claimed.length
}

/** Gives back a booking's counter time, except the slices of [keepFrom, keepTo) on `keepCounterId`. */
export async function releaseCounterTime(
  db: Queryable,
  bookingId: string,
  keep?: { counterId: string; from: Date; to: Date },
) {
  await db
    .delete(appointmentCounterClaims)
    .where(
      and(
        eq(appointmentCounterClaims.bookingId, bookingId),
        keep
          ? or(
              ne(appointmentCounterClaims.counterId, keep.counterId),
              lt(appointmentCounterClaims.startsAt, keep.from),
              gte(appointmentCounterClaims.startsAt, keep.to),
            )
          : undefined,
      ),
    )
}

export async function findBookingByCode(db: Queryable, code: string): Promise<BookingRow | null> {
  const [row] = await db.select().from(appointmentBookings).where(eq(appointmentBookings.code, code))
  return row ?? null
}

export async function lockBookingByCode(db: Queryable, code: string): Promise<BookingRow | null> {
  const [row] = await db
    .select()
    .from(appointmentBookings)
    .where(eq(appointmentBookings.code, code))
    .for('update')
  return row ?? null
}

export async function updateBooking(
  db: Queryable,
  id: string,
  change: Partial<Omit<BookingRow, 'id' | 'code' | 'citizenFiscalCode' | 'createdAt'>>,
) {
  await db.update(appointmentBookings).set(change).where(eq(appointmentBookings.id, id))
}

function selectListedBookings(db: Queryable) {
  return db
    .select({
      booking: appointmentBookings,
      serviceName: appointmentServices.name,
      documentsToBring: appointmentServices.documentsToBring,
      officeName: appointmentOffices.name,
      officeAddress: appointmentOffices.address,
      counterName: appointmentCounters.name,
    })
    .from(appointmentBookings)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointmentBookings.serviceId))
    .innerJoin(appointmentOffices, eq(appointmentOffices.id, appointmentBookings.officeId))
    .innerJoin(appointmentCounters, eq(appointmentCounters.id, appointmentBookings.counterId))
}

export type ListedBooking = Awaited<ReturnType<typeof listBookingsOf>>[number]

/** A citizen's bookings by appointment time, newest first; `before` continues an earlier page. */
export async function listBookingsOf(db: Queryable, fiscalCode: string, limit: number, before?: Date) {
  return selectListedBookings(db)
    .where(
      and(
        eq(appointmentBookings.citizenFiscalCode, fiscalCode),
        before ? lt(appointmentBookings.startsAt, before) : undefined,
      ),
    )
    .orderBy(desc(appointmentBookings.startsAt))
    .limit(limit)
}

/** A citizen's bookings by appointment time, newest first, as their part of the CRM's 360° view. */
export function bookingsTimelineSql(fiscalCode: string, page: TimelinePage): SQL {
  return sql`select 'appointment' as kind, ${appointmentBookings.startsAt} as at,
      ${appointmentBookings.code} as reference, ${appointmentBookings.status}::text as status,
      ${appointmentServices.name} as title, ${appointmentOffices.name} as detail,
      ${appointmentBookings.channel}::text as channel, null::int as amount_cents, null::text as team_code
    from ${appointmentBookings}
    join ${appointmentServices} on ${appointmentServices.id} = ${appointmentBookings.serviceId}
    join ${appointmentOffices} on ${appointmentOffices.id} = ${appointmentBookings.officeId}
    where ${appointmentBookings.citizenFiscalCode} = ${fiscalCode}
      ${page.before ? sql`and ${appointmentBookings.startsAt} < ${page.before.toISOString()}::timestamptz` : sql``}
    order by ${appointmentBookings.startsAt} desc
    limit ${page.limit}`
}

/** One booking with the names of its service, office and counter. */
export async function findListedBooking(db: Queryable, code: string): Promise<ListedBooking | null> {
  const [row] = await selectListedBookings(db).where(eq(appointmentBookings.code, code))
  return row ?? null
}

/** What a message about a booking names: the service, the office and what to bring. */
export async function findBookingPlace(db: Queryable, bookingId: string) {
  const [row] = await db
    .select({
      serviceName: appointmentServices.name,
      documentsToBring: appointmentServices.documentsToBring,
      officeName: appointmentOffices.name,
      officeAddress: appointmentOffices.address,
    })
    .from(appointmentBookings)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointmentBookings.serviceId))
    .innerJoin(appointmentOffices, eq(appointmentOffices.id, appointmentBookings.officeId))
    .where(eq(appointmentBookings.id, bookingId))
  return row ?? null
}

/** A citizen's appointments still to come (booked, offered or under way), soonest first. */
export async function listUpcomingBookingsOf(db: Queryable, fiscalCode: string, from: Date) {
  return db
    .select({
      id: appointmentBookings.id,
      code: appointmentBookings.code,
      status: appointmentBookings.status,
      startsAt: appointmentBookings.startsAt,
      endsAt: appointmentBookings.endsAt,
      serviceName: appointmentServices.name,
      officeName: appointmentOffices.name,
      officeAddress: appointmentOffices.address,
    })
    .from(appointmentBookings)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointmentBookings.serviceId))
    .innerJoin(appointmentOffices, eq(appointmentOffices.id, appointmentBookings.officeId))
    .where(
      and(
        eq(appointmentBookings.citizenFiscalCode, fiscalCode),
        inArray(appointmentBookings.status, ['booked', 'offered', 'checked-in', 'called']),
        gt(appointmentBookings.endsAt, from),
      ),
    )
    .orderBy(asc(appointmentBookings.startsAt))
    .limit(50)
}

/** Bookings still standing that start in [from, to), in pages ordered by start then id. */
export async function listBookedBetween(
  db: Queryable,
  range: { from: Date; to: Date; after?: { startsAt: Date; id: string }; limit: number },
) {
  return db
    .select({
      id: appointmentBookings.id,
      code: appointmentBookings.code,
      citizenFiscalCode: appointmentBookings.citizenFiscalCode,
      startsAt: appointmentBookings.startsAt,
    })
    .from(appointmentBookings)
    .where(
      and(
        eq(appointmentBookings.status, 'booked'),
        gte(appointmentBookings.startsAt, range.from),
        lt(appointmentBookings.startsAt, range.to),
        range.after
          ? or(
              gt(appointmentBookings.startsAt, range.after.startsAt),
              and(
                eq(appointmentBookings.startsAt, range.after.startsAt),
                gt(appointmentBookings.id, range.after.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(appointmentBookings.startsAt), asc(appointmentBookings.id))
    .limit(range.limit)
}
