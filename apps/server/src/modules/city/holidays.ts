import { dayNumberFromIso, isoFromDayNumber } from '../registry/calendar-days.js'

/** Milan's patron, Sant'Ambrogio: the demo city's, and any city's whose profile names none. */
export const DEMO_CITY_PATRON_DAY = '12-07'
const PATRON_DAYS_BY_ISTAT_CODE: Record<string, string> = { '015146': '12-07' }

export function patronDayOf(istatCode: string | null | undefined): string {
  return (istatCode && PATRON_DAYS_BY_ISTAT_CODE[istatCode]) || DEMO_CITY_PATRON_DAY
}

/** Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Italian public holidays of a year (L. 260/1949 and later changes) plus the city's patron day. */
export function holidaysOf(year: number, patronDay: string): Map<string, string> {
  const on = (monthDay: string) => `${year}-${monthDay}`
  const easter = easterSunday(year)
  const holidays = new Map<string, string>([
    [on('01-01'), 'Capodanno'],
    [on('01-06'), 'Epifania'],
    [easter, 'Pasqua'],
    [isoFromDayNumber(dayNumberFromIso(easter) + 1), 'Lunedì dell’Angelo'],
    [on('04-25'), 'Festa della Liberazione'],
    [on('05-01'), 'Festa del Lavoro'],
    [on('06-02'), 'Festa della Repubblica'],
    [on('08-15'), 'Ferragosto'],
    [on('11-01'), 'Ognissanti'],
    [on('12-08'), 'Immacolata Concezione'],
    [on('12-25'), 'Natale'],
    [on('12-26'), 'Santo Stefano'],
  ])
  // San Francesco d'Assisi, patron of Italy, is a national holiday again from 2026.
  if (year >= 2026) holidays.set(on('10-04'), 'San Francesco d’Assisi')
  if (!holidays.has(on(patronDay))) holidays.set(on(patronDay), 'Santo patrono')
  return holidays
}

/** A holiday test that computes each year's list once. */
export function holidayCalendar(patronDay: string): (isoDate: string) => boolean {
  const years = new Map<number, Map<string, string>>()
  return (isoDate) => {
    const year = Number(isoDate.slice(0, 4))
    let holidays = years.get(year)
    if (!holidays) {
      holidays = holidaysOf(year, patronDay)
      years.set(year, holidays)
    }
    return holidays.has(isoDate)
  }
}
