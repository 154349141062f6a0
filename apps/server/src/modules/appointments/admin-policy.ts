import type { Actor } from '../../platform/context.js'
import {
  addDays,
  isoWeekday,
  minutesOfTime,
  romeDateAndMinutes,
  romeInstant,
} from '../../platform/rome-time.js'

/** Administrators change the calendar; supervisors read it to plan their teams. */
export function mayReadCalendar(actor: Actor): boolean {
  return actor.type === 'staff' && (actor.roles.includes('admin') || actor.roles.includes('supervisor'))
}

export function mayAdministerCalendar(actor: Actor): boolean {
  return actor.type === 'staff' && actor.roles.includes('admin')
}

export interface WeeklyRange {
  weekday: number
  opensAt: string
  closesAt: string
}

/**
 * How many bookings fall outside a week of hours, read on the Rome wall clock. Replacing hours
 * keeps every booking where it is: the page tells the administrator how many are now off-hours.
 */
export function countOutsideHours(
  bookings: readonly { startsAt: Date; endsAt: Date }[],
  ranges: readonly WeeklyRange[],
): number {
  return bookings.filter((booking) => {
    const start = romeDateAndMinutes(booking.startsAt.getTime())
    const end = start.minutes + Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000)
    const weekday = isoWeekday(start.date)
    return !ranges.some(
      (range) =>
        range.weekday === weekday &&
        minutesOfTime(range.opensAt) <= start.minutes &&
        end <= minutesOfTime(range.closesAt),
    )
  }).length
}

/** The instants bounding Rome calendar days [fromDate, toDate]: midnight of the first to midnight after the last. */
export function romeDaysBounds(fromDate: string, toDate: string): { from: Date; to: Date } {
  // Clocks in Rome change at 2:00 or 3:00, so midnight always exists.
  return {
    from: new Date(romeInstant(fromDate, 0) as number),
    to: new Date(romeInstant(addDays(toDate, 1), 0) as number),
  }
}

/** "08:30:00" as the database returns a time, read back as the "08:30" administrators write. */
export function clockTime(value: string): string {
  return value.slice(0, 5)
}
