import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { CitizenAccountRow, StaffAccountRow } from './account-repo.js'
import { mergeEmail, type ProvidedEmail } from './login-policy.js'
import { citizenAccounts, loginAttempts, staffAccounts } from './tables.js'

export type LoginAttemptRow = typeof loginAttempts.$inferSelect
export type LoginKind = 'citizen' | 'staff'

export interface NewLoginAttempt {
  state: string
  kind: LoginKind
  provider: string
  codeVerifier: string
  nonce: string
  requestedLevel: number
  returnTo: string
  stepUpOf: string | null
  createdAt: Date
  expiresAt: Date
}

export async function insertLoginAttempt(db: Queryable, attempt: NewLoginAttempt): Promise<void> {
  await db.insert(loginAttempts).values(attempt)
}

export type ConsumedAttempt =
  | { outcome: 'consumed'; attempt: LoginAttemptRow }
  | { outcome: 'unknown' | 'already-used' | 'expired' }

/**
 * Marks the attempt used and returns it. One UPDATE decides, so two callbacks racing with the same
 * state cannot both win; the loser learns whether the state was unknown or already spent.
 */
export async function consumeLoginAttempt(
  db: Queryable,
  input: { state: string; kind: LoginKind; now: Date },
): Promise<ConsumedAttempt> {
  const [attempt] = await db
    .update(loginAttempts)
    .set({ consumedAt: input.now })
    .where(
      and(
        eq(loginAttempts.state, input.state),
        eq(loginAttempts.kind, input.kind),
        isNull(loginAttempts.consumedAt),
      ),
    )
    .returning()
  if (attempt) {
    return attempt.expiresAt <= input.now ? { outcome: 'expired' } : { outcome: 'consumed', attempt }
  }
  const [spent] = await db
    .select({ state: loginAttempts.state })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.state, input.state), eq(loginAttempts.kind, input.kind)))
    .limit(1)
  return { outcome: spent ? 'already-used' : 'unknown' }
}

/** Attempts past their end are useless: a late callback then reads as unknown, which it is. */
export async function deleteLoginAttemptsExpiredBefore(db: Queryable, before: Date): Promise<number> {
  const removed = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.expiresAt, before))
    .returning({ state: loginAttempts.state })
  return removed.length
}

export interface CitizenIdentity {
  fiscalCode: string
  givenName: string | null
  familyName: string | null
  birthDate: string | null
  email: ProvidedEmail | null
  personId: string | null
}

/**
 * Creates the citizen's account on first sign-in, refreshes it on later ones. The row is locked while
 * the e-mail is merged, so two sign-ins at once cannot undo each other's verified address.
 */
export async function upsertCitizenAccount(
  tx: Queryable,
  identity: CitizenIdentity,
  now: Date,
): Promise<{ account: CitizenAccountRow; created: boolean }> {
  const existing = await lockCitizenAccount(tx, identity.fiscalCode)
  const stored = existing ?? { email: null, emailVerifiedAt: null }
  const email = mergeEmail(stored, identity.email, now)
  const fields = {
    givenName: identity.givenName ?? existing?.givenName ?? '',
    familyName: identity.familyName ?? existing?.familyName ?? '',
    birthDate: identity.birthDate ?? existing?.birthDate ?? null,
    email: email.email,
    emailVerifiedAt: email.emailVerifiedAt,
    personId: identity.personId,
    lastLoginAt: now,
  }
  if (!existing) {
    const [created] = await tx
      .insert(citizenAccounts)
      .values({ fiscalCode: identity.fiscalCode, ...fields })
      .onConflictDoNothing({ target: citizenAccounts.fiscalCode })
      .returning()
    if (created) return { account: created, created: true }
    // Another sign-in of the same person created the row a moment ago: update it like any other.
    return upsertCitizenAccount(tx, identity, now)
  }
  const [updated] = await tx
    .update(citizenAccounts)
    .set(fields)
    .where(eq(citizenAccounts.id, existing.id))
    .returning()
  return { account: updated ?? existing, created: false }
}

async function lockCitizenAccount(tx: Queryable, fiscalCode: string): Promise<CitizenAccountRow | null> {
  const [row] = await tx
    .select()
    .from(citizenAccounts)
    .where(eq(citizenAccounts.fiscalCode, fiscalCode))
    .limit(1)
    .for('update')
  return row ?? null
}

export async function findStaffBySubject(db: Queryable, subject: string): Promise<StaffAccountRow | null> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.subject, subject)).limit(1)
  return row ?? null
}

/** The staff member behind a provider subject, or failing that behind the same e-mail address. */
export async function findStaffForLogin(
  db: Queryable,
  subject: string,
  email: string | null,
): Promise<{ account: StaffAccountRow; matchedBy: 'subject' | 'email' } | null> {
  const bySubject = await findStaffBySubject(db, subject)
  if (bySubject) return { account: bySubject, matchedBy: 'subject' }
  if (!email) return null
  const [byEmail] = await db
    .select()
    .from(staffAccounts)
    .where(sql`lower(${staffAccounts.email}) = ${email.toLowerCase()}`)
    .limit(1)
  return byEmail ? { account: byEmail, matchedBy: 'email' } : null
}

/** Records the sign-in; the first sign-in matched by e-mail also binds the provider subject. */
export async function recordStaffLogin(
  tx: Queryable,
  input: { id: string; subject: string | null; now: Date },
): Promise<void> {
  await tx
    .update(staffAccounts)
    .set(input.subject ? { subject: input.subject, lastLoginAt: input.now } : { lastLoginAt: input.now })
    .where(eq(staffAccounts.id, input.id))
}

/** Staff accounts for the development provider's sign-in page: the seeded dev-* ones, then active ones. */
export async function listStaffForDevSignIn(
  db: Queryable,
  limit: number,
): Promise<{ subject: string; displayName: string; email: string; roles: string[]; active: boolean }[]> {
  return db
    .select({
      subject: staffAccounts.subject,
      displayName: staffAccounts.displayName,
      email: staffAccounts.email,
      roles: staffAccounts.roles,
      active: staffAccounts.active,
    })
    .from(staffAccounts)
    .orderBy(
      sql`${staffAccounts.subject} like 'dev-%' desc`,
      sql`${staffAccounts.active} desc`,
      asc(staffAccounts.displayName),
    )
    .limit(limit)
}
