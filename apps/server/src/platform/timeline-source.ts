import type { SQL } from 'drizzle-orm'

/** A page of the CRM's 360° view: entries older than `before`, at most `limit` of them. */
export interface TimelinePage {
  before?: Date
  limit: number
}

/**
 * One capability's part of the 360° view: a SELECT, newest first and at most `page.limit` rows,
 * giving exactly these columns in this order, all text but `at` (timestamptz) and `amount_cents`
 * (int). The CRM joins every capability's part into one statement, so the view costs one round
 * trip however many capabilities feed it.
 */
export type TimelineSource = (fiscalCode: string, page: TimelinePage) => SQL

export interface TimelineRow {
  kind: string
  at: Date | string
  reference: string
  status: string
  /** What the entry is about, and an optional second part shown after a dot. */
  title: string
  detail: string | null
  channel: string | null
  amount_cents: number | null
  /** For tickets: the team that owns it, to tell whether the reader may open it. */
  team_code: string | null
}
