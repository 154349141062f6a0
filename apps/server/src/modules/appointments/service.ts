import { randomInt } from 'node:crypto'
import type { Transaction } from '../../db/client.js'
import { inRetriedTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import { type AnnounceDeps, announceBooking } from './announce.js'
import {
  type BookingAccess,
  bookerOf,
  bookingFor,
  checkCitizenLimit,
  newBookingCode,
  newManageToken,
  OWN,
} from './booking-access.js'
import { bookedOut } from './listings.js'
import './messages.js'
import {
  type BookingChannel,
  changeRefusal,
  claimStarts,
  type OfficeCalendar,
  startRefusal,
} from './policy.js'
import {
  type BookingRow,
  claimCounterTimeIfFree,
  findBookingByCode,
  insertBooking,
  listBusy,
  lockBookingByCode,
  releaseCounterClaims,
  releaseCounterTime,
  updateBooking,
} from './repo.js'
import type { SlotOut } from './schema.js'
import { findFreeSlots, loadServiceCalendar, type ServiceCalendar, slotOut } from './search.js'
import { closeOffer, offerFreedTime } from './waitlist.js'

const ALTERNATIVES = 3
const MINUTE_MS = 60_000

/** The slot went to someone else: a 409 carrying the next free slots, so the citizen picks again at once. */
export class SlotTakenError extends AppError {
  constructor(readonly alternatives: SlotOut[]) {
    super('CONFLICT', { messageKey: 'appointments.slot-taken' })
  }
}

/**
 * Times this process has just found full, with the alternatives it gave: for a second, more
 * attempts at the same time get the same answer without touching the database. A flash crowd for
 * a few seats then costs one refusal's work per time, not one per racer. A time given back in this
 * process is forgotten at once; one given back elsewhere is offered again within the second.
 */
const FULL_FOR_MS = 1_000
const MAX_FULL_TIMES = 10_000
const fullTimes = new Map<string, { until: number; alternatives: SlotOut[] }>()
const fullKey = (serviceId: string, officeId: string, startsAt: number) =>
  `${serviceId}|${officeId}|${startsAt}`

function rememberFull(key: string, refusal: SlotTakenError): SlotTakenError {
  if (fullTimes.size >= MAX_FULL_TIMES) fullTimes.clear()
  fullTimes.set(key, { until: Date.now() + FULL_FOR_MS, alternatives: refusal.alternatives })
  return refusal
}

/** After a cancellation or a move frees time, no time is known to be full any more. */
function forgetFullTimes(): void {
  fullTimes.clear()
}

/** Thrown inside the transaction to roll it back; turned into a SlotTakenError outside it. */
class NoCounterFree extends Error {}

export interface BookingRequest {
  serviceId: string
  officeId: string
  startsAt: Date
  reason: string
  notes: string
  contact: string
  /** Where a member of staff books: the contact centre or the counter. Citizens book on the web. */
  channel?: Exclude<BookingChannel, 'web'>
  /** Whom it is for: the signed-in citizen, or the one staff names. */
  citizenFiscalCode?: string
}

/** What booking needs besides the request's context: where messages link to and how they go. */
export type AppointmentsContext = ServiceContext & AnnounceDeps

function officeOf(calendar: ServiceCalendar, officeId: string): OfficeCalendar {
  const office = calendar.offices.find((candidate) => candidate.officeId === officeId)
  if (!office) throw new AppError('NOT_FOUND', { messageKey: 'appointments.not-offered' })
  return office
}

function checkStart(ctx: ServiceContext, calendar: ServiceCalendar, office: OfficeCalendar, startsAt: Date) {
  const refusal = startRefusal(
    calendar.service,
    office,
    startsAt.getTime(),
    ctx.clock.now().getTime(),
    calendar.isHoliday,
  )
  if (refusal) throw new AppError('VALIDATION_FAILED', { messageKey: refusal })
}

/**
 * The office's counters free over [startsAt, endsAt) by a fresh read, in random order: simultaneous
 * racers for one time then try different counters first instead of queueing behind the same one.
 */
async function freeCounters(
  ctx: ServiceContext,
  office: OfficeCalendar,
  startsAt: number,
  endsAt: number,
  ownBookingId?: string,
): Promise<string[]> {
  const busy = await listBusy(ctx.db, office.counterIds, new Date(startsAt), new Date(endsAt))
  const taken = new Set(busy.filter((row) => row.bookingId !== ownBookingId).map((row) => row.counterId))
  const free = office.counterIds.filter((id) => !taken.has(id))
  for (let i = free.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[free[i], free[j]] = [free[j] as string, free[i] as string]
  }
  return free
}

/**
 * Holds the first of the candidate counters whose time the booking can claim whole. A counter
 * claimed only in part (a booking of another length holds some of it) is given back before the
 * next is tried, so nothing of a failed attempt stays behind.
 */
async function claimAnyCounter(
  tx: Transaction,
  bookingId: string,
  candidates: string[],
  starts: number[],
  options: { ownTimeOn?: string } = {},
) {
  for (const counterId of candidates) {
    const held = await claimCounterTimeIfFree(tx, bookingId, counterId, starts)
    if (held === starts.length) return counterId
    // A move keeps its own old time on its counter until the new one is held.
    if (held > 0 && counterId !== options.ownTimeOn) await releaseCounterClaims(tx, bookingId, counterId)
  }
  throw new NoCounterFree()
}

async function slotTaken(
  ctx: ServiceContext,
  calendar: ServiceCalendar,
  office: OfficeCalendar,
  after: number,
  ownBookingId?: string,
): Promise<SlotTakenError> {
  const now = ctx.clock.now()
  const slots = await findFreeSlots(
    ctx.db,
    { ...calendar, offices: [office], counterIds: [...office.counterIds] },
    {
      now,
      fromDate: romeCalendarDate(new Date(after)),
      // Never the time just refused, which a racer still committing may not show as held yet.
      notBefore: after + 1,
      limit: ALTERNATIVES,
      excludeBookingId: ownBookingId,
    },
  )
  return new SlotTakenError(slots.map((slot) => slotOut(calendar, slot)))
}

/**
 * Books a slot: the start must be one on offer, the citizen under the service's limit, and one of
 * the office's counters serving the service free. The database decides who gets a contested
 * counter (see the counter claims table); whoever loses every counter gets the next free slots.
 */
export async function bookAppointment(ctx: AppointmentsContext, request: BookingRequest) {
  const booker = bookerOf(ctx, request.citizenFiscalCode, request.channel ?? 'web')
  const now = ctx.clock.now()
  const calendar = await loadServiceCalendar(ctx.db, request.serviceId, now, request.officeId)
  const office = officeOf(calendar, request.officeId)
  checkStart(ctx, calendar, office, request.startsAt)
  const startsAt = request.startsAt.getTime()
  const endsAt = startsAt + calendar.service.durationMinutes * MINUTE_MS
  const full = fullKey(calendar.service.id, office.officeId, startsAt)
  const known = fullTimes.get(full)
  if (known && known.until > Date.now()) throw new SlotTakenError(known.alternatives)
  const candidates = await freeCounters(ctx, office, startsAt, endsAt)
  if (candidates.length === 0) throw rememberFull(full, await slotTaken(ctx, calendar, office, startsAt))
  const link = newManageToken()
  const bookingId = timeOrderedUuid()
  try {
    return await inRetriedTransaction(ctx.db, async (tx) => {
      // Counter time first: a racer who loses every counter has written nothing (the claims'
      // reference to the booking is checked at commit).
      const counterId = await claimAnyCounter(tx, bookingId, candidates, claimStarts(startsAt, endsAt))
      await checkCitizenLimit(tx, booker.fiscalCode, calendar.service, now)
      const row = await insertBooking(tx, {
        id: bookingId,
        code: newBookingCode(),
        citizenFiscalCode: booker.fiscalCode,
        serviceId: calendar.service.id,
        officeId: office.officeId,
        counterId,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        status: 'booked',
        channel: booker.channel,
        bookedByStaffId: booker.staffId,
        manageTokenHash: link.hash,
        reason: request.reason,
        notes: request.notes,
        contact: request.contact,
        createdAt: now,
        updatedAt: now,
      })
      await announceBooking(tx, ctx, 'booked', row, { manageToken: link.token })
      // Last: the audit chain's lock is then held only for the commit.
      await recordAudit(tx, ctx.actor, ctx.meta, now, {
        action: 'appointments.booked',
        subjectType: 'person',
        subjectId: booker.fiscalCode,
        details: {
          code: row.code,
          serviceId: row.serviceId,
          officeId: row.officeId,
          startsAt: row.startsAt.toISOString(),
          channel: row.channel,
        },
      })
      return bookedOut(row)
    })
  } catch (error) {
    if (error instanceof NoCounterFree)
      throw rememberFull(full, await slotTaken(ctx, calendar, office, startsAt))
    throw error
  }
}

/** A booking the caller may still change; someone else's answers as missing, not as forbidden. */
function changeableBooking(
  ctx: ServiceContext,
  access: BookingAccess,
  row: BookingRow | null,
  change: 'cancel' | 'move',
): BookingRow {
  const booking = bookingFor(ctx, access, row)
  const refusal = changeRefusal(booking, ctx.clock.now().getTime(), change)
  if (refusal) throw new AppError('CONFLICT', { messageKey: refusal })
  return booking
}

/**
 * Cancels a booking (or declines a slot offered from the waiting list); the time it frees goes to
 * the first of that day's waiting list, in the same transaction.
 */
export async function cancelAppointment(ctx: AppointmentsContext, code: string, access: BookingAccess = OWN) {
  const cancelled = await inRetriedTransaction(ctx.db, async (tx) => {
    const row = changeableBooking(ctx, access, await lockBookingByCode(tx, code), 'cancel')
    const now = ctx.clock.now()
    await updateBooking(tx, row.id, { status: 'cancelled', heldUntil: null, updatedAt: now })
    await releaseCounterTime(tx, row.id)
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: row.status === 'offered' ? 'appointments.offer-declined' : 'appointments.cancelled',
      subjectType: 'person',
      subjectId: row.citizenFiscalCode,
      details: { code: row.code, startsAt: row.startsAt.toISOString(), by: access.kind },
    })
    if (row.status === 'offered') await closeOffer(tx, row.id, 'left', now)
    else await announceBooking(tx, ctx, 'cancelled', row)
    await offerFreedTime(tx, ctx, row)
    return bookedOut({ ...row, status: 'cancelled' })
  })
  forgetFullTimes()
  return cancelled
}

/**
 * Moves a booking to another start at the same office, in one transaction: the new time is
 * claimed while the old is still held, and only then is the old given back. If the new time is
 * taken the booking stays where it was.
 */
export async function rescheduleAppointment(
  ctx: AppointmentsContext,
  code: string,
  newStart: Date,
  access: BookingAccess = OWN,
) {
  const now = ctx.clock.now()
  const current = changeableBooking(ctx, access, await findBookingByCode(ctx.db, code), 'move')
  const calendar = await loadServiceCalendar(ctx.db, current.serviceId, now, current.officeId)
  const office = officeOf(calendar, current.officeId)
  checkStart(ctx, calendar, office, newStart)
  const startsAt = newStart.getTime()
  const endsAt = startsAt + calendar.service.durationMinutes * MINUTE_MS
  const candidates = await freeCounters(ctx, office, startsAt, endsAt, current.id)
  // Staying at the same counter, when it is free, keeps the staff's agenda steady.
  candidates.sort((a, b) => Number(b === current.counterId) - Number(a === current.counterId))
  if (candidates.length === 0) throw await slotTaken(ctx, calendar, office, startsAt, current.id)
  const link = newManageToken()
  try {
    return await inRetriedTransaction(ctx.db, async (tx) => {
      const row = changeableBooking(ctx, access, await lockBookingByCode(tx, code), 'move')
      const counterId = await claimAnyCounter(tx, row.id, candidates, claimStarts(startsAt, endsAt), {
        ownTimeOn: row.counterId,
      })
      await releaseCounterTime(tx, row.id, { counterId, from: new Date(startsAt), to: new Date(endsAt) })
      const moved = {
        counterId,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        manageTokenHash: link.hash,
        updatedAt: now,
      }
      await updateBooking(tx, row.id, moved)
      await recordAudit(tx, ctx.actor, ctx.meta, now, {
        action: 'appointments.rescheduled',
        subjectType: 'person',
        subjectId: row.citizenFiscalCode,
        details: {
          code: row.code,
          from: row.startsAt.toISOString(),
          to: moved.startsAt.toISOString(),
          by: access.kind,
        },
      })
      await announceBooking(tx, ctx, 'rescheduled', { ...row, ...moved }, { manageToken: link.token })
      await offerFreedTime(tx, ctx, row, { keep: moved })
      return bookedOut({ ...row, ...moved })
    }).finally(forgetFullTimes)
  } catch (error) {
    if (error instanceof NoCounterFree) throw await slotTaken(ctx, calendar, office, startsAt, current.id)
    throw error
  }
}
