import { addDays, romeInstant } from '../../platform/rome-time.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import type { BookingStatus } from './policy.js'

/** Who works at the counter: operators, their supervisors and administrators. */
export const DESK_ROLES = ['operator', 'supervisor', 'admin'] as const

/** A citizen arriving later than this after the booked start has lost the turn. */
export const CHECK_IN_GRACE_MINUTES = 30
/** How many of the day's calls the public display lists, the latest first. */
export const DISPLAY_CALLS = 8
/** Bookings the agenda leaves out: time given back, or never taken by the citizen. */
export const OFF_AGENDA_STATUSES: readonly BookingStatus[] = ['cancelled', 'expired', 'offered']

const MINUTE_MS = 60_000

export type DeskAction = 'check-in' | 'call' | 'recall' | 'served' | 'no-show'

/** The statuses each desk action starts from. */
const ALLOWED_FROM: Record<DeskAction, readonly BookingStatus[]> = {
  'check-in': ['booked'],
  call: ['checked-in'],
  recall: ['called'],
  // A citizen taken at once, before the display called them, is served all the same.
  served: ['called', 'checked-in'],
  'no-show': ['booked', 'checked-in', 'called'],
}

export function canMove(action: DeskAction, status: string): boolean {
  return (ALLOWED_FROM[action] as readonly string[]).includes(status)
}

/** The message key that explains why an action does not apply to a booking in this status. */
function statusRefusal(status: string): string {
  switch (status) {
    case 'served':
      return 'appointmentsDesk.already-served'
    case 'no-show':
      return 'appointmentsDesk.already-no-show'
    case 'booked':
      return 'appointmentsDesk.not-checked-in'
    case 'checked-in':
      return 'appointmentsDesk.not-called'
    case 'called':
      return 'appointmentsDesk.already-called'
    default:
      return 'appointmentsDesk.not-active'
  }
}

export interface Refusal {
  key: string
  params?: Record<string, string | number>
}

export interface DeskBooking {
  officeId: string
  status: string
  startsAt: Date
}

/**
 * Why a booking cannot be checked in at this office now; null when it can. A booking already
 * checked in (or already called) is not refused: checking in again answers the same ticket.
 */
export function checkInRefusal(booking: DeskBooking, officeId: string, now: number): Refusal | null {
  if (booking.officeId !== officeId) return { key: 'appointmentsDesk.other-office' }
  if (booking.status === 'checked-in' || booking.status === 'called') return null
  if (!canMove('check-in', booking.status)) return { key: statusRefusal(booking.status) }
  const day = romeCalendarDate(booking.startsAt)
  if (day !== romeCalendarDate(new Date(now))) return { key: 'appointmentsDesk.other-day', params: { day } }
  if (now > booking.startsAt.getTime() + CHECK_IN_GRACE_MINUTES * MINUTE_MS) {
    return { key: 'appointmentsDesk.too-late', params: { minutes: CHECK_IN_GRACE_MINUTES } }
  }
  return null
}

/** Why a called, served or missed mark does not apply; null when it does. */
export function actionRefusal(action: Exclude<DeskAction, 'check-in'>, booking: DeskBooking, now: number) {
  if (!canMove(action, booking.status)) return { key: statusRefusal(booking.status) }
  // Nobody is missing before their time has come.
  if (action === 'no-show' && booking.startsAt.getTime() > now) return { key: 'appointmentsDesk.not-yet' }
  return null
}

/** Whether a check-in is only repeated: the ticket already given is answered again. */
export function isRepeatedCheckIn(status: string): boolean {
  return status === 'checked-in' || status === 'called'
}

/** The instants a Rome calendar day runs between, whatever the change of the clocks does to it. */
export function romeDayBounds(isoDate: string): { from: Date; to: Date } {
  // Rome's clocks change at night, never at midnight: both ends always exist.
  return {
    from: new Date(romeInstant(isoDate, 0) as number),
    to: new Date(romeInstant(addDays(isoDate, 1), 0) as number),
  }
}

/** The number the display shows: three figures, so a queue of the day reads at a glance. */
export function ticketLabel(ticketNumber: number): string {
  return String(ticketNumber).padStart(3, '0')
}
