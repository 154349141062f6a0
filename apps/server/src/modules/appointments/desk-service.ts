import type { Queryable, Transaction } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { formatLongDate } from '../../platform/format.js'
import { type Locale, translate } from '../../platform/i18n.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import { findPersonByFiscalCode } from '../registry/person-service.js'
import { recordServiceUse } from '../surveys/service.js'
import './desk-messages.js'
import {
  actionRefusal,
  checkInRefusal,
  DESK_ROLES,
  DISPLAY_CALLS,
  isRepeatedCheckIn,
  type Refusal,
  romeDayBounds,
  ticketLabel,
} from './desk-policy.js'
import {
  countWaiting,
  type DeskBookingRow,
  findDeskBooking,
  findDeskCounter,
  findDeskOffice,
  listAgendaBookings,
  listCounterServices,
  listDeskOffices,
  listRecentCalls,
  lockNextWaiting,
  takeNextTicket,
} from './desk-repo.js'
import type { DeskBookingOut } from './desk-schema.js'
import type { BookingChannel, BookingStatus } from './policy.js'
import { type BookingRow, lockBookingByCode, updateBooking } from './repo.js'

const BOOKING_CODE = /^[A-Z0-9]{8}$/

function requireDeskStaff(ctx: ServiceContext) {
  const roles: readonly string[] = ctx.actor.type === 'staff' ? ctx.actor.roles : []
  if (!DESK_ROLES.some((role) => roles.includes(role))) throw new AppError('FORBIDDEN')
}

/**
 * A booking code as the counter gets it: typed in lower case, read out with spaces, or scanned
 * from the QR code (which holds just the code) with a trailing newline.
 */
export function readBookingCode(raw: string, place: 'body' | 'params', locale: Locale): string {
  const code = raw.replace(/\s+/g, '').toUpperCase()
  if (!BOOKING_CODE.test(code)) {
    const messageKey = 'appointmentsDesk.bad-code'
    throw new AppError('VALIDATION_FAILED', {
      messageKey,
      fieldErrors: [{ path: `${place}.code`, message: translate(locale, messageKey) }],
    })
  }
  return code
}

function refuse(ctx: ServiceContext, refusal: Refusal): AppError {
  const params = { ...refusal.params }
  if (typeof params.day === 'string') params.day = formatLongDate(params.day, ctx.meta.locale)
  return new AppError('CONFLICT', { messageKey: refusal.key, params })
}

async function officeOrMissing(db: Queryable, officeId: string) {
  const office = await findDeskOffice(db, officeId)
  if (!office) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsDesk.unknown-office' })
  return office
}

async function citizenName(db: Queryable, fiscalCode: string): Promise<string | null> {
  const person = await findPersonByFiscalCode(db, fiscalCode)
  return person ? `${person.givenName} ${person.familyName}` : null
}

function deskBookingOut(row: DeskBookingRow, name: string | null): DeskBookingOut {
  const { booking } = row
  const iso = (at: Date | null) => at?.toISOString() ?? null
  return {
    code: booking.code,
    status: booking.status as BookingStatus,
    channel: booking.channel as BookingChannel,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    service: { id: booking.serviceId, name: row.serviceName },
    counter: { id: booking.counterId, name: row.counterName },
    calledTo:
      booking.calledToCounterId && row.calledToCounterName
        ? { id: booking.calledToCounterId, name: row.calledToCounterName }
        : null,
    ticketNumber: booking.ticketNumber,
    ticket: booking.ticketNumber === null ? null : ticketLabel(booking.ticketNumber),
    citizen: { fiscalCode: booking.citizenFiscalCode, name },
    reason: booking.reason,
    notes: booking.notes,
    checkedInAt: iso(booking.checkedInAt),
    calledAt: iso(booking.calledAt),
    finishedAt: iso(booking.finishedAt),
  }
}

async function loadDeskBooking(tx: Transaction, id: string): Promise<DeskBookingOut> {
  const row = (await findDeskBooking(tx, id)) as DeskBookingRow
  return deskBookingOut(row, await citizenName(tx, row.booking.citizenFiscalCode))
}

async function lockByCode(tx: Transaction, code: string): Promise<BookingRow> {
  const row = await lockBookingByCode(tx, code)
  if (!row) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsDesk.unknown-code' })
  return row
}

async function auditDesk(tx: Transaction, ctx: ServiceContext, action: string, row: BookingRow, extra = {}) {
  await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
    action,
    subjectType: 'person',
    subjectId: row.citizenFiscalCode,
    details: { code: row.code, officeId: row.officeId, ...extra },
  })
}

/** The offices with their counters and the services each counter serves, for the desk's picker. */
export async function listOfficesForDesk(ctx: ServiceContext) {
  requireDeskStaff(ctx)
  const [offices, counters] = await Promise.all([listDeskOffices(ctx.db), listCounterServices(ctx.db)])
  return offices.map((office) => {
    const own = counters.filter((row) => row.officeId === office.id)
    const ids = [...new Set(own.map((row) => row.counterId))]
    return {
      ...office,
      counters: ids.map((id) => {
        const rows = own.filter((row) => row.counterId === id)
        return {
          id,
          name: rows[0]?.counterName ?? '',
          services: rows.flatMap((row) =>
            row.serviceId && row.serviceName ? [{ id: row.serviceId, name: row.serviceName }] : [],
          ),
        }
      }),
    }
  })
}

/**
 * An office's bookings of one day (today in Rome by default) with who booked them. Staff reading
 * citizens' names and fiscal codes is audited, once per look, in the same transaction as the read.
 */
export async function viewOfficeAgenda(ctx: ServiceContext, officeId: string, date?: string) {
  requireDeskStaff(ctx)
  const now = ctx.clock.now()
  const today = romeCalendarDate(now)
  const day = date ?? today
  const { from, to } = romeDayBounds(day)
  return inTransaction(ctx.db, async (tx) => {
    const office = await officeOrMissing(tx, officeId)
    const rows = await listAgendaBookings(tx, officeId, from, to)
    const names = new Map<string, string | null>()
    // One at a time: a transaction holds a single connection.
    for (const row of rows) {
      const fiscalCode = row.booking.citizenFiscalCode
      if (!names.has(fiscalCode)) names.set(fiscalCode, await citizenName(tx, fiscalCode))
    }
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'appointments.agenda-viewed',
      subjectType: 'appointment-office',
      subjectId: officeId,
      details: { date: day, bookings: rows.length },
    })
    return {
      office,
      date: day,
      today: day === today,
      now: now.toISOString(),
      bookings: rows.map((row) => deskBookingOut(row, names.get(row.booking.citizenFiscalCode) ?? null)),
    }
  })
}

/**
 * Checks a citizen in by booking code and hands out the next ticket of the office's day. Doing it
 * again answers the ticket already given, so a second scan at a busy desk does no harm.
 */
export async function checkInBooking(ctx: ServiceContext, input: { officeId: string; code: string }) {
  requireDeskStaff(ctx)
  const code = readBookingCode(input.code, 'body', ctx.meta.locale)
  return inTransaction(ctx.db, async (tx) => {
    await officeOrMissing(tx, input.officeId)
    const row = await lockByCode(tx, code)
    const now = ctx.clock.now()
    const refusal = checkInRefusal(row, input.officeId, now.getTime())
    if (refusal) throw refuse(ctx, refusal)
    if (isRepeatedCheckIn(row.status))
      return { booking: await loadDeskBooking(tx, row.id), alreadyCheckedIn: true }
    const ticketNumber = await takeNextTicket(tx, row.officeId, romeCalendarDate(now))
    await updateBooking(tx, row.id, { status: 'checked-in', ticketNumber, checkedInAt: now, updatedAt: now })
    await auditDesk(tx, ctx, 'appointments.checked-in', row, { ticketNumber })
    return { booking: await loadDeskBooking(tx, row.id), alreadyCheckedIn: false }
  })
}

/** Calls the next citizen waiting for one of the counter's services to that counter. */
export async function callNextCitizen(ctx: ServiceContext, counterId: string) {
  requireDeskStaff(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const counter = await findDeskCounter(tx, counterId)
    if (!counter) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsDesk.unknown-counter' })
    const now = ctx.clock.now()
    const { from, to } = romeDayBounds(romeCalendarDate(now))
    const id = await lockNextWaiting(tx, counter.id, counter.officeId, from, to)
    if (!id) return { called: null, waiting: await countWaiting(tx, counter.officeId, from, to) }
    await updateBooking(tx, id, {
      status: 'called',
      calledAt: now,
      calledToCounterId: counter.id,
      updatedAt: now,
    })
    const called = await loadDeskBooking(tx, id)
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'appointments.called',
      subjectType: 'person',
      subjectId: called.citizen.fiscalCode,
      details: {
        code: called.code,
        officeId: counter.officeId,
        counterId: counter.id,
        ticket: called.ticket,
      },
    })
    return { called, waiting: await countWaiting(tx, counter.officeId, from, to) }
  })
}

/** Calls the same citizen again: the display shows the call anew. */
export async function recallCitizen(ctx: ServiceContext, rawCode: string) {
  requireDeskStaff(ctx)
  const code = readBookingCode(rawCode, 'params', ctx.meta.locale)
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockByCode(tx, code)
    const now = ctx.clock.now()
    const refusal = actionRefusal('recall', row, now.getTime())
    if (refusal) throw refuse(ctx, refusal)
    await updateBooking(tx, row.id, { calledAt: now, updatedAt: now })
    await auditDesk(tx, ctx, 'appointments.recalled', row, { counterId: row.calledToCounterId })
    return loadDeskBooking(tx, row.id)
  })
}

/**
 * Closes a booking as served, and records the use of the service in the same transaction: the
 * satisfaction survey invites the citizen from that record.
 */
export async function markBookingServed(ctx: ServiceContext, rawCode: string) {
  requireDeskStaff(ctx)
  const code = readBookingCode(rawCode, 'params', ctx.meta.locale)
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockByCode(tx, code)
    const now = ctx.clock.now()
    const refusal = actionRefusal('served', row, now.getTime())
    if (refusal) throw refuse(ctx, refusal)
    await updateBooking(tx, row.id, { status: 'served', finishedAt: now, updatedAt: now })
    await recordServiceUse(tx, {
      kind: 'appointment-served',
      citizenFiscalCode: row.citizenFiscalCode,
      subjectId: row.code,
      channel: row.channel,
      occurredAt: now,
    })
    await auditDesk(tx, ctx, 'appointments.served', row)
    return loadDeskBooking(tx, row.id)
  })
}

/** Marks a citizen who did not come (or did not answer the call) once the booked time has come. */
export async function markBookingNoShow(ctx: ServiceContext, rawCode: string) {
  requireDeskStaff(ctx)
  const code = readBookingCode(rawCode, 'params', ctx.meta.locale)
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockByCode(tx, code)
    const now = ctx.clock.now()
    const refusal = actionRefusal('no-show', row, now.getTime())
    if (refusal) throw refuse(ctx, refusal)
    await updateBooking(tx, row.id, { status: 'no-show', updatedAt: now })
    await auditDesk(tx, ctx, 'appointments.no-show', row, { from: row.status })
    return loadDeskBooking(tx, row.id)
  })
}

/** The office's display: today's latest calls and how many wait, without anyone's identity. */
export async function showOfficeDisplay(ctx: Pick<ServiceContext, 'db' | 'clock'>, officeId: string) {
  const office = await officeOrMissing(ctx.db, officeId)
  const { from, to } = romeDayBounds(romeCalendarDate(ctx.clock.now()))
  const [calls, waiting] = await Promise.all([
    listRecentCalls(ctx.db, officeId, from, to, DISPLAY_CALLS),
    countWaiting(ctx.db, officeId, from, to),
  ])
  return {
    office,
    called: calls.map((call) => ({
      ticket: ticketLabel(call.ticketNumber as number),
      counter: call.counterName,
      calledAt: (call.calledAt as Date).toISOString(),
    })),
    waiting,
  }
}
