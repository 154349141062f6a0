import { and, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { citizenAccounts, delegations, sessions } from './tables.js'

export type DelegationRow = typeof delegations.$inferSelect

// A person has a handful of delegations; the cap only bounds a pathological list.
const LIST_LIMIT = 200

export async function insertDelegation(
  tx: Queryable,
  delegation: typeof delegations.$inferInsert,
): Promise<DelegationRow> {
  const [row] = await tx.insert(delegations).values(delegation).returning()
  return row!
}

export async function listDelegationsGivenBy(db: Queryable, fiscalCode: string): Promise<DelegationRow[]> {
  return db
    .select()
    .from(delegations)
    .where(eq(delegations.delegatorFiscalCode, fiscalCode))
    .orderBy(desc(delegations.createdAt))
    .limit(LIST_LIMIT)
}

export async function listDelegationsReceivedBy(db: Queryable, fiscalCode: string): Promise<DelegationRow[]> {
  return db
    .select()
    .from(delegations)
    .where(eq(delegations.delegateFiscalCode, fiscalCode))
    .orderBy(desc(delegations.createdAt))
    .limit(LIST_LIMIT)
}

/** Delegations in force now that name this person as delegate, optionally from one delegator only. */
export async function listActiveDelegationsTo(
  db: Queryable,
  delegateFiscalCode: string,
  now: Date,
  delegatorFiscalCode?: string,
): Promise<DelegationRow[]> {
  return db
    .select()
    .from(delegations)
    .where(
      and(
        eq(delegations.delegateFiscalCode, delegateFiscalCode),
        delegatorFiscalCode ? eq(delegations.delegatorFiscalCode, delegatorFiscalCode) : undefined,
        isNull(delegations.revokedAt),
        lte(delegations.validFrom, now),
        gt(delegations.validUntil, now),
      ),
    )
    .limit(LIST_LIMIT)
}

export async function lockDelegation(tx: Queryable, id: string): Promise<DelegationRow | null> {
  const [row] = await tx.select().from(delegations).where(eq(delegations.id, id)).for('update')
  return row ?? null
}

export async function markDelegationRevoked(tx: Queryable, id: string, at: Date): Promise<DelegationRow> {
  const [row] = await tx.update(delegations).set({ revokedAt: at }).where(eq(delegations.id, id)).returning()
  return row!
}

/** Ends the delegations in force between two people; returns the ids ended. */
export async function revokeActiveDelegationsBetween(
  tx: Queryable,
  delegatorFiscalCode: string,
  delegateFiscalCode: string,
  at: Date,
): Promise<string[]> {
  const rows = await tx
    .update(delegations)
    .set({ revokedAt: at })
    .where(
      and(
        eq(delegations.delegatorFiscalCode, delegatorFiscalCode),
        eq(delegations.delegateFiscalCode, delegateFiscalCode),
        isNull(delegations.revokedAt),
        gt(delegations.validUntil, at),
      ),
    )
    .returning({ id: delegations.id })
  return rows.map((row) => row.id)
}

/** Sessions of the delegate acting for the delegator go back to acting for themselves. */
export async function stopSessionsActingFor(
  tx: Queryable,
  delegateFiscalCode: string,
  delegatorFiscalCode: string,
): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ actingFor: null })
    .where(
      and(
        eq(sessions.kind, 'citizen'),
        eq(sessions.actingFor, delegatorFiscalCode),
        isNull(sessions.revokedAt),
        inArray(
          sessions.accountId,
          sql`(select ${citizenAccounts.id} from ${citizenAccounts} where ${citizenAccounts.fiscalCode} = ${delegateFiscalCode})`,
        ),
      ),
    )
    .returning({ tokenHash: sessions.tokenHash })
  return rows.length
}

/** Names of people with an account, by fiscal code. */
export async function findAccountNames(
  db: Queryable,
  fiscalCodes: readonly string[],
): Promise<Map<string, string>> {
  if (fiscalCodes.length === 0) return new Map()
  const rows = await db
    .select({
      fiscalCode: citizenAccounts.fiscalCode,
      givenName: citizenAccounts.givenName,
      familyName: citizenAccounts.familyName,
    })
    .from(citizenAccounts)
    .where(inArray(citizenAccounts.fiscalCode, [...fiscalCodes]))
  return new Map(rows.map((row) => [row.fiscalCode, `${row.givenName} ${row.familyName}`]))
}
