import { type Language, SUPPORTED_LANGUAGES } from './languages'

/** Dates read the way people in each language expect them: 31/12/2026 in Italian, 31 Dec 2026 in English. */
const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' }

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/

function localeOf(language: string): string {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language)
    ? LOCALES[language as Language]
    : 'it-IT'
}

/**
 * A calendar day. Days without a time (birth dates, "valid until") are not moved across time
 * zones; instants are shown as the day they fall on in Rome.
 */
export function formatDay(value: string, language: string): string {
  const dayOnly = DAY_ONLY.test(value)
  const date = new Date(dayOnly ? `${value}T12:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: dayOnly ? 'UTC' : 'Europe/Rome',
  }).format(date)
}

/** An instant, as a time of day in Rome ("14:05"). */
export function formatTime(value: number | string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Rome',
  }).format(new Date(value))
}

/** Today's date in Rome as YYYY-MM-DD, the calendar the city's deadlines follow. */
export function romeIsoDay(now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

/**
 * The last day of a period that ends at `endInstant` (exclusive), e.g. a delegation valid "until
 * 26 December" ends at midnight starting the 27th: the day before the end is what people read.
 */
export function formatLastDay(endInstant: string, language: string): string {
  const end = Date.parse(endInstant)
  if (Number.isNaN(end)) return endInstant
  return formatDay(new Date(end - 1).toISOString(), language)
}

/** The same calendar day one year later ("2026-02-28" for "2025-02-28"; 29 February becomes the 28th). */
export function sameDayNextYear(isoDay: string): string {
  const next = `${Number(isoDay.slice(0, 4)) + 1}${isoDay.slice(4)}`
  return next.endsWith('-02-29') ? next.replace(/-29$/, '-28') : next
}

/** Integer cents as euros the way each language writes them (1.234,50 € or €1,234.50). */
export function formatEuro(cents: unknown, language: string): string {
  const amount = typeof cents === 'number' ? cents / 100 : 0
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'EUR' }).format(amount)
}
