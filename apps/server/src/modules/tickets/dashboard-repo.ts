import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { rowsOf } from '../../db/transaction.js'
import type { QueueRow } from './queue-repo.js'

/**
 * The smallest id a ticket created at `at` can have. Ticket ids are time-ordered UUIDs taken at
 * creation, so a period of creation is a range of the primary key: volumes over a month read that
 * month's rows only, however large the table.
 */
export function firstIdAt(at: Date): string {
  const hex = Math.max(0, at.getTime()).toString(16).padStart(12, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`
}

/** Open tickets per team and status, read through the open-ticket partial index. */
export async function countBacklog(
  db: Queryable,
  teams: readonly string[] | null,
): Promise<{ teamCode: string; status: string; count: number }[]> {
  const scope = teams
    ? sql`and team_code in (${sql.join(
        teams.map((team) => sql`${team}`),
        sql`, `,
      )})`
    : sql``
  if (teams?.length === 0) return []
  const result = await db.execute(sql`
    select team_code, status, count(*)::int as count from tickets
     where status not in ('resolved', 'closed') ${scope}
     group by team_code, status order by team_code, status`)
  return rowsOf<{ team_code: string; status: string; count: number }>(result).map((row) => ({
    teamCode: row.team_code,
    status: row.status,
    count: row.count,
  }))
}

const COLUMNS = sql.raw(`t.id, t.code, t.subject, t.status, t.channel, t.team_code, t.assignee_staff_id,
  t.category_id, t.contact_id, t.created_at, t.last_activity_at, t.first_response_due_at,
  t.resolution_due_at, t.first_responded_at, t.sla_paused_at, t.sla_warned_at, t.sla_breached_at, t.version`)

/** Warned tickets whose clocks still run, soonest due first (the SLA watch's own index). */
export async function listAtRisk(db: Queryable, limit: number): Promise<QueueRow[]> {
  const result = await db.execute(sql`
    select ${COLUMNS} from tickets t
     where t.status not in ('resolved', 'closed', 'waiting-citizen') and t.sla_breached_at is null
       and t.sla_warned_at is not null
     order by t.resolution_due_at, t.id limit ${limit}`)
  return rowsOf<QueueRow>(result)
}

/** Open tickets past their time, longest overdue first. */
export async function listBreached(db: Queryable, limit: number): Promise<QueueRow[]> {
  const result = await db.execute(sql`
    select ${COLUMNS} from tickets t
     where t.status not in ('resolved', 'closed') and t.sla_breached_at is not null
     order by t.resolution_due_at, t.id limit ${limit}`)
  return rowsOf<QueueRow>(result)
}

function periodCondition(from: Date, to: Date) {
  return sql`t.id >= ${firstIdAt(from)}::uuid and t.id < ${firstIdAt(to)}::uuid
    and t.created_at >= ${from} and t.created_at < ${to}`
}

export async function countByChannel(
  db: Queryable,
  from: Date,
  to: Date,
): Promise<{ channel: string; count: number }[]> {
  const result = await db.execute(sql`
    select t.channel, count(*)::int as count from tickets t
     where ${periodCondition(from, to)}
     group by t.channel order by count desc, t.channel`)
  return rowsOf<{ channel: string; count: number }>(result)
}

/** Tickets created in the period per detail, with the triplet's names; unclassified ones together. */
export async function countByTriplet(
  db: Queryable,
  from: Date,
  to: Date,
): Promise<
  {
    detailCode: string | null
    detail: string | null
    topic: string | null
    area: string | null
    count: number
  }[]
> {
  const result = await db.execute(sql`
    with counted as (
      select t.category_id, count(*)::int as count from tickets t
       where ${periodCondition(from, to)}
       group by t.category_id
    )
    select d.code as detail_code, d.name_it as detail, p.name_it as topic, a.name_it as area, c.count
      from counted c
      left join ticket_categories d on d.id = c.category_id
      left join ticket_categories p on p.id = d.parent_id
      left join ticket_categories a on a.id = p.parent_id
     order by c.count desc, d.code nulls last`)
  return rowsOf<{
    detail_code: string | null
    detail: string | null
    topic: string | null
    area: string | null
    count: number
  }>(result).map((row) => ({
    detailCode: row.detail_code,
    detail: row.detail,
    topic: row.topic,
    area: row.area,
    count: row.count,
  }))
}
