import type { Queryable } from '../../db/client.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { normalizeFiscalCode } from '../identity/codice-fiscale.js'
import { listOfferings, listServices } from './calendar-repo.js'
import type { BookingChannel, BookingStatus } from './policy.js'
import { type BookingRow, type ListedBooking, listBookingsOf, listUpcomingBookingsOf } from './repo.js'

/** A booking as the answer to a change: where and when it now stands. */
export function bookedOut(row: BookingRow) {
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

/** The citizen's appointments, the latest first. */
export async function listMyAppointments(ctx: ServiceContext) {
  if (ctx.actor.type !== 'citizen')
    throw new AppError('FORBIDDEN', { messageKey: 'appointments.citizens-only' })
  return (await listBookingsOf(ctx.db, ctx.actor.fiscalCode, 200)).map(appointmentOut)
}

/** A citizen's appointments as the contact centre sees them; each reading is audited. */
export async function listAppointmentsOfCitizen(ctx: ServiceContext, fiscalCodeInput: string) {
  if (ctx.actor.type !== 'staff') throw new AppError('FORBIDDEN')
  const fiscalCode = normalizeFiscalCode(fiscalCodeInput)
  if (!fiscalCode) throw new AppError('VALIDATION_FAILED', { messageKey: 'appointments.bad-fiscal-code' })
  const rows = await listBookingsOf(ctx.db, fiscalCode, 200)
  await recordAudit(ctx.db, ctx.actor, ctx.meta, ctx.clock.now(), {
    action: 'appointments.viewed-by-staff',
    subjectType: 'person',
    subjectId: fiscalCode,
    details: { count: rows.length },
  })
  return rows.map((row) => ({ ...appointmentOut(row), citizenFiscalCode: fiscalCode }))
}

/** One booking as the citizen's list and the manage page show it. */
export function appointmentOut({
  booking,
  serviceName,
  documentsToBring,
  officeName,
  officeAddress,
  counterName,
}: ListedBooking) {
  return {
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
  }
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

/** The appointments still to come, for Scadenze and its calendar feed. */
export async function listUpcomingAppointments(db: Queryable, fiscalCode: string, now: Date) {
  return listUpcomingBookingsOf(db, fiscalCode, now)
}
