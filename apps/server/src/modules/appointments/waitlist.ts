import { TransactionRollbackError } from 'drizzle-orm'
import type { Queryable, Transaction } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import { type AnnounceDeps, announceBooking } from './announce.js'
import { bookingFor, checkCitizenLimit, newBookingCode, newManageToken, OWN } from './booking-access.js'
import { findService } from './calendar-repo.js'
import { bookedOut } from './listings.js'
import { bookingWindow, claimStarts, isClosedOn, offerHoldUntil, type WaitlistStatus } from './policy.js'
import {
  type BookingRow,
  claimCounterTime,
  insertBooking,
  lockBookingByCode,
  releaseCounterTime,
  updateBooking,
} from './repo.js'
import { findFreeSlots, loadServiceCalendar } from './search.js'
import {
  closeWaitlistOffer,
  deleteBooking,
  insertWaitlistEntry,
  leaveWaitlistEntry,
  listWaitlistOf,
  lockBookingById,
  lockFirstWaiting,
  updateWaitlistEntry,
} from './waitlist-repo.js'

export const OFFER_EXPIRY_JOB = 'appointments.offer-expiry'

type WaitlistContext = ServiceContext & AnnounceDeps

function citizenOf(ctx: ServiceContext) {
  if (ctx.actor.type !== 'citizen')
    throw new AppError('FORBIDDEN', { messageKey: 'appointments.citizens-only' })
  return ctx.actor
}

/**
 * Joins the waiting list of a full day. A day with free times is refused (book one instead), as is
 * a day the office is closed or outside the booking window.
 */
export async function joinWaitlist(
  ctx: ServiceContext,
  input: { serviceId: string; officeId: string; date: string },
) {
  const citizen = citizenOf(ctx)
  const now = ctx.clock.now()
  const calendar = await loadServiceCalendar(ctx.db, input.serviceId, now, input.officeId)
  const office = calendar.offices.find((candidate) => candidate.officeId === input.officeId)
  if (!office) throw new AppError('NOT_FOUND', { messageKey: 'appointments.not-offered' })
  const today = romeCalendarDate(now)
  if (input.date < today || input.date > bookingWindow(calendar.service, now.getTime()).lastDate) {
    throw new AppError('VALIDATION_FAILED', { messageKey: 'appointments.too-far' })
  }
  if (isClosedOn(office, input.date, calendar.isHoliday)) {
    throw new AppError('VALIDATION_FAILED', { messageKey: 'appointments.closed' })
  }
  const free = await findFreeSlots(
    ctx.db,
    { ...calendar, offices: [office], counterIds: [...office.counterIds] },
    {
      now,
      fromDate: input.date,
      toDate: input.date,
      limit: 1,
    },
  )
  if (free.length > 0) throw new AppError('CONFLICT', { messageKey: 'appointments.day-not-full' })
  return inTransaction(ctx.db, async (tx) => {
    await checkCitizenLimit(tx, citizen.fiscalCode, calendar.service, now)
    const entry = await insertWaitlistEntry(tx, {
      citizenFiscalCode: citizen.fiscalCode,
      serviceId: input.serviceId,
      officeId: input.officeId,
      day: input.date,
      createdAt: now,
      updatedAt: now,
    })
    if (!entry) throw new AppError('CONFLICT', { messageKey: 'appointments.already-waiting' })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'appointments.waitlist-joined',
      subjectType: 'person',
      subjectId: citizen.fiscalCode,
      details: { serviceId: input.serviceId, officeId: input.officeId, day: input.date },
    })
    return { id: entry.id }
  })
}

export async function listMyWaitlist(ctx: ServiceContext) {
  const citizen = citizenOf(ctx)
  const rows = await listWaitlistOf(ctx.db, citizen.fiscalCode, 50)
  return rows.map(({ entry, serviceName, officeName, offeredCode, ahead }) => ({
    id: entry.id,
    status: entry.status as WaitlistStatus,
    service: { id: entry.serviceId, name: serviceName },
    office: { id: entry.officeId, name: officeName },
    date: entry.day,
    position: entry.status === 'waiting' ? ahead + 1 : null,
    offeredCode: entry.status === 'offered' ? offeredCode : null,
    createdAt: entry.createdAt.toISOString(),
  }))
}

export async function leaveWaitlist(ctx: ServiceContext, id: string) {
  const citizen = citizenOf(ctx)
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    if (!(await leaveWaitlistEntry(tx, id, citizen.fiscalCode, now))) {
      throw new AppError('NOT_FOUND', { messageKey: 'appointments.not-waiting' })
    }
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'appointments.waitlist-left',
      subjectType: 'person',
      subjectId: citizen.fiscalCode,
      details: { entryId: id },
    })
  })
}

export async function closeOffer(tx: Queryable, bookingId: string, status: WaitlistStatus, at: Date) {
  await closeWaitlistOffer(tx, bookingId, status, at)
}

/**
 * Time given back by a cancellation, a move or a lapsed offer goes first to the head of that
 * day's waiting list: held for them as an `offered` booking on the same counter until a deadline,
 * in the caller's transaction. Time too close to offer is simply left free for anyone.
 */
export async function offerFreedTime(
  tx: Transaction,
  ctx: WaitlistContext,
  freed: Pick<
    BookingRow,
    'serviceId' | 'officeId' | 'counterId' | 'startsAt' | 'endsAt' | 'citizenFiscalCode'
  >,
  options: { keep?: { counterId: string; startsAt: Date; endsAt: Date } } = {},
): Promise<void> {
  const keep = options.keep
  if (
    keep &&
    keep.counterId === freed.counterId &&
    keep.startsAt < freed.endsAt &&
    keep.endsAt > freed.startsAt
  ) {
    return // a move overlapping its own old time frees only part of it: nothing whole to offer
  }
  const now = ctx.clock.now()
  const heldUntil = offerHoldUntil(freed.startsAt.getTime(), now.getTime())
  if (heldUntil === null) return
  const line = { serviceId: freed.serviceId, officeId: freed.officeId, day: romeCalendarDate(freed.startsAt) }
  const entry = await lockFirstWaiting(tx, line, freed.citizenFiscalCode)
  if (!entry) return
  const held = await holdTime(tx, {
    citizenFiscalCode: entry.citizenFiscalCode,
    serviceId: freed.serviceId,
    officeId: freed.officeId,
    counterId: freed.counterId,
    startsAt: freed.startsAt,
    endsAt: freed.endsAt,
    heldUntil: new Date(heldUntil),
    now,
  })
  if (!held) return
  await updateWaitlistEntry(tx, entry.id, { status: 'offered', offeredBookingId: held.id, updatedAt: now })
  await recordAudit(tx, ctx.actor, ctx.meta, now, {
    action: 'appointments.offered',
    subjectType: 'person',
    subjectId: entry.citizenFiscalCode,
    details: {
      code: held.code,
      startsAt: held.startsAt.toISOString(),
      heldUntil: held.heldUntil?.toISOString(),
    },
  })
  await announceBooking(tx, ctx, 'offered', held, { dedupeSuffix: held.id })
  await ctx.jobs.enqueue(
    tx,
    OFFER_EXPIRY_JOB,
    { bookingId: held.id },
    { startAfter: held.heldUntil ?? new Date(heldUntil), id: held.id },
  )
}

/** A held booking claiming the freed time, in a savepoint: if the time is gone, nothing stays. */
async function holdTime(
  tx: Transaction,
  hold: {
    citizenFiscalCode: string
    serviceId: string
    officeId: string
    counterId: string
    startsAt: Date
    endsAt: Date
    heldUntil: Date
    now: Date
  },
): Promise<BookingRow | null> {
  try {
    return await tx.transaction(async (attempt) => {
      const row = await insertBooking(attempt, {
        code: newBookingCode(),
        citizenFiscalCode: hold.citizenFiscalCode,
        serviceId: hold.serviceId,
        officeId: hold.officeId,
        counterId: hold.counterId,
        startsAt: hold.startsAt,
        endsAt: hold.endsAt,
        status: 'offered',
        channel: 'web',
        heldUntil: hold.heldUntil,
        createdAt: hold.now,
        updatedAt: hold.now,
      })
      const starts = claimStarts(hold.startsAt.getTime(), hold.endsAt.getTime())
      if ((await claimCounterTime(attempt, row.id, hold.counterId, starts)) < starts.length) {
        await deleteBooking(attempt, row.id)
        attempt.rollback()
      }
      return row
    })
  } catch (error) {
    if (error instanceof TransactionRollbackError) return null
    throw error
  }
}

/** The citizen takes the slot held for them: it becomes an ordinary booking, with its messages. */
export async function acceptOffer(ctx: WaitlistContext, code: string) {
  const now = ctx.clock.now()
  const link = newManageToken()
  return inTransaction(ctx.db, async (tx) => {
    const row = bookingFor(ctx, OWN, await lockBookingByCode(tx, code))
    if (row.status !== 'offered' || !row.heldUntil || row.heldUntil.getTime() <= now.getTime()) {
      throw new AppError('CONFLICT', { messageKey: 'appointments.offer-over' })
    }
    const service = await findService(tx, row.serviceId)
    if (service) await checkCitizenLimit(tx, row.citizenFiscalCode, service, now)
    await updateBooking(tx, row.id, {
      status: 'booked',
      heldUntil: null,
      manageTokenHash: link.hash,
      updatedAt: now,
    })
    await closeOffer(tx, row.id, 'booked', now)
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'appointments.offer-accepted',
      subjectType: 'person',
      subjectId: row.citizenFiscalCode,
      details: { code: row.code, startsAt: row.startsAt.toISOString() },
    })
    await announceBooking(tx, ctx, 'booked', row, { manageToken: link.token })
    return bookedOut({ ...row, status: 'booked' })
  })
}

/**
 * An offer's deadline passed: the held time is given back and offered to the next in line. Run
 * as a job at the deadline; an offer taken or declined meanwhile is left alone.
 */
export async function expireOffer(ctx: WaitlistContext, bookingId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await lockBookingById(tx, bookingId)
    if (row?.status !== 'offered') return
    const now = ctx.clock.now()
    if (row.heldUntil && row.heldUntil.getTime() > now.getTime()) {
      await ctx.jobs.enqueue(tx, OFFER_EXPIRY_JOB, { bookingId }, { startAfter: row.heldUntil })
      return
    }
    await updateBooking(tx, row.id, { status: 'expired', updatedAt: now })
    await releaseCounterTime(tx, row.id)
    await closeOffer(tx, row.id, 'expired', now)
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'appointments.offer-expired',
      subjectType: 'person',
      subjectId: row.citizenFiscalCode,
      details: { code: row.code },
    })
    await offerFreedTime(tx, ctx, row)
  })
}
