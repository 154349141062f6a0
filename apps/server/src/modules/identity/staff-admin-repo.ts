import { asc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { staffAccounts, teamMembers, teams } from './tables.js'

export type StaffRow = typeof staffAccounts.$inferSelect
export type TeamRow = typeof teams.$inferSelect
export type StaffWithTeams = StaffRow & { teams: { code: string; name: string }[] }

async function teamsByStaff(db: Queryable, staffIds: readonly string[]) {
  const byStaff = new Map<string, { code: string; name: string }[]>()
  if (staffIds.length === 0) return byStaff
  const rows = await db
    .select({ staffId: teamMembers.staffId, code: teams.code, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(inArray(teamMembers.staffId, [...staffIds]))
    .orderBy(asc(teams.code))
  for (const row of rows) {
    const list = byStaff.get(row.staffId) ?? []
    list.push({ code: row.code, name: row.name })
    byStaff.set(row.staffId, list)
  }
  return byStaff
}

export async function listStaffWithTeams(db: Queryable): Promise<StaffWithTeams[]> {
  const staff = await db
    .select()
    .from(staffAccounts)
    .orderBy(asc(staffAccounts.displayName), asc(staffAccounts.id))
  const memberships = await teamsByStaff(
    db,
    staff.map((row) => row.id),
  )
  return staff.map((row) => ({ ...row, teams: memberships.get(row.id) ?? [] }))
}

export async function findStaffWithTeams(db: Queryable, id: string): Promise<StaffWithTeams | null> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.id, id)).limit(1)
  if (!row) return null
  return { ...row, teams: (await teamsByStaff(db, [id])).get(id) ?? [] }
}

export async function lockStaff(tx: Queryable, id: string): Promise<StaffRow | null> {
  const [row] = await tx.select().from(staffAccounts).where(eq(staffAccounts.id, id)).for('update')
  return row ?? null
}

export async function findStaffBySubjectOrEmail(
  db: Queryable,
  subject: string,
  email: string,
): Promise<StaffRow | null> {
  const [row] = await db
    .select()
    .from(staffAccounts)
    .where(or(eq(staffAccounts.subject, subject), eq(staffAccounts.email, email)))
    .limit(1)
  return row ?? null
}

export async function insertStaff(
  tx: Queryable,
  staff: typeof staffAccounts.$inferInsert,
): Promise<StaffRow> {
  const [row] = await tx.insert(staffAccounts).values(staff).returning()
  return row!
}

/** Inserts unless the subject or e-mail is already taken; null when nothing was added. */
export async function insertStaffIfMissing(
  tx: Queryable,
  staff: typeof staffAccounts.$inferInsert,
): Promise<StaffRow | null> {
  const [row] = await tx.insert(staffAccounts).values(staff).onConflictDoNothing().returning()
  return row ?? null
}

export async function findStaffBySubject(db: Queryable, subject: string): Promise<StaffRow | null> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.subject, subject)).limit(1)
  return row ?? null
}

export async function updateStaffAccount(
  tx: Queryable,
  id: string,
  change: Partial<Pick<StaffRow, 'roles' | 'active' | 'displayName'>>,
): Promise<void> {
  await tx.update(staffAccounts).set(change).where(eq(staffAccounts.id, id))
}

export async function findTeamsByCodes(db: Queryable, codes: readonly string[]): Promise<TeamRow[]> {
  if (codes.length === 0) return []
  return db
    .select()
    .from(teams)
    .where(inArray(teams.code, [...codes]))
}

/** Makes the staff member's teams exactly these. */
export async function replaceMemberships(
  tx: Queryable,
  staffId: string,
  teamIds: readonly string[],
): Promise<void> {
  await tx.delete(teamMembers).where(eq(teamMembers.staffId, staffId))
  if (teamIds.length === 0) return
  await tx.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, staffId })))
}

export async function addMembershipIfMissing(
  tx: Queryable,
  staffId: string,
  teamId: string,
): Promise<boolean> {
  const rows = await tx
    .insert(teamMembers)
    .values({ teamId, staffId })
    .onConflictDoNothing()
    .returning({ teamId: teamMembers.teamId })
  return rows.length > 0
}

export async function listTeamsWithCounts(db: Queryable): Promise<(TeamRow & { memberCount: number })[]> {
  return db
    .select({
      id: teams.id,
      code: teams.code,
      name: teams.name,
      createdAt: teams.createdAt,
      memberCount: sql<number>`(select count(*)::int from ${teamMembers} where ${teamMembers.teamId} = ${teams.id})`,
    })
    .from(teams)
    .orderBy(asc(teams.name))
}

/** Inserts unless the code is taken; null when nothing was added. */
export async function insertTeamIfMissing(
  tx: Queryable,
  team: typeof teams.$inferInsert,
): Promise<TeamRow | null> {
  const [row] = await tx.insert(teams).values(team).onConflictDoNothing({ target: teams.code }).returning()
  return row ?? null
}

/** Staff members' display names by id, for other capabilities that show who did something. */
export async function findStaffNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = [...new Set(ids)].filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  )
  if (uuids.length === 0) return new Map()
  const rows = await db
    .select({ id: staffAccounts.id, displayName: staffAccounts.displayName })
    .from(staffAccounts)
    .where(inArray(staffAccounts.id, uuids))
  return new Map(rows.map((row) => [row.id, row.displayName]))
}

/** Active staff members of a team (by team code), with their roles and e-mail. */
export async function listActiveMembersOfTeam(
  db: Queryable,
  teamCode: string,
): Promise<Pick<StaffRow, 'id' | 'displayName' | 'email' | 'roles'>[]> {
  return db
    .select({
      id: staffAccounts.id,
      displayName: staffAccounts.displayName,
      email: staffAccounts.email,
      roles: staffAccounts.roles,
    })
    .from(staffAccounts)
    .innerJoin(teamMembers, eq(teamMembers.staffId, staffAccounts.id))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(sql`${teams.code} = ${teamCode} and ${staffAccounts.active}`)
    .orderBy(asc(staffAccounts.displayName), asc(staffAccounts.id))
}

/** E-mail addresses of the active staff holding a role. */
export async function listActiveEmailsWithRole(db: Queryable, role: string): Promise<string[]> {
  const rows = await db
    .select({ email: staffAccounts.email })
    .from(staffAccounts)
    .where(sql`${staffAccounts.active} and ${role} = any(${staffAccounts.roles})`)
    .orderBy(asc(staffAccounts.email))
  return rows.map((row) => row.email)
}
