import { addDays, earlierDate, isoWeekday, romeInstant } from '../../platform/rome-time.js'
import { romeCalendarDate } from '../registry/calendar-days.js'

export const BOOKING_STATUSES = [
  'booked',
  'cancelled',
  'checked-in',
  'called',
  'served',
  'no-show',
  // A freed slot held for the first of the waiting list until `heldUntil`; `expired` when not taken.
  'offered',
  'expired',
] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
/** Statuses that count against the citizen's limit while the appointment is still ahead. */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['booked', 'checked-in', 'called']
/** Statuses whose counter time has been given back. */
export const RELEASED_STATUSES: readonly BookingStatus[] = ['cancelled', 'expired']
export const BOOKING_CHANNELS = ['web', '020202', 'counter'] as const
export type BookingChannel = (typeof BOOKING_CHANNELS)[number]
export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'left', 'expired'] as const
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number]

/** The slice of counter time a booking claims row by row; service durations are multiples of it. */
export const CLAIM_MINUTES = 5
const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

export interface ServiceRules {
  durationMinutes: number
  minNoticeHours: number
  maxDaysAhead: number
}

export interface OpeningHours {
  weekday: number
  opensMinute: number
  closesMinute: number
}

/** One office as the slot search sees it for one service. */
export interface OfficeCalendar {
  officeId: string
  /** The office's counters that serve the service. */
  counterIds: readonly string[]
  hours: readonly OpeningHours[]
  /** The office's own closures and the city-wide ones. */
  closures: readonly { fromDate: string; toDate: string }[]
}

export interface BusyInterval {
  counterId: string
  startsAt: number
  endsAt: number
}

export interface Slot {
  officeId: string
  startsAt: number
  endsAt: number
  freeCounterIds: string[]
}

/** When a booking may start: not before the notice, not after the last day of the window. */
export function bookingWindow(service: ServiceRules, now: number): { earliest: number; lastDate: string } {
  return {
    earliest: now + service.minNoticeHours * HOUR_MS,
    lastDate: addDays(romeCalendarDate(new Date(now)), service.maxDaysAhead),
  }
}

export function isClosedOn(office: OfficeCalendar, isoDate: string, isHoliday: (date: string) => boolean) {
  return (
    isHoliday(isoDate) ||
    office.closures.some((closure) => closure.fromDate <= isoDate && isoDate <= closure.toDate)
  )
}

/**
 * The starts a day's opening hours allow for a service, on the service's grid from each opening
 * time, ignoring bookings, closures and the window. Wall-clock times skipped by the spring change
 * of the clocks are left out.
 */
export function slotGrid(service: ServiceRules, office: OfficeCalendar, isoDate: string) {
  const weekday = isoWeekday(isoDate)
  const starts: { startsAt: number; endsAt: number }[] = []
  for (const hours of office.hours) {
    if (hours.weekday !== weekday) continue
    for (let at = hours.opensMinute; at + service.durationMinutes <= hours.closesMinute; ) {
      const startsAt = romeInstant(isoDate, at)
      at += service.durationMinutes
      if (startsAt !== null) starts.push({ startsAt, endsAt: startsAt + service.durationMinutes * MINUTE_MS })
    }
  }
  return starts.sort((a, b) => a.startsAt - b.startsAt)
}

/** Busy intervals per counter, sorted; a counter's intervals never overlap. */
export function indexBusy(busy: readonly BusyInterval[]): Map<string, BusyInterval[]> {
  const byCounter = new Map<string, BusyInterval[]>()
  for (const interval of busy) {
    const list = byCounter.get(interval.counterId)
    if (list) list.push(interval)
    else byCounter.set(interval.counterId, [interval])
  }
  for (const list of byCounter.values()) list.sort((a, b) => a.startsAt - b.startsAt)
  return byCounter
}

function isFree(intervals: readonly BusyInterval[] | undefined, startsAt: number, endsAt: number) {
  if (!intervals) return true
  // The first interval ending after the start is the only one that can overlap.
  let low = 0
  let high = intervals.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((intervals[middle] as BusyInterval).endsAt <= startsAt) low = middle + 1
    else high = middle
  }
  const next = intervals[low]
  return !next || next.startsAt >= endsAt
}

export interface SlotSearch {
  service: ServiceRules
  offices: readonly OfficeCalendar[]
  busy: ReadonlyMap<string, BusyInterval[]>
  isHoliday: (isoDate: string) => boolean
  now: number
  fromDate: string
  toDate: string
  /** Only slots starting at or after this instant. */
  notBefore?: number
  limit: number
}

/** Free slots in start order (then office order), day by day, until `limit` are found. */
export function searchSlots(search: SlotSearch): Slot[] {
  const { earliest, lastDate } = bookingWindow(search.service, search.now)
  const notBefore = Math.max(earliest, search.notBefore ?? earliest)
  const lastDay = earlierDate(search.toDate, lastDate)
  const found: Slot[] = []
  for (let date = search.fromDate; date <= lastDay && found.length < search.limit; date = addDays(date, 1)) {
    const ofDay: Slot[] = []
    for (const office of search.offices) {
      if (office.counterIds.length === 0 || isClosedOn(office, date, search.isHoliday)) continue
      for (const { startsAt, endsAt } of slotGrid(search.service, office, date)) {
        if (startsAt < notBefore) continue
        const freeCounterIds = office.counterIds.filter((id) => isFree(search.busy.get(id), startsAt, endsAt))
        if (freeCounterIds.length > 0)
          ofDay.push({ officeId: office.officeId, startsAt, endsAt, freeCounterIds })
      }
    }
    ofDay.sort((a, b) => a.startsAt - b.startsAt)
    found.push(...ofDay)
  }
  return found.slice(0, search.limit)
}

/** Why a start cannot be booked at an office, ignoring whether a counter is free; null when it can. */
export function startRefusal(
  service: ServiceRules,
  office: OfficeCalendar,
  startsAt: number,
  now: number,
  isHoliday: (isoDate: string) => boolean,
): string | null {
  const { earliest, lastDate } = bookingWindow(service, now)
  const date = romeCalendarDate(new Date(startsAt))
  if (startsAt < earliest) return 'appointments.too-soon'
  if (date > lastDate) return 'appointments.too-far'
  if (isClosedOn(office, date, isHoliday)) return 'appointments.closed'
  const onGrid = slotGrid(service, office, date).some((slot) => slot.startsAt === startsAt)
  return onGrid ? null : 'appointments.not-a-slot'
}

/** The claim rows a booking of [startsAt, endsAt) holds. */
export function claimStarts(startsAt: number, endsAt: number): number[] {
  const starts: number[] = []
  for (let at = startsAt; at < endsAt; at += CLAIM_MINUTES * MINUTE_MS) starts.push(at)
  return starts
}

/**
 * Whether a booking may still be cancelled or moved. A slot offered from the waiting list can be
 * declined (cancelled) but not moved: it was never the citizen's choice of time.
 */
export function changeRefusal(
  booking: { status: string; startsAt: Date },
  now: number,
  change: 'cancel' | 'move' = 'cancel',
): string | null {
  const changeable = booking.status === 'booked' || (change === 'cancel' && booking.status === 'offered')
  if (!changeable) return 'appointments.not-changeable'
  if (booking.startsAt.getTime() <= now) return 'appointments.already-started'
  return null
}

/** How long a freed slot waits for the first of the waiting list before going to the next. */
export const OFFER_HOLD_MINUTES = 120
/** Time too close to offer from the waiting list: it is simply left free. */
export const OFFER_MIN_LEAD_MINUTES = 60

/** Until when an offer made now for a slot starting at `startsAt` holds; null when too late to offer. */
export function offerHoldUntil(startsAt: number, now: number): number | null {
  if (startsAt - now < OFFER_MIN_LEAD_MINUTES * MINUTE_MS) return null
  return Math.min(now + OFFER_HOLD_MINUTES * MINUTE_MS, startsAt - (OFFER_MIN_LEAD_MINUTES / 2) * MINUTE_MS)
}
