import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { rowsOf } from '../../db/transaction.js'

/** A ticket whose SLA clock runs, with its resolution target, as the watch reads it. */
export interface WatchedTicket {
  id: string
  code: string
  teamCode: string
  subject: string
  createdAt: Date
  resolutionDueAt: Date
  slaWarnedAt: Date | null
  resolutionMinutes: number | null
}

interface RawWatched {
  id: string
  code: string
  team_code: string
  subject: string
  created_at: Date | string
  resolution_due_at: Date | string
  sla_warned_at: Date | string | null
  resolution_minutes: number | null
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value))

function watched(row: RawWatched): WatchedTicket {
  return {
    id: row.id,
    code: row.code,
    teamCode: row.team_code,
    subject: row.subject,
    createdAt: toDate(row.created_at),
    resolutionDueAt: toDate(row.resolution_due_at),
    slaWarnedAt: row.sla_warned_at ? toDate(row.sla_warned_at) : null,
    resolutionMinutes: row.resolution_minutes,
  }
}

// The predicate of tickets_sla_watch_idx, written the same way so the planner uses the index.
const CLOCKS_RUN = sql.raw(
  `t.status not in ('resolved', 'closed', 'waiting-citizen') and t.sla_breached_at is null`,
)

/**
 * Tickets past their resolution time and not yet marked, oldest first, locked; rows another
 * watcher holds are skipped, so two workers never mark the same ticket.
 */
export async function lockOverdueTickets(tx: Queryable, now: Date, limit: number): Promise<WatchedTicket[]> {
  const result = await tx.execute(sql`
    select t.id, t.code, t.team_code, t.subject, t.created_at, t.resolution_due_at, t.sla_warned_at,
           null::int as resolution_minutes
      from tickets t
     where ${CLOCKS_RUN} and t.resolution_due_at <= ${now}
     order by t.resolution_due_at, t.id
     limit ${limit}
       for update of t skip locked`)
  return rowsOf<RawWatched>(result).map(watched)
}

/**
 * Unwarned tickets falling due before `horizon`, in due order after the keyset `after`: the
 * candidates for a warning, which the caller checks against each one's own target.
 */
export async function listWarningCandidates(
  db: Queryable,
  options: { now: Date; horizon: Date; after?: { dueAt: Date; id: string }; limit: number },
): Promise<WatchedTicket[]> {
  const after = options.after
    ? sql`and (t.resolution_due_at, t.id) > (${options.after.dueAt}, ${options.after.id}::uuid)`
    : sql``
  const result = await db.execute(sql`
    select t.id, t.code, t.team_code, t.subject, t.created_at, t.resolution_due_at, t.sla_warned_at,
           c.resolution_minutes
      from tickets t
      left join ticket_categories c on c.id = t.category_id
     where ${CLOCKS_RUN} and t.sla_warned_at is null
       and t.resolution_due_at > ${options.now} and t.resolution_due_at <= ${options.horizon} ${after}
     order by t.resolution_due_at, t.id
     limit ${options.limit}`)
  return rowsOf<RawWatched>(result).map(watched)
}

/** Marks a warning once: null when another watcher (or a status change) got there first. */
export async function markWarned(tx: Queryable, id: string, now: Date): Promise<boolean> {
  const result = await tx.execute(sql`
    update tickets t set sla_warned_at = ${now}, version = t.version + 1
     where t.id = ${id} and ${CLOCKS_RUN} and t.sla_warned_at is null
    returning t.id`)
  return rowsOf(result).length > 0
}

export async function markBreached(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.execute(sql`
    update tickets set sla_breached_at = ${now}, escalated_at = coalesce(escalated_at, ${now}),
           version = version + 1
     where id = ${id}`)
}

/** The longest resolution target of any active detail: how far ahead a warning can be due. */
export async function longestResolutionTarget(db: Queryable): Promise<number> {
  const result = await db.execute(
    sql`select coalesce(max(resolution_minutes), 0)::int as minutes from ticket_categories where level = 3`,
  )
  return rowsOf<{ minutes: number }>(result)[0]?.minutes ?? 0
}
