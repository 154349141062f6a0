import { romeIsoDay } from '../../app/i18n/format'
import type { MyAppointment } from './appointments-api'

const DAY_MS = 86_400_000

/** How many weekdays the date list shows at a time; "more days" adds as many again. */
export const DAYS_PER_PAGE = 10

export function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

const weekdayOf = (isoDay: string) => new Date(`${isoDay}T12:00:00Z`).getUTCDay()

/**
 * The weekdays from today (in Rome) to the end of the booking window. Offices are closed at the
 * weekend; holidays and closures still show, as days without free times.
 */
export function bookingDays(maxDaysAhead: number, count: number, today = romeIsoDay()): string[] {
  const last = addDays(today, maxDaysAhead)
  const days: string[] = []
  for (let day = today; day <= last && days.length < count; day = addDays(day, 1)) {
    const weekday = weekdayOf(day)
    if (weekday !== 0 && weekday !== 6) days.push(day)
  }
  return days
}

/** The last weekday of the window, so the list knows when there are no more days to show. */
export function lastBookingDay(maxDaysAhead: number, today = romeIsoDay()): string {
  const all = bookingDays(maxDaysAhead, Number.MAX_SAFE_INTEGER, today)
  return all[all.length - 1] ?? today
}

const LOCALES: Record<string, string> = { it: 'it-IT', en: 'en-GB' }

/** "giovedì 3 dicembre" / "Thursday 3 December": a day as people name it when booking. */
export function formatWeekday(isoDay: string, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'it-IT', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${isoDay}T12:00:00Z`))
}

/** The day an instant falls on in Rome, as YYYY-MM-DD. */
export const romeDayOf = (instant: string) => romeIsoDay(Date.parse(instant))

/** Upcoming: still to happen or happening; past: done, missed, cancelled or expired. */
export function isUpcoming(appointment: MyAppointment, now: number): boolean {
  if (!['booked', 'checked-in', 'called'].includes(appointment.status)) return false
  if (Date.parse(appointment.endsAt) > now) return true
  // Someone checked in whose turn runs late is still at the office today.
  return appointment.status !== 'booked' && romeDayOf(appointment.startsAt) === romeIsoDay(now)
}

/** Minutes left until an instant, never below zero. */
export function minutesLeft(until: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(until) - now) / 60_000))
}
