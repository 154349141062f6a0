import { dayNumberFromIso, isoFromDayNumber } from '../modules/registry/calendar-days.js'

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

const ROME_WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** "YYYY-MM-DD HH:MM" as a Rome wall clock shows it at an instant. */
export function romeWallClock(at: number): string {
  const parts = ROME_WALL_CLOCK.formatToParts(at)
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/**
 * The instant a Rome wall clock shows `minutes` after midnight of `isoDate`, or null for a time
 * skipped when clocks go forward. Rome is UTC+1 in winter and UTC+2 in summer: the right offset is
 * the one that reads back the same; on the autumn repeat the earlier (summer) instant wins.
 */
export function romeInstant(isoDate: string, minutes: number): number | null {
  const wallAsUtc = Date.parse(`${isoDate}T00:00:00Z`) + minutes * MINUTE_MS
  const wanted = `${isoDate} ${hhmm(minutes)}`
  for (const offsetHours of [2, 1]) {
    const candidate = wallAsUtc - offsetHours * HOUR_MS
    if (romeWallClock(candidate) === wanted) return candidate
  }
  return null
}

/** The Rome calendar date and minutes after midnight of an instant. */
export function romeDateAndMinutes(at: number): { date: string; minutes: number } {
  const [date = '', clock = '00:00'] = romeWallClock(at).split(' ')
  const [hours = 0, mins = 0] = clock.split(':').map(Number)
  return { date, minutes: hours * 60 + mins }
}

/** ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(isoDate: string): number {
  return ((((dayNumberFromIso(isoDate) + 3) % 7) + 7) % 7) + 1
}

export function addDays(isoDate: string, days: number): string {
  return isoFromDayNumber(dayNumberFromIso(isoDate) + days)
}

/** The earlier of two ISO dates (strings compare in calendar order). */
export function earlierDate(a: string, b: string): string {
  return a < b ? a : b
}

/** "08:30" or "08:30:00" as minutes after midnight. */
export function minutesOfTime(value: string): number {
  const [hours = 0, minutes = 0] = value.split(':').map(Number)
  return hours * 60 + minutes
}

export { hhmm as timeOfMinutes }
