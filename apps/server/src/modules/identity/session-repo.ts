import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { citizenAccounts, sessions, staffAccounts, teamMembers, teams } from './tables.js'

export type SessionRow = typeof sessions.$inferSelect
export type NewSession = typeof sessions.$inferInsert

export async function insertSession(db: Queryable, session: NewSession): Promise<void> {
  await db.insert(sessions).values(session)
}

export interface SessionWithAccount {
  session: SessionRow
  citizen: { fiscalCode: string; personId: string | null } | null
  staff: { roles: string[]; active: boolean; teams: string[] } | null
}

/** One round trip: the session and what the actor needs from its account. */
export async function findLiveSession(db: Queryable, tokenHash: string): Promise<SessionWithAccount | null> {
  const [row] = await db
    .select({
      session: sessions,
      citizenFiscalCode: citizenAccounts.fiscalCode,
      citizenPersonId: citizenAccounts.personId,
      staffRoles: staffAccounts.roles,
      staffActive: staffAccounts.active,
      staffTeams: sql<
        string[] | null
      >`(select array_agg(${teams.code} order by ${teams.code}) from ${teamMembers}
        join ${teams} on ${teams.id} = ${teamMembers.teamId} where ${teamMembers.staffId} = ${staffAccounts.id})`,
    })
    .from(sessions)
    .leftJoin(citizenAccounts, and(eq(sessions.kind, 'citizen'), eq(citizenAccounts.id, sessions.accountId)))
    .leftJoin(staffAccounts, and(eq(sessions.kind, 'staff'), eq(staffAccounts.id, sessions.accountId)))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .limit(1)
  if (!row) return null
  return {
    session: row.session,
    citizen: row.citizenFiscalCode
      ? { fiscalCode: row.citizenFiscalCode, personId: row.citizenPersonId }
      : null,
    staff: row.staffRoles
      ? { roles: row.staffRoles, active: row.staffActive ?? false, teams: row.staffTeams ?? [] }
      : null,
  }
}

export async function touchSession(db: Queryable, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash))
}

export async function setActingFor(
  db: Queryable,
  tokenHash: string,
  personFiscalCode: string | null,
): Promise<void> {
  await db.update(sessions).set({ actingFor: personFiscalCode }).where(eq(sessions.tokenHash, tokenHash))
}

export async function revokeSession(db: Queryable, tokenHash: string, at: Date): Promise<boolean> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .returning({ tokenHash: sessions.tokenHash })
  return revoked.length > 0
}

export async function revokeAccountSessions(
  db: Queryable,
  kind: string,
  accountId: string,
  at: Date,
): Promise<string[]> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.kind, kind), eq(sessions.accountId, accountId), isNull(sessions.revokedAt)))
    .returning({ tokenHash: sessions.tokenHash })
  return revoked.map((row) => row.tokenHash)
}

/** Housekeeping: sessions past their absolute end or revoked long ago. */
export async function deleteStaleSessions(db: Queryable, before: Date): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)))
    .returning({ tokenHash: sessions.tokenHash })
  return deleted.length
}
