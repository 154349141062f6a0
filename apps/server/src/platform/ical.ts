import { dayNumberFromIso, isoFromDayNumber } from '../modules/registry/calendar-days.js'

/** An entry of a calendar: all-day on `date`, or from `start` to `end` when it has a time. */
export interface CalendarEvent {
  uid: string
  date: string
  summary: string
  description: string
  url: string
  start?: Date
  end?: Date
  location?: string
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\r?\n/g, '\\n')
}

/** Lines longer than 75 octets continue on the next line after a space, never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const character of line) {
    const size = Buffer.byteLength(character)
    const limit = parts.length === 0 ? 75 : 74
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += character
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

const basicDate = (isoDate: string) => isoDate.replace(/-/g, '')

const stamp = (moment: Date) => `${moment.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`

/** When an event happens: a whole day, or a time in UTC (calendar apps show it in local time). */
function eventTimes(event: CalendarEvent): string[] {
  if (event.start && event.end) return [`DTSTART:${stamp(event.start)}`, `DTEND:${stamp(event.end)}`]
  return [
    `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
    `DTEND;VALUE=DATE:${basicDate(isoFromDayNumber(dayNumberFromIso(event.date) + 1))}`,
  ]
}

/**
 * An iCalendar document (RFC 5545): a subscribable feed or a single download. All-day events get
 * a reminder at 9:00 the day before, timed ones two hours before; feeds are fetched again about
 * twice a day.
 */
export function renderCalendar(input: {
  name: string
  now: Date
  reminder: string
  events: readonly CalendarEvent[]
  product?: string
}): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Civico//${input.product ?? 'Scadenze'}//IT`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    'X-WR-TIMEZONE:Europe/Rome',
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
  ]
  for (const event of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp(input.now)}`,
      ...eventTimes(event),
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
      `URL:${event.url}`,
      event.start ? 'TRANSP:OPAQUE' : 'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      event.start ? 'TRIGGER:-PT2H' : 'TRIGGER:-PT15H',
      `DESCRIPTION:${escapeText(`${input.reminder}: ${event.summary}`)}`,
      'END:VALARM',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
