import { addDays, isoWeekday, romeDateAndMinutes, romeInstant } from '../../platform/rome-time.js'

const MINUTE_MS = 60_000
/** Far enough for any SLA target: a year of working days. */
const MAX_DAYS_SCANNED = 800

/** When the city's offices answer: weekdays within the hours, except its holidays (Rome time). */
export interface BusinessCalendar {
  startMinutes: number
  endMinutes: number
  isHoliday: (isoDate: string) => boolean
}

function isWorkingDay(calendar: BusinessCalendar, isoDate: string): boolean {
  return isoWeekday(isoDate) <= 5 && !calendar.isHoliday(isoDate)
}

/** The working window of a day as instants, or null on a day off. */
function windowOf(calendar: BusinessCalendar, isoDate: string): { opens: number; closes: number } | null {
  if (!isWorkingDay(calendar, isoDate)) return null
  const opens = romeInstant(isoDate, calendar.startMinutes)
  const closes = romeInstant(isoDate, calendar.endMinutes)
  if (opens === null || closes === null) return null
  return { opens, closes }
}

/**
 * The instant `minutes` business minutes after `from`: time outside the hours, at weekends and on
 * holidays does not count. A ticket arriving on Friday evening with 4 hours to answer is due on
 * Monday at noon when the day starts at 08:00.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  let remaining = minutes * MINUTE_MS
  let day = romeDateAndMinutes(from.getTime()).date
  let cursor = from.getTime()
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day = addDays(day, 1)) {
    const window = windowOf(calendar, day)
    if (!window || cursor >= window.closes) continue
    const start = Math.max(cursor, window.opens)
    const available = window.closes - start
    if (remaining <= available) return new Date(start + remaining)
    remaining -= available
    cursor = window.closes
  }
  throw new RangeError('SLA target beyond the scanned calendar')
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0
  let total = 0
  let day = romeDateAndMinutes(from.getTime()).date
  const lastDay = romeDateAndMinutes(to.getTime()).date
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED && day <= lastDay; scanned++, day = addDays(day, 1)) {
    const window = windowOf(calendar, day)
    if (!window) continue
    const start = Math.max(from.getTime(), window.opens)
    const end = Math.min(to.getTime(), window.closes)
    if (end > start) total += end - start
  }
  return Math.floor(total / MINUTE_MS)
}

export interface SlaTargets {
  firstResponseMinutes: number
  resolutionMinutes: number
}

/** Due times of a ticket opened (or reopened) at `from`. */
export function slaDueDates(
  calendar: BusinessCalendar,
  from: Date,
  targets: SlaTargets,
): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  return {
    firstResponseDueAt: addBusinessMinutes(calendar, from, targets.firstResponseMinutes),
    resolutionDueAt: addBusinessMinutes(calendar, from, targets.resolutionMinutes),
  }
}

/**
 * Due times after a pause (waiting for the citizen) from `pausedAt` to `resumedAt`: each moves on
 * by the business minutes the pause lasted, so the team keeps exactly the time it had left.
 */
export function resumeDueDate(
  calendar: BusinessCalendar,
  dueAt: Date,
  pausedAt: Date,
  resumedAt: Date,
): Date {
  const paused = businessMinutesBetween(calendar, pausedAt, resumedAt)
  if (paused === 0) return dueAt
  const leftAtPause = businessMinutesBetween(calendar, pausedAt, dueAt)
  // Already overdue when paused: it stays as late as it was.
  if (dueAt.getTime() <= pausedAt.getTime()) return dueAt
  return addBusinessMinutes(calendar, resumedAt, leftAtPause)
}
