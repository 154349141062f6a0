import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { rowsOf } from '../../db/transaction.js'
import type { CategoryRow } from './repo.js'
import { cannedReplies, ticketCategories, tickets, ticketTeamSettings } from './tables.js'

export type TeamSettingsRow = typeof ticketTeamSettings.$inferSelect
export type CannedReplyRow = typeof cannedReplies.$inferSelect
export type NewCategory = typeof ticketCategories.$inferInsert

export async function findTeamSettings(db: Queryable, teamCode: string): Promise<TeamSettingsRow | null> {
  const [row] = await db.select().from(ticketTeamSettings).where(eq(ticketTeamSettings.teamCode, teamCode))
  return row ?? null
}

export async function listTeamSettings(db: Queryable): Promise<TeamSettingsRow[]> {
  return db.select().from(ticketTeamSettings).orderBy(asc(ticketTeamSettings.teamCode))
}

export async function upsertTeamSettings(
  tx: Queryable,
  row: { teamCode: string; assignment: string; escalationEmail: string | null; updatedAt: Date },
): Promise<TeamSettingsRow> {
  const [saved] = await tx
    .insert(ticketTeamSettings)
    .values(row)
    .onConflictDoUpdate({
      target: ticketTeamSettings.teamCode,
      set: { assignment: row.assignment, escalationEmail: row.escalationEmail, updatedAt: row.updatedAt },
    })
    .returning()
  if (!saved) throw new Error('team settings not saved')
  return saved
}

/** Open tickets held by each of these staff members: the load the least-loaded rule compares. */
export async function countOpenTicketsByAssignee(
  db: Queryable,
  staffIds: readonly string[],
): Promise<Map<string, number>> {
  if (staffIds.length === 0) return new Map()
  const rows = await db
    .select({ staffId: tickets.assigneeStaffId, count: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      and(
        inArray(tickets.assigneeStaffId, [...staffIds]),
        sql`${tickets.status} not in ('resolved', 'closed')`,
      ),
    )
    .groupBy(tickets.assigneeStaffId)
  return new Map(rows.map((row) => [row.staffId as string, row.count]))
}

export async function listCategories(db: Queryable): Promise<CategoryRow[]> {
  return db
    .select()
    .from(ticketCategories)
    .orderBy(asc(ticketCategories.level), asc(ticketCategories.position), asc(ticketCategories.nameIt))
}

export async function findCategoryRowByCode(db: Queryable, code: string): Promise<CategoryRow | null> {
  const [row] = await db.select().from(ticketCategories).where(eq(ticketCategories.code, code)).limit(1)
  return row ?? null
}

export async function findCategoryRowById(db: Queryable, id: string): Promise<CategoryRow | null> {
  const [row] = await db.select().from(ticketCategories).where(eq(ticketCategories.id, id)).limit(1)
  return row ?? null
}

/** Inserts unless the code is taken; null then. */
export async function insertCategoryIfMissing(tx: Queryable, row: NewCategory): Promise<CategoryRow | null> {
  const [inserted] = await tx
    .insert(ticketCategories)
    .values(row)
    .onConflictDoNothing({ target: ticketCategories.code })
    .returning()
  return inserted ?? null
}

export async function updateCategory(
  tx: Queryable,
  id: string,
  changes: Partial<Omit<NewCategory, 'id' | 'code' | 'level' | 'parentId' | 'createdAt'>>,
): Promise<CategoryRow | null> {
  const [row] = await tx.update(ticketCategories).set(changes).where(eq(ticketCategories.id, id)).returning()
  return row ?? null
}

/** Turns a node and everything under it off (or on), so a closed area hides its topics and details. */
export async function setSubtreeActive(tx: Queryable, id: string, active: boolean): Promise<number> {
  const result = await tx.execute(sql`
    with recursive subtree as (
      select id from ticket_categories where id = ${id}
      union all
      select c.id from ticket_categories c join subtree s on c.parent_id = s.id
    )
    update ticket_categories set active = ${active} where id in (select id from subtree) returning id`)
  return rowsOf(result).length
}

export async function listCannedReplies(db: Queryable): Promise<CannedReplyRow[]> {
  return db.select().from(cannedReplies).orderBy(asc(cannedReplies.title), asc(cannedReplies.id))
}

/** Active replies for a detail, with the general ones (no category) after them. */
export async function listCannedRepliesFor(
  db: Queryable,
  categoryId: string | null,
): Promise<CannedReplyRow[]> {
  const scope = categoryId
    ? or(eq(cannedReplies.categoryId, categoryId), isNull(cannedReplies.categoryId))
    : isNull(cannedReplies.categoryId)
  return db
    .select()
    .from(cannedReplies)
    .where(and(eq(cannedReplies.active, true), scope))
    .orderBy(sql`${cannedReplies.categoryId} is null`, asc(cannedReplies.title))
}

export async function findCannedReply(db: Queryable, id: string): Promise<CannedReplyRow | null> {
  const [row] = await db.select().from(cannedReplies).where(eq(cannedReplies.id, id)).limit(1)
  return row ?? null
}

export async function findCannedReplyByTitle(
  db: Queryable,
  categoryId: string | null,
  title: string,
): Promise<CannedReplyRow | null> {
  const [row] = await db
    .select()
    .from(cannedReplies)
    .where(
      and(
        categoryId ? eq(cannedReplies.categoryId, categoryId) : isNull(cannedReplies.categoryId),
        eq(cannedReplies.title, title),
      ),
    )
    .limit(1)
  return row ?? null
}

export async function insertCannedReply(
  tx: Queryable,
  row: typeof cannedReplies.$inferInsert,
): Promise<CannedReplyRow> {
  const [inserted] = await tx.insert(cannedReplies).values(row).returning()
  if (!inserted) throw new Error('canned reply not inserted')
  return inserted
}

export async function updateCannedReply(
  tx: Queryable,
  id: string,
  changes: Partial<Omit<typeof cannedReplies.$inferInsert, 'id' | 'createdAt'>>,
): Promise<CannedReplyRow | null> {
  const [row] = await tx.update(cannedReplies).set(changes).where(eq(cannedReplies.id, id)).returning()
  return row ?? null
}
