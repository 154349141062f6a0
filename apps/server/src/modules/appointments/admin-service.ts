import type { Queryable, Transaction } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { translate } from '../../platform/i18n.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import './admin-messages.js'
import { clockTime, countOutsideHours, mayAdministerCalendar, mayReadCalendar } from './admin-policy.js'
import {
  countCounterBookings,
  countFutureBookingsBy,
  countOfficeBookings,
  countServiceBookings,
  deleteCounter,
  deleteOffice,
  deleteService,
  findCounter,
  findCounterNamed,
  findExistingServiceIds,
  findOffice,
  findOfficeNamed,
  findServiceNamed,
  listCounterServiceIds,
  listFutureBookingTimes,
  listHoursOfOffice,
  listOfficesWithCounters,
  renameCounter,
  replaceCounterServices,
  replaceHours,
  updateOffice as updateOfficeRow,
  updateService as updateServiceRow,
} from './admin-repo.js'
import type { CounterInput, OfficeInput, ServiceInput, WeeklyHoursInput } from './admin-schema.js'
import { findService, insertCounter, insertOffice, insertService, listServices } from './calendar-repo.js'
import type { ServiceRow } from './repo.js'
import { forgetServiceCalendars } from './search.js'

export function requireCalendarReader(ctx: Pick<ServiceContext, 'actor'>) {
  if (!mayReadCalendar(ctx.actor)) throw new AppError('FORBIDDEN')
}

export function requireCalendarAdministrator(ctx: Pick<ServiceContext, 'actor'>) {
  if (!mayAdministerCalendar(ctx.actor)) throw new AppError('FORBIDDEN')
}

/** A refusal tied to one field of the form, answered as 422 in the administrator's language. */
export function fieldRefusal(ctx: ServiceContext, field: string, messageKey: string, params = {}) {
  return new AppError('VALIDATION_FAILED', {
    status: 422,
    messageKey: 'appointmentsAdmin.invalid',
    fieldErrors: [{ path: `body.${field}`, message: translate(ctx.meta.locale, messageKey, params) }],
  })
}

const UNIQUE_NAMES: Record<string, { key: string; field: string }> = {
  appointment_offices_name_idx: { key: 'appointmentsAdmin.duplicate-office', field: 'name' },
  appointment_counters_name_idx: { key: 'appointmentsAdmin.duplicate-counter', field: 'name' },
  appointment_services_name_idx: { key: 'appointmentsAdmin.duplicate-service', field: 'name' },
}

/**
 * Runs one change in its transaction and turns what the database refuses into a clear problem:
 * a name taken by a concurrent request (the checks before it saw none), a check constraint the
 * validation should have caught, a row still referenced by bookings.
 */
export async function changeCalendar<T>(ctx: ServiceContext, work: (tx: Transaction) => Promise<T>) {
  try {
    const result = await inTransaction(ctx.db, work)
    // Slot searches reuse calendars for a few seconds: this process must see the change at once.
    forgetServiceCalendars()
    return result
  } catch (error) {
    const cause = ((error as { cause?: unknown })?.cause ?? error) as { code?: string; constraint?: string }
    if (cause.code === '23505' && cause.constraint && UNIQUE_NAMES[cause.constraint]) {
      const { key, field } = UNIQUE_NAMES[cause.constraint] as { key: string; field: string }
      throw new AppError('CONFLICT', {
        messageKey: key,
        fieldErrors: [{ path: `body.${field}`, message: translate(ctx.meta.locale, key) }],
      })
    }
    if (cause.code === '23514')
      throw new AppError('VALIDATION_FAILED', {
        status: 422,
        messageKey: 'appointmentsAdmin.refused-by-database',
      })
    if (cause.code === '23503')
      throw new AppError('CONFLICT', { messageKey: 'appointmentsAdmin.still-referenced' })
    throw error
  }
}

async function audit(
  tx: Transaction,
  ctx: ServiceContext,
  action: string,
  subject: [string, string],
  details = {},
) {
  await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
    action: `appointments.admin.${action}`,
    subjectType: subject[0],
    subjectId: subject[1],
    details,
  })
}

/** Bookings ahead make a deletion wait; any booking at all keeps the row for the record. */
function refuseIfBooked(counts: { future: number; total: number }) {
  if (counts.future > 0)
    throw new AppError('CONFLICT', {
      messageKey: 'appointmentsAdmin.in-use',
      params: { count: counts.future },
    })
  if (counts.total > 0)
    throw new AppError('CONFLICT', {
      messageKey: 'appointmentsAdmin.in-history',
      params: { count: counts.total },
    })
}

// Offices and counters

export async function listAdminOffices(ctx: ServiceContext) {
  requireCalendarReader(ctx)
  return officesView(ctx.db, ctx.clock.now())
}

async function officesView(db: Queryable, now: Date) {
  const { offices, counters, links } = await listOfficesWithCounters(db)
  const future = await countFutureBookingsBy(db, 'officeId', now)
  return offices.map((office) => ({
    id: office.id,
    name: office.name,
    address: office.address,
    accessibilityNotes: office.accessibilityNotes,
    counters: counters
      .filter((counter) => counter.officeId === office.id)
      .map((counter) => ({
        id: counter.id,
        name: counter.name,
        serviceIds: links.filter((link) => link.counterId === counter.id).map((link) => link.serviceId),
      })),
    futureBookings: future.get(office.id) ?? 0,
  }))
}

async function officeView(db: Queryable, id: string, now: Date) {
  const office = (await officesView(db, now)).find((candidate) => candidate.id === id)
  if (!office) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsAdmin.unknown-office' })
  return office
}

async function requireOffice(db: Queryable, id: string) {
  const office = await findOffice(db, id)
  if (!office) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsAdmin.unknown-office' })
  return office
}

export async function createOffice(ctx: ServiceContext, input: OfficeInput) {
  requireCalendarAdministrator(ctx)
  return changeCalendar(ctx, async (tx) => {
    if (await findOfficeNamed(tx, input.name)) throw duplicate(ctx, 'duplicate-office')
    const office = await insertOffice(tx, { ...input, createdAt: ctx.clock.now() })
    await audit(tx, ctx, 'office-created', ['appointment-office', office.id], input)
    return officeView(tx, office.id, ctx.clock.now())
  })
}

function duplicate(ctx: ServiceContext, name: string) {
  const key = `appointmentsAdmin.${name}`
  return new AppError('CONFLICT', {
    messageKey: key,
    fieldErrors: [{ path: 'body.name', message: translate(ctx.meta.locale, key) }],
  })
}

export async function updateOffice(ctx: ServiceContext, officeId: string, input: OfficeInput) {
  requireCalendarAdministrator(ctx)
  return changeCalendar(ctx, async (tx) => {
    const before = await requireOffice(tx, officeId)
    if (await findOfficeNamed(tx, input.name, officeId)) throw duplicate(ctx, 'duplicate-office')
    await updateOfficeRow(tx, officeId, input)
    await audit(tx, ctx, 'office-updated', ['appointment-office', officeId], {
      before: { name: before.name, address: before.address, accessibilityNotes: before.accessibilityNotes },
      after: input,
    })
    return officeView(tx, officeId, ctx.clock.now())
  })
}

export async function removeOffice(ctx: ServiceContext, officeId: string) {
  requireCalendarAdministrator(ctx)
  await changeCalendar(ctx, async (tx) => {
    const office = await requireOffice(tx, officeId)
    refuseIfBooked(await countOfficeBookings(tx, officeId, ctx.clock.now()))
    await deleteOffice(tx, officeId)
    await audit(tx, ctx, 'office-deleted', ['appointment-office', officeId], { name: office.name })
  })
}

async function checkServiceIds(tx: Queryable, ctx: ServiceContext, serviceIds: readonly string[]) {
  const existing = await findExistingServiceIds(tx, serviceIds)
  const missing = serviceIds.filter((id) => !existing.has(id))
  if (missing.length > 0)
    throw fieldRefusal(ctx, 'serviceIds', 'appointmentsAdmin.unknown-services', { ids: missing.join(', ') })
}

export async function createCounter(ctx: ServiceContext, officeId: string, input: CounterInput) {
  requireCalendarAdministrator(ctx)
  return changeCalendar(ctx, async (tx) => {
    await requireOffice(tx, officeId)
    if (await findCounterNamed(tx, officeId, input.name)) throw duplicate(ctx, 'duplicate-counter')
    await checkServiceIds(tx, ctx, input.serviceIds)
    const counter = await insertCounter(tx, { officeId, name: input.name, createdAt: ctx.clock.now() })
    await replaceCounterServices(tx, counter.id, input.serviceIds)
    await audit(tx, ctx, 'counter-created', ['appointment-counter', counter.id], { officeId, ...input })
    return { id: counter.id, name: counter.name, serviceIds: input.serviceIds }
  })
}

export async function updateCounter(ctx: ServiceContext, counterId: string, input: CounterInput) {
  requireCalendarAdministrator(ctx)
  return changeCalendar(ctx, async (tx) => {
    const counter = await findCounter(tx, counterId)
    if (!counter) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsAdmin.unknown-counter' })
    if (await findCounterNamed(tx, counter.officeId, input.name, counterId))
      throw duplicate(ctx, 'duplicate-counter')
    await checkServiceIds(tx, ctx, input.serviceIds)
    const servedBefore = await listCounterServiceIds(tx, counterId)
    await renameCounter(tx, counterId, input.name)
    // Bookings already made keep their counter: a service taken off it is only not offered anew.
    await replaceCounterServices(tx, counterId, input.serviceIds)
    await audit(tx, ctx, 'counter-updated', ['appointment-counter', counterId], {
      before: { name: counter.name, serviceIds: servedBefore },
      after: input,
    })
    return { id: counterId, name: input.name, serviceIds: input.serviceIds }
  })
}

export async function removeCounter(ctx: ServiceContext, counterId: string) {
  requireCalendarAdministrator(ctx)
  await changeCalendar(ctx, async (tx) => {
    const counter = await findCounter(tx, counterId)
    if (!counter) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsAdmin.unknown-counter' })
    refuseIfBooked(await countCounterBookings(tx, counterId, ctx.clock.now()))
    await deleteCounter(tx, counterId)
    await audit(tx, ctx, 'counter-deleted', ['appointment-counter', counterId], {
      officeId: counter.officeId,
      name: counter.name,
    })
  })
}

// Services

function serviceView(row: ServiceRow, futureBookings: number) {
  return {
    id: row.id,
    name: row.name,
    durationMinutes: row.durationMinutes,
    documentsToBring: row.documentsToBring,
    maxActivePerCitizen: row.maxActivePerCitizen,
    minNoticeHours: row.minNoticeHours,
    maxDaysAhead: row.maxDaysAhead,
    futureBookings,
  }
}

export async function listAdminServices(ctx: ServiceContext) {
  requireCalendarReader(ctx)
  const future = await countFutureBookingsBy(ctx.db, 'serviceId', ctx.clock.now())
  return (await listServices(ctx.db)).map((row) => serviceView(row, future.get(row.id) ?? 0))
}

export async function createService(ctx: ServiceContext, input: ServiceInput) {
  requireCalendarAdministrator(ctx)
  return changeCalendar(ctx, async (tx) => {
    if (await findServiceNamed(tx, input.name)) throw duplicate(ctx, 'duplicate-service')
    const row = await insertService(tx, { ...input, createdAt: ctx.clock.now() })
    await audit(tx, ctx, 'service-created', ['appointment-service', row.id], input)
    return serviceView(row, 0)
  })
}

/** A new length or window applies to bookings made from now on; those already made stay as they are. */
export async function updateService(ctx: ServiceContext, serviceId: string, input: ServiceInput) {
  requireCalendarAdministrator(ctx)
  return changeCalendar(ctx, async (tx) => {
    const before = await findService(tx, serviceId)
    if (!before) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsAdmin.unknown-service' })
    if (await findServiceNamed(tx, input.name, serviceId)) throw duplicate(ctx, 'duplicate-service')
    const row = await updateServiceRow(tx, serviceId, input)
    if (!row) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsAdmin.unknown-service' })
    const { future } = await countServiceBookings(tx, serviceId, ctx.clock.now())
    await audit(tx, ctx, 'service-updated', ['appointment-service', serviceId], {
      before: serviceView(before, future),
      after: input,
    })
    return serviceView(row, future)
  })
}

export async function removeService(ctx: ServiceContext, serviceId: string) {
  requireCalendarAdministrator(ctx)
  await changeCalendar(ctx, async (tx) => {
    const service = await findService(tx, serviceId)
    if (!service) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsAdmin.unknown-service' })
    refuseIfBooked(await countServiceBookings(tx, serviceId, ctx.clock.now()))
    await deleteService(tx, serviceId)
    await audit(tx, ctx, 'service-deleted', ['appointment-service', serviceId], { name: service.name })
  })
}

// Weekly hours

export async function listOfficeHours(ctx: ServiceContext, officeId: string) {
  requireCalendarReader(ctx)
  await requireOffice(ctx.db, officeId)
  const rows = await listHoursOfOffice(ctx.db, officeId)
  const byService = new Map<string, { weekday: number; opensAt: string; closesAt: string }[]>()
  for (const row of rows) {
    const ranges = byService.get(row.serviceId) ?? []
    ranges.push({ weekday: row.weekday, opensAt: clockTime(row.opensAt), closesAt: clockTime(row.closesAt) })
    byService.set(row.serviceId, ranges)
  }
  return [...byService].map(([serviceId, ranges]) => ({ serviceId, ranges }))
}

/**
 * Replaces a week of one office for one service. Bookings already made are not moved: the answer
 * says how many of those ahead the new hours no longer cover, for the office to call the citizens.
 */
export async function saveWeeklyHours(
  ctx: ServiceContext,
  officeId: string,
  serviceId: string,
  input: WeeklyHoursInput,
) {
  requireCalendarAdministrator(ctx)
  const ranges = [...input.ranges].sort((a, b) => a.weekday - b.weekday || (a.opensAt < b.opensAt ? -1 : 1))
  return changeCalendar(ctx, async (tx) => {
    await requireOffice(tx, officeId)
    if (!(await findService(tx, serviceId)))
      throw new AppError('NOT_FOUND', { messageKey: 'appointmentsAdmin.unknown-service' })
    const before = (await listHoursOfOffice(tx, officeId)).filter((row) => row.serviceId === serviceId)
    await replaceHours(tx, officeId, serviceId, ranges)
    const ahead = await listFutureBookingTimes(tx, { officeId, serviceId, from: ctx.clock.now() })
    const bookingsOutsideHours = countOutsideHours(ahead, ranges)
    await audit(tx, ctx, 'hours-replaced', ['appointment-office', officeId], {
      serviceId,
      before: before.map((row) => ({
        weekday: row.weekday,
        opensAt: clockTime(row.opensAt),
        closesAt: clockTime(row.closesAt),
      })),
      after: ranges,
      bookingsOutsideHours,
      today: romeCalendarDate(ctx.clock.now()),
    })
    return { serviceId, ranges, bookingsOutsideHours }
  })
}
