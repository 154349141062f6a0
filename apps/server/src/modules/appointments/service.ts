import { randomInt } from 'node:crypto'
import { TransactionRollbackError } from 'drizzle-orm'
import type { Transaction } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import './messages.js'
import {
  type BookingChannel,
  type BookingStatus,
  changeRefusal,
  claimStarts,
  type OfficeCalendar,
  startRefusal,
} from './policy.js'
import {
  type BookingRow,
  claimCounterTime,
  countActiveBookings,
  findBookingByCode,
  insertBooking,
  listBookingsOf,
  listBusy,
  listOfferings,
  listServices,
  lockBookingByCode,
  lockCitizenService,
  releaseCounterTime,
  updateBooking,
} from './repo.js'
import type { SlotOut } from './schema.js'
import { findFreeSlots, loadServiceCalendar, type ServiceCalendar, slotOut } from './search.js'

const ALTERNATIVES = 3
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const MINUTE_MS = 60_000

/** Eight characters without look-alikes (40 bits): easy to read out at the counter or on the phone. */
function newBookingCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

/** The slot went to someone else: a 409 carrying the next free slots, so the citizen picks again at once. */
export class SlotTakenError extends AppError {
  constructor(readonly alternatives: SlotOut[]) {
    super('CONFLICT', { messageKey: 'appointments.slot-taken' })
  }
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
  /** Where the booking was made: the web, the contact centre, or the counter. */
  channel: BookingChannel
  /** Whom it is for; defaults to the signed-in citizen (an operator will name one). */
  citizenFiscalCode?: string
}

function bookerOf(ctx: ServiceContext, requested: string | undefined): string {
  if (ctx.actor.type === 'citizen') {
    if (requested && requested !== ctx.actor.fiscalCode) throw new AppError('FORBIDDEN')
    return ctx.actor.fiscalCode
  }
  throw new AppError('FORBIDDEN', { messageKey: 'appointments.citizens-only' })
}

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
 * Holds the first of the candidate counters whose time the booking can claim whole. Each attempt
 * runs in a savepoint, so a counter claimed only in part is given back before the next is tried.
 */
async function claimAnyCounter(tx: Transaction, bookingId: string, candidates: string[], starts: number[]) {
  for (const counterId of candidates) {
    try {
      await tx.transaction(async (attempt) => {
        if ((await claimCounterTime(attempt, bookingId, counterId, starts)) < starts.length)
          attempt.rollback()
      })
      return counterId
    } catch (error) {
      if (!(error instanceof TransactionRollbackError)) throw error
    }
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
      notBefore: after,
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
export async function bookAppointment(ctx: ServiceContext, request: BookingRequest) {
  const fiscalCode = bookerOf(ctx, request.citizenFiscalCode)
  const now = ctx.clock.now()
  const calendar = await loadServiceCalendar(ctx.db, request.serviceId, now, request.officeId)
  const office = officeOf(calendar, request.officeId)
  checkStart(ctx, calendar, office, request.startsAt)
  const startsAt = request.startsAt.getTime()
  const endsAt = startsAt + calendar.service.durationMinutes * MINUTE_MS
  const candidates = await freeCounters(ctx, office, startsAt, endsAt)
  if (candidates.length === 0) throw await slotTaken(ctx, calendar, office, startsAt)
  try {
    return await inTransaction(ctx.db, async (tx) => {
      await lockCitizenService(tx, fiscalCode, calendar.service.id)
      if (
        (await countActiveBookings(tx, fiscalCode, calendar.service.id, now)) >=
        calendar.service.maxActivePerCitizen
      ) {
        throw new AppError('CONFLICT', {
          messageKey: 'appointments.limit-reached',
          params: { max: calendar.service.maxActivePerCitizen },
        })
      }
      const row = await insertBooking(tx, {
        code: newBookingCode(),
        citizenFiscalCode: fiscalCode,
        serviceId: calendar.service.id,
        officeId: office.officeId,
        counterId: candidates[0] as string,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        status: 'booked',
        channel: request.channel,
        reason: request.reason,
        notes: request.notes,
        contact: request.contact,
        createdAt: now,
        updatedAt: now,
      })
      const counterId = await claimAnyCounter(tx, row.id, candidates, claimStarts(startsAt, endsAt))
      if (counterId !== row.counterId) await updateBooking(tx, row.id, { counterId })
      await recordAudit(tx, ctx.actor, ctx.meta, now, {
        action: 'appointments.booked',
        subjectType: 'person',
        subjectId: fiscalCode,
        details: {
          code: row.code,
          serviceId: row.serviceId,
          officeId: row.officeId,
          startsAt: row.startsAt.toISOString(),
          channel: row.channel,
        },
      })
      return bookedOut({ ...row, counterId })
    })
  } catch (error) {
    if (error instanceof NoCounterFree) throw await slotTaken(ctx, calendar, office, startsAt)
    throw error
  }
}

function bookedOut(row: BookingRow) {
  return {
    code: row.code,
    status: row.status as BookingStatus,
    serviceId: row.serviceId,
    officeId: row.officeId,
    counterId: row.counterId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
  }
}

/** A booking the citizen may still change; someone else's answers as missing, not as forbidden. */
function ownBooking(ctx: ServiceContext, row: BookingRow | null): BookingRow {
  if (ctx.actor.type !== 'citizen')
    throw new AppError('FORBIDDEN', { messageKey: 'appointments.citizens-only' })
  if (!row || row.citizenFiscalCode !== ctx.actor.fiscalCode) {
    throw new AppError('NOT_FOUND', { messageKey: 'appointments.missing' })
  }
  const refusal = changeRefusal(row, ctx.clock.now().getTime())
  if (refusal) throw new AppError('CONFLICT', { messageKey: refusal })
  return row
}

async function lockOwnBooking(tx: Transaction, ctx: ServiceContext, code: string): Promise<BookingRow> {
  return ownBooking(ctx, await lockBookingByCode(tx, code))
}

export async function cancelAppointment(ctx: ServiceContext, code: string) {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockOwnBooking(tx, ctx, code)
    const now = ctx.clock.now()
    await updateBooking(tx, row.id, { status: 'cancelled', updatedAt: now })
    await releaseCounterTime(tx, row.id)
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'appointments.cancelled',
      subjectType: 'person',
      subjectId: row.citizenFiscalCode,
      details: { code: row.code, startsAt: row.startsAt.toISOString() },
    })
    return bookedOut({ ...row, status: 'cancelled' })
  })
}

/**
 * Moves a booking to another start at the same office, in one transaction: the new time is
 * claimed while the old is still held, and only then is the old given back. If the new time is
 * taken the booking stays where it was.
 */
export async function rescheduleAppointment(ctx: ServiceContext, code: string, newStart: Date) {
  const now = ctx.clock.now()
  const current = ownBooking(ctx, await findBookingByCode(ctx.db, code))
  const calendar = await loadServiceCalendar(ctx.db, current.serviceId, now, current.officeId)
  const office = officeOf(calendar, current.officeId)
  checkStart(ctx, calendar, office, newStart)
  const startsAt = newStart.getTime()
  const endsAt = startsAt + calendar.service.durationMinutes * MINUTE_MS
  const candidates = await freeCounters(ctx, office, startsAt, endsAt, current.id)
  // Staying at the same counter, when it is free, keeps the staff's agenda steady.
  candidates.sort((a, b) => Number(b === current.counterId) - Number(a === current.counterId))
  if (candidates.length === 0) throw await slotTaken(ctx, calendar, office, startsAt, current.id)
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const row = await lockOwnBooking(tx, ctx, code)
      const counterId = await claimAnyCounter(tx, row.id, candidates, claimStarts(startsAt, endsAt))
      await releaseCounterTime(tx, row.id, { counterId, from: new Date(startsAt), to: new Date(endsAt) })
      const moved = { counterId, startsAt: new Date(startsAt), endsAt: new Date(endsAt), updatedAt: now }
      await updateBooking(tx, row.id, moved)
      await recordAudit(tx, ctx.actor, ctx.meta, now, {
        action: 'appointments.rescheduled',
        subjectType: 'person',
        subjectId: row.citizenFiscalCode,
        details: { code: row.code, from: row.startsAt.toISOString(), to: moved.startsAt.toISOString() },
      })
      return bookedOut({ ...row, ...moved })
    })
  } catch (error) {
    if (error instanceof NoCounterFree) throw await slotTaken(ctx, calendar, office, startsAt, current.id)
    throw error
  }
}

/** The citizen's appointments, the latest first. */
export async function listMyAppointments(ctx: ServiceContext) {
  if (ctx.actor.type !== 'citizen')
    throw new AppError('FORBIDDEN', { messageKey: 'appointments.citizens-only' })
  const rows = await listBookingsOf(ctx.db, ctx.actor.fiscalCode, 200)
  return rows.map(({ booking, serviceName, documentsToBring, officeName, officeAddress, counterName }) => ({
    code: booking.code,
    heldUntil: booking.heldUntil?.toISOString() ?? null,
    ticketNumber: booking.ticketNumber,
    documentsToBring,
    status: booking.status as BookingStatus,
    channel: booking.channel as BookingChannel,
    service: { id: booking.serviceId, name: serviceName },
    office: { id: booking.officeId, name: officeName, address: officeAddress },
    counter: counterName,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    reason: booking.reason,
    notes: booking.notes,
    contact: booking.contact,
  }))
}

/** The services one can book, each with the offices offering it. */
export async function listAppointmentServices(ctx: Pick<ServiceContext, 'db'>) {
  const [services, offerings] = await Promise.all([listServices(ctx.db), listOfferings(ctx.db)])
  return services.map((service) => ({
    id: service.id,
    name: service.name,
    durationMinutes: service.durationMinutes,
    documentsToBring: service.documentsToBring,
    maxActivePerCitizen: service.maxActivePerCitizen,
    minNoticeHours: service.minNoticeHours,
    maxDaysAhead: service.maxDaysAhead,
    offices: offerings
      .filter((offering) => offering.serviceId === service.id)
      .map(({ officeId, name, address, accessibilityNotes }) => ({
        id: officeId,
        name,
        address,
        accessibilityNotes,
      })),
  }))
}
