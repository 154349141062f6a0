import { dayNumberFromIso } from '../registry/calendar-days.js'

export const DEADLINE_SOURCES = ['registry', 'payments', 'appointments'] as const
export type DeadlineSource = (typeof DEADLINE_SOURCES)[number]
export type DeadlineStatus = 'expired' | 'due-soon' | 'upcoming'

/** One date the citizen must act by, whichever capability it comes from. */
export interface DeadlineItem {
  /** Stable across calls and feeds: the source and its own id. */
  id: string
  source: DeadlineSource
  /** A registry record's kind (identity card, permit…) or "payment". */
  kind: string
  /** What the date is about in the source's own words (a notice's description); null for records. */
  title: string | null
  reference: string | null
  /** The folder section of a record; null for other sources. */
  section: string | null
  date: string
  daysLeft: number
  status: DeadlineStatus
  amountCents: number | null
  /** For appointments: when it starts and ends (the date is the start's day in Rome) and where. */
  startsAt: string | null
  endsAt: string | null
  place: string | null
}

/** Dates lapsed longer ago than this drop out; a year ahead is as far as Scadenze looks. */
export const PAST_DAYS = 365
export const AHEAD_DAYS = 365

export function statusOf(daysLeft: number, warningDays: number): DeadlineStatus {
  return daysLeft < 0 ? 'expired' : daysLeft <= warningDays ? 'due-soon' : 'upcoming'
}

export function daysBetween(today: string, date: string): number {
  return dayNumberFromIso(date) - dayNumberFromIso(today)
}

/** Every source's dates in one list: soonest first, the same day in a stable order. */
export function mergeDeadlines(lists: readonly (readonly DeadlineItem[])[]): DeadlineItem[] {
  return lists
    .flat()
    .filter((item) => item.daysLeft >= -PAST_DAYS && item.daysLeft <= AHEAD_DAYS)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
}
