import { type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { rowsOf } from '../../db/transaction.js'
import type { TicketStatus } from './policy.js'

/** Where the last page ended, in the page's own order. */
export type QueueCursor =
  | { sort: 'due'; dueAt: string | null; id: string }
  | { sort: 'activity'; at: string; id: string }

export interface QueueFilter {
  /** The teams to read, one index range each. */
  teams: readonly string[]
  statuses: readonly TicketStatus[]
  assignee?: { kind: 'none' } | { kind: 'staff'; id: string }
  channel?: string
  categoryId?: string
  subjectContains?: string
  breached?: boolean
  atRisk?: boolean
  sort: 'due' | 'activity'
  after?: QueueCursor
  limit: number
}

export interface QueueRow {
  id: string
  code: string
  subject: string
  status: string
  channel: string
  team_code: string
  assignee_staff_id: string | null
  category_id: string | null
  contact_id: string
  created_at: Date | string
  last_activity_at: Date | string
  first_response_due_at: Date | string | null
  resolution_due_at: Date | string | null
  first_responded_at: Date | string | null
  sla_paused_at: Date | string | null
  sla_warned_at: Date | string | null
  sla_breached_at: Date | string | null
  version: number
}

const CLOSED: readonly string[] = ['resolved', 'closed']

function statusCondition(statuses: readonly TicketStatus[]): SQL {
  const list = sql.join(
    statuses.map((status) => sql`${status}`),
    sql`, `,
  )
  // Spelled as the partial indexes' predicate when only open statuses are asked, so they apply.
  const openOnly = statuses.every((status) => !CLOSED.includes(status))
  return openOnly
    ? sql`t.status not in ('resolved', 'closed') and t.status in (${list})`
    : sql`t.status in (${list})`
}

/**
 * Where each branch of a page starts after the cursor. In due order a ticket without a due time
 * comes last: after a dated cursor the page reads the dated rest (a bound the index applies) and
 * then the undated ones, each its own branch so neither needs an OR the index cannot use.
 */
function afterBranches(after: QueueCursor | undefined): SQL[] {
  if (!after) return [sql``]
  if (after.sort === 'activity') {
    return [sql`and (t.last_activity_at, t.id) < (${after.at}::timestamptz, ${after.id}::uuid)`]
  }
  if (after.dueAt === null) return [sql`and t.resolution_due_at is null and t.id > ${after.id}::uuid`]
  return [
    sql`and t.resolution_due_at >= ${after.dueAt}::timestamptz
        and (t.resolution_due_at, t.id) > (${after.dueAt}::timestamptz, ${after.id}::uuid)`,
    sql`and t.resolution_due_at is null`,
  ]
}

function orderOf(sort: QueueFilter['sort'], alias: string): SQL {
  return sort === 'due'
    ? sql.raw(`${alias}.resolution_due_at asc nulls last, ${alias}.id asc`)
    : sql.raw(`${alias}.last_activity_at desc, ${alias}.id desc`)
}

function conditions(filter: QueueFilter): SQL[] {
  const where: SQL[] = [statusCondition(filter.statuses)]
  if (filter.assignee?.kind === 'none') where.push(sql`t.assignee_staff_id is null`)
  if (filter.assignee?.kind === 'staff') where.push(sql`t.assignee_staff_id = ${filter.assignee.id}::uuid`)
  if (filter.channel) where.push(sql`t.channel = ${filter.channel}`)
  if (filter.categoryId) where.push(sql`t.category_id = ${filter.categoryId}::uuid`)
  if (filter.breached) where.push(sql`t.sla_breached_at is not null`)
  if (filter.atRisk) where.push(sql`t.sla_warned_at is not null and t.sla_breached_at is null`)
  if (filter.subjectContains) {
    const pattern = `%${filter.subjectContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.push(sql`t.subject ilike ${pattern}`)
  }
  return where
}

const COLUMNS = sql.raw(`t.id, t.code, t.subject, t.status, t.channel, t.team_code, t.assignee_staff_id,
  t.category_id, t.contact_id, t.created_at, t.last_activity_at, t.first_response_due_at,
  t.resolution_due_at, t.first_responded_at, t.sla_paused_at, t.sla_warned_at, t.sla_breached_at, t.version`)

/**
 * One page of a queue. Each team is read on its own along its (team, due) index, at most a page
 * each, and the pages are merged: the cost is a page per team, however many tickets there are.
 * An assignee's queue reads the assignee index instead. No OFFSET and no count.
 */
export async function listQueuePage(db: Queryable, filter: QueueFilter): Promise<QueueRow[]> {
  if (filter.teams.length === 0) return []
  const where = conditions(filter)
  const take = filter.limit + 1
  const byAssignee = filter.assignee?.kind === 'staff'
  const teamParts = byAssignee
    ? [
        sql`t.team_code in (${sql.join(
          filter.teams.map((team) => sql`${team}`),
          sql`, `,
        )})`,
      ]
    : filter.teams.map((team) => sql`t.team_code = ${team}`)
  const parts = teamParts.flatMap((team) =>
    afterBranches(filter.after).map(
      (after) => sql`(select ${COLUMNS} from tickets t
        where ${team} and ${sql.join(where, sql` and `)} ${after}
        order by ${orderOf(filter.sort, 't')} limit ${take})`,
    ),
  )
  const result = await db.execute(sql`
    select * from (${sql.join(parts, sql` union all `)}) q
     order by ${orderOf(filter.sort, 'q')}
     limit ${take}`)
  return rowsOf<QueueRow>(result)
}

/** A ticket found by its exact code, for the search box. */
export async function findQueueRowByCode(db: Queryable, code: string): Promise<QueueRow | null> {
  const result = await db.execute(sql`select ${COLUMNS} from tickets t where t.code = ${code} limit 1`)
  return rowsOf<QueueRow>(result)[0] ?? null
}

export interface QueueLabels {
  categories: Map<string, { code: string; nameIt: string; nameEn: string }>
  contacts: Map<string, string>
}

/** Names for one page's categories and contacts, read by key. */
export async function loadQueueLabels(db: Queryable, rows: readonly QueueRow[]): Promise<QueueLabels> {
  const categoryIds = [...new Set(rows.map((row) => row.category_id).filter((id): id is string => !!id))]
  const contactIds = [...new Set(rows.map((row) => row.contact_id))]
  const categories = new Map<string, { code: string; nameIt: string; nameEn: string }>()
  const contacts = new Map<string, string>()
  if (categoryIds.length > 0) {
    const result = await db.execute(sql`
      select id, code, name_it, name_en from ticket_categories
       where id in (${sql.join(
         categoryIds.map((id) => sql`${id}::uuid`),
         sql`, `,
       )})`)
    for (const row of rowsOf<{ id: string; code: string; name_it: string; name_en: string }>(result)) {
      categories.set(row.id, { code: row.code, nameIt: row.name_it, nameEn: row.name_en })
    }
  }
  if (contactIds.length > 0) {
    const result = await db.execute(sql`
      select id, display_name from ticket_contacts
       where id in (${sql.join(
         contactIds.map((id) => sql`${id}::uuid`),
         sql`, `,
       )})`)
    for (const row of rowsOf<{ id: string; display_name: string }>(result))
      contacts.set(row.id, row.display_name)
  }
  return { categories, contacts }
}

/** Team codes the taxonomy routes to, so a supervisor's "every team" queue misses none. */
export async function listRoutedTeamCodes(db: Queryable): Promise<string[]> {
  const result = await db.execute(
    sql`select distinct team_code from ticket_categories where team_code is not null order by team_code`,
  )
  return rowsOf<{ team_code: string }>(result).map((row) => row.team_code)
}
