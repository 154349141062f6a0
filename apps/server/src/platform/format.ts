import type { Locale } from './i18n.js'

const TAG: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' }
const euroFormats = new Map<Locale, Intl.NumberFormat>()
const longDates = new Map<Locale, Intl.DateTimeFormat>()
const shortDates = new Map<Locale, Intl.DateTimeFormat>()

function cached<T>(cache: Map<Locale, T>, locale: Locale, make: (tag: string) => T): T {
  const known = cache.get(locale)
  if (known) return known
  const made = make(TAG[locale])
  cache.set(locale, made)
  return made
}

/** "1.234,56 €" in Italian, "€1,234.56" in English: messages, notices and pages written by the server. */
export function formatEuro(cents: number, locale: Locale): string {
  return cached(
    euroFormats,
    locale,
    (tag) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' }),
  ).format(cents / 100)
}

/** A calendar day in words, "1 marzo 2027"; the day is read at noon UTC so no time zone moves it. */
export function formatLongDate(isoDate: string, locale: Locale): string {
  return cached(
    longDates,
    locale,
    (tag) =>
      new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(`${isoDate}T12:00:00Z`))
}

/** A calendar day in figures, "01/03/2027", as printed on forms. */
export function formatShortDate(isoDate: string, locale: Locale): string {
  return cached(
    shortDates,
    locale,
    (tag) =>
      new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(`${isoDate}T12:00:00Z`))
}

const romeDateTimes = new Map<Locale, Intl.DateTimeFormat>()

/** A moment as read on a clock in Italy, "16/04/2027, 10:32". */
export function formatRomeDateTime(moment: Date, locale: Locale): string {
  return cached(
    romeDateTimes,
    locale,
    (tag) =>
      new Intl.DateTimeFormat(tag, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Rome',
      }),
  ).format(moment)
}
