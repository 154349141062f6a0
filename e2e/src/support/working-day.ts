const DAY_MS = 86_400_000
// Italy's fixed holidays (4 October, St Francis, again from 2026) and the demo city's patron day
// (Milan's 7 December), as month-day.
const CLOSED_DAYS = [
  '01-01',
  '01-06',
  '04-25',
  '05-01',
  '06-02',
  '08-15',
  '10-04',
  '11-01',
  '12-07',
  '12-08',
  '12-25',
  '12-26',
]

const romeDay = (at: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)

/** Easter Sunday (the anonymous Gregorian algorithm), for Easter Monday. */
function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The next Monday to Friday after today (Rome) on which the demo city works: journeys that need
 * open offices or running business-hour clocks start the server's clock on it.
 */
export function nextWorkingDay(): string {
  for (let at = Date.now() + DAY_MS; ; at += DAY_MS) {
    const day = romeDay(at)
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
    const easterMonday = new Date(Date.parse(`${easterSunday(Number(day.slice(0, 4)))}T12:00:00Z`) + DAY_MS)
    if (weekday === 0 || weekday === 6 || CLOSED_DAYS.includes(day.slice(5))) continue
    if (easterMonday.toISOString().slice(0, 10) === day) continue
    return day
  }
}

/** The instant of a Rome wall-clock hour (`'09'`) on a day, whether Italy is on winter or summer time. */
export function romeHourOn(day: string, hour: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const instant = new Date(`${day}T${hour}:00:00${offset}`)
    const shown = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Rome',
      hour: '2-digit',
      hour12: false,
    }).format(instant)
    if (shown === hour) return instant.toISOString()
  }
  throw new Error(`no ${hour}:00 in Rome on ${day}`)
}
