import type { Queryable } from '../../db/client.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { addDays, earlierDate, isoWeekday, minutesOfTime } from '../../platform/rome-time.js'
import { cityHolidayCalendar } from '../city/service.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import { findService, listClosures, loadCalendarRows } from './calendar-repo.js'
import {
  bookingWindow,
  indexBusy,
  isClosedOn,
  type OfficeCalendar,
  type Slot,
  searchSlots,
} from './policy.js'
import { listBusy, type ServiceRow } from './repo.js'
import type { SlotOut } from './schema.js'

/** Days of bookings read at a time when looking for the next free slots. */
const SEARCH_CHUNK_DAYS = 7
const DAY_MS = 86_400_000

export interface ServiceCalendar {
  service: ServiceRow
  offices: OfficeCalendar[]
  officeNames: Map<string, string>
  counterIds: string[]
  isHoliday: (isoDate: string) => boolean
}

/**
 * How long a process reuses a service's calendar it has read. Searches and bookings are the
 * platform's busiest reads and the calendar changes rarely; administration forgets the copies of
 * its own process at once, other processes within these seconds. Counter time is never cached:
 * who holds it is always read fresh, and the claims table decides.
 */
const CALENDAR_REUSE_MS = 5_000
const MAX_CALENDARS = 1_000
const calendars = new Map<string, { until: number; calendar: Promise<ServiceCalendar> }>()

/** Drops every calendar this process keeps, after a change to offices, services, hours or closures. */
export function forgetServiceCalendars(): void {
  calendars.clear()
}

/**
 * A service's offices, counters, hours and closures up to its booking window: read once per
 * search or booking (or reused for a few seconds), so slots are then worked out in memory.
 */
export async function loadServiceCalendar(
  db: Queryable,
  serviceId: string,
  now: Date,
  officeId?: string,
): Promise<ServiceCalendar> {
  const key = `${serviceId}|${officeId ?? ''}|${romeCalendarDate(now)}`
  const kept = calendars.get(key)
  if (kept && kept.until > Date.now()) return kept.calendar
  const calendar = readServiceCalendar(db, serviceId, now, officeId)
  if (calendars.size >= MAX_CALENDARS) calendars.delete(calendars.keys().next().value as string)
  calendars.set(key, { until: Date.now() + CALENDAR_REUSE_MS, calendar })
  calendar.catch(() => calendars.delete(key))
  return calendar
}

async function readServiceCalendar(
  db: Queryable,
  serviceId: string,
  now: Date,
  officeId?: string,
): Promise<ServiceCalendar> {
  const [service, rows, isHoliday] = await Promise.all([
    findService(db, serviceId),
    loadCalendarRows(db, serviceId, officeId),
    cityHolidayCalendar({ db: db as ServiceContext['db'] }),
  ])
  if (!service) throw new AppError('NOT_FOUND', { messageKey: 'appointments.unknown-service' })
  const today = romeCalendarDate(now)
  const closures = await listClosures(
    db,
    rows.offices.map((office) => office.id),
    today,
    bookingWindow(service, now.getTime()).lastDate,
  )
  const offices = rows.offices
    .map((office) => ({
      officeId: office.id,
      counterIds: rows.counters
        .filter((counter) => counter.officeId === office.id)
        .map((counter) => counter.id),
      hours: rows.hours
        .filter((hours) => hours.officeId === office.id)
        .map((hours) => ({
          weekday: hours.weekday,
          opensMinute: minutesOfTime(hours.opensAt),
          closesMinute: minutesOfTime(hours.closesAt),
        })),
      closures: closures.filter((closure) => closure.officeId === null || closure.officeId === office.id),
    }))
    .filter((office) => office.hours.length > 0 && office.counterIds.length > 0)
  if (officeId && offices.length === 0) {
    throw new AppError('NOT_FOUND', { messageKey: 'appointments.not-offered' })
  }
  return {
    service,
    offices,
    officeNames: new Map(rows.offices.map((office) => [office.id, office.name])),
    counterIds: offices.flatMap((office) => office.counterIds),
    isHoliday,
  }
}

export function slotOut(calendar: ServiceCalendar, slot: Slot): SlotOut {
  return {
    officeId: slot.officeId,
    officeName: calendar.officeNames.get(slot.officeId) ?? '',
    startsAt: new Date(slot.startsAt).toISOString(),
    endsAt: new Date(slot.endsAt).toISOString(),
    freeCounters: slot.freeCounterIds.length,
  }
}

/**
 * Free slots from a day on, a week of bookings per read, until `limit` are found or the booking
 * window ends. `excludeBookingId` counts that booking's own time as free (a move may overlap it).
 */
export async function findFreeSlots(
  db: Queryable,
  calendar: ServiceCalendar,
  options: {
    now: Date
    fromDate: string
    toDate?: string
    notBefore?: number
    limit: number
    excludeBookingId?: string
  },
): Promise<Slot[]> {
  const now = options.now.getTime()
  const { lastDate } = bookingWindow(calendar.service, now)
  const toDate = options.toDate ? earlierDate(options.toDate, lastDate) : lastDate
  const found: Slot[] = []
  for (let from = options.fromDate; from <= toDate && found.length < options.limit; ) {
    const chunkEnd = earlierDate(addDays(from, SEARCH_CHUNK_DAYS - 1), toDate)
    if (!anyOfficeOpen(calendar, from, chunkEnd)) {
      from = addDays(chunkEnd, 1)
      continue // closed days need no read of who holds the counters
    }
    // A day in Rome lies within a day either side of UTC midnight: a generous read is a cheap one.
    const busy = await listBusy(
      db,
      calendar.counterIds,
      new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS),
      new Date(Date.parse(`${chunkEnd}T00:00:00Z`) + 2 * DAY_MS),
    )
    found.push(
      ...searchSlots({
        service: calendar.service,
        offices: calendar.offices,
        busy: indexBusy(
          busy
            .filter((interval) => interval.bookingId !== options.excludeBookingId)
            .map((interval) => ({
              counterId: interval.counterId,
              startsAt: interval.startsAt.getTime(),
              endsAt: interval.endsAt.getTime(),
            })),
        ),
        isHoliday: calendar.isHoliday,
        now,
        fromDate: from,
        toDate: chunkEnd,
        notBefore: options.notBefore,
        limit: options.limit - found.length,
      }),
    )
    from = addDays(chunkEnd, 1)
  }
  return found
}

function anyOfficeOpen(calendar: ServiceCalendar, fromDate: string, toDate: string): boolean {
  for (let day = fromDate; day <= toDate; day = addDays(day, 1)) {
    const weekday = isoWeekday(day)
    for (const office of calendar.offices) {
      if (
        office.hours.some((hours) => hours.weekday === weekday) &&
        !isClosedOn(office, day, calendar.isHoliday)
      )
        return true
    }
  }
  return false
}

/** The slot search of the booking pages: by office and day, or the first free ones anywhere. */
export async function searchAppointmentSlots(
  ctx: ServiceContext,
  query: { service: string; office?: string; date?: string; limit: number },
) {
  const now = ctx.clock.now()
  const calendar = await loadServiceCalendar(ctx.db, query.service, now, query.office)
  const today = romeCalendarDate(now)
  const slots = await findFreeSlots(ctx.db, calendar, {
    now,
    fromDate: query.date && query.date > today ? query.date : today,
    toDate: query.date,
    limit: query.limit,
  })
  return {
    service: {
      id: calendar.service.id,
      name: calendar.service.name,
      durationMinutes: calendar.service.durationMinutes,
    },
    slots: slots.map((slot) => slotOut(calendar, slot)),
  }
}
