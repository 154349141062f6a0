/**
 * Dates as whole days since 1970-01-01 (proleptic Gregorian, no time zone): cheap arithmetic for
 * the generator, which handles millions of dates and never needs a time of day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAYS_PER_YEAR = 365.2425

export function dayNumberFromIso(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate)
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`)
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const dayNumber = dayNumberFromParts(year, month, day)
  if (isoFromDayNumber(dayNumber) !== isoDate) throw new RangeError(`not a calendar date: ${isoDate}`)
  return dayNumber
}

/** Days from civil date, after Howard Hinnant's public-domain algorithm. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year
  const era = Math.floor(shiftedYear / 400)
  const yearOfEra = shiftedYear - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

export function isoFromDayNumber(dayNumber: number): string {
  const shifted = dayNumber + 719_468
  const era = Math.floor(shifted / 146_097)
  const dayOfEra = shifted - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

const ROME_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar date (YYYY-MM-DD) in Rome at an instant, or the date itself when already a string. */
export function romeCalendarDate(at: Date | string): string {
  if (typeof at === 'string') return at
  if (Number.isNaN(at.getTime())) throw new RangeError('invalid date')
  return ROME_DATE.format(at)
}

/** An approximate span of years in days, for ages and durations. */
export function yearsInDays(years: number): number {
  return Math.round(years * DAYS_PER_YEAR)
}

/** The same calendar day `years` years later (29 February becomes 1 March in common years). */
export function addCalendarYears(dayNumber: number, years: number): number {
  const [year, month, day] = isoFromDayNumber(dayNumber).split('-').map(Number) as [number, number, number]
  return dayNumberFromParts(year + years, month, day)
}
