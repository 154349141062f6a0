import type { DELIVERY_CHANNELS } from './tables.js'
import type { Topic } from './templates.js'

export type Channel = (typeof DELIVERY_CHANNELS)[number]

/** What a citizen gets before choosing: the phone and e-mail for what matters, no SMS costs. */
export const DEFAULT_CHANNELS: Record<Topic, Channel[]> = {
  account: ['email', 'push'],
  deadlines: ['push', 'email', 'io'],
  payments: ['push', 'email', 'io'],
  appointments: ['push', 'email', 'io'],
  certificates: ['push', 'email'],
  tickets: ['push', 'email'],
  reports: ['push', 'email'],
  city: ['push'],
}

/** Order of preference when a legal message must find some way to reach the person. */
const LEGAL_FALLBACK: Channel[] = ['io', 'email', 'push', 'sms']

export interface Reachability {
  push: boolean
  email: boolean
  sms: boolean
  io: boolean
}

/**
 * The channels a message goes out on: the citizen's choice for its topic (or the default), limited to
 * the channels that can reach them. A legal message whose topic the citizen silenced still goes out,
 * on the defaults, or failing those on the first channel that reaches them.
 */
export function chooseChannels(input: {
  topic: Topic
  legal: boolean
  chosen: Record<string, readonly string[]> | null
  reachable: Reachability
}): Channel[] {
  const wanted = (input.chosen?.[input.topic] ?? DEFAULT_CHANNELS[input.topic]) as readonly Channel[]
  const usable = wanted.filter((channel) => input.reachable[channel])
  if (usable.length > 0 || !input.legal) return usable
  const defaults = DEFAULT_CHANNELS[input.topic].filter((channel) => input.reachable[channel])
  if (defaults.length > 0) return defaults
  const first = LEGAL_FALLBACK.find((channel) => input.reachable[channel])
  return first ? [first] : []
}

const ROME_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number]
  return hours * 60 + minutes
}

/**
 * When a phone may ring again: null when `now` is outside the quiet hours (Rome time), otherwise the
 * instant they end. Quiet hours may cross midnight ("22:00"–"07:30").
 */
export function endOfQuietHours(
  now: Date,
  quiet: { from: string | null; until: string | null },
): Date | null {
  if (!quiet.from || !quiet.until || quiet.from === quiet.until) return null
  const current = minutesOf(ROME_CLOCK.format(now))
  const from = minutesOf(quiet.from)
  const until = minutesOf(quiet.until)
  const inside = from < until ? current >= from && current < until : current >= from || current < until
  if (!inside) return null
  const wait = (until - current + 24 * 60) % (24 * 60)
  // Whole minutes are enough; seconds already elapsed in this minute are subtracted.
  return new Date(now.getTime() + wait * 60_000 - (now.getTime() % 60_000))
}

/** Channels that wake a phone; e-mail can wait in its box. */
export const INTRUSIVE_CHANNELS: readonly Channel[] = ['push', 'sms', 'io']

/** Topics carrying messages with legal value (payment notices): they keep at least one channel. */
export const LEGAL_TOPICS: readonly string[] = ['payments']
