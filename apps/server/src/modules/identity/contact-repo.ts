import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { ContactChannel } from './contact-schema.js'
import { citizenAccounts, contactVerifications } from './tables.js'

export type CitizenAccount = typeof citizenAccounts.$inferSelect
export type ContactVerificationRow = typeof contactVerifications.$inferSelect

/** Reads the account and holds it until the transaction ends: code requests and checks queue up. */
export async function lockCitizenAccount(tx: Queryable, id: string): Promise<CitizenAccount | null> {
  const [row] = await tx.select().from(citizenAccounts).where(eq(citizenAccounts.id, id)).for('update')
  return row ?? null
}

export async function listVerificationTimesSince(
  tx: Queryable,
  accountId: string,
  since: Date,
): Promise<Date[]> {
  const rows = await tx
    .select({ createdAt: contactVerifications.createdAt })
    .from(contactVerifications)
    .where(and(eq(contactVerifications.accountId, accountId), gt(contactVerifications.createdAt, since)))
  return rows.map((row) => row.createdAt)
}

/** Marks every open code of a channel used up: only the newest code may work. */
export async function supersedeOpenVerifications(
  tx: Queryable,
  accountId: string,
  channel: ContactChannel,
  at: Date,
): Promise<void> {
  await tx
    .update(contactVerifications)
    .set({ consumedAt: at })
    .where(
      and(
        eq(contactVerifications.accountId, accountId),
        eq(contactVerifications.channel, channel),
        isNull(contactVerifications.consumedAt),
      ),
    )
}

export async function insertVerification(
  tx: Queryable,
  verification: typeof contactVerifications.$inferInsert,
): Promise<void> {
  await tx.insert(contactVerifications).values(verification)
}

/** The open code of a channel, locked so two guesses cannot both count as the fifth. */
export async function lockOpenVerification(
  tx: Queryable,
  accountId: string,
  channel: ContactChannel,
): Promise<ContactVerificationRow | null> {
  const [row] = await tx
    .select()
    .from(contactVerifications)
    .where(
      and(
        eq(contactVerifications.accountId, accountId),
        eq(contactVerifications.channel, channel),
        isNull(contactVerifications.consumedAt),
      ),
    )
    .orderBy(desc(contactVerifications.createdAt))
    .limit(1)
    .for('update')
  return row ?? null
}

/** Open, unexpired codes of an account: the contacts waiting for verification. */
export async function listOpenVerifications(
  db: Queryable,
  accountId: string,
  now: Date,
): Promise<ContactVerificationRow[]> {
  return db
    .select()
    .from(contactVerifications)
    .where(
      and(
        eq(contactVerifications.accountId, accountId),
        isNull(contactVerifications.consumedAt),
        gt(contactVerifications.expiresAt, now),
      ),
    )
    .orderBy(desc(contactVerifications.createdAt))
}

export async function recordWrongAttempt(
  tx: Queryable,
  id: string,
  attempts: number,
  burntAt: Date | null,
): Promise<void> {
  await tx
    .update(contactVerifications)
    .set({ attempts, consumedAt: burntAt })
    .where(eq(contactVerifications.id, id))
}

export async function consumeVerification(db: Queryable, id: string, at: Date): Promise<void> {
  await db.update(contactVerifications).set({ consumedAt: at }).where(eq(contactVerifications.id, id))
}

export async function setVerifiedContact(
  tx: Queryable,
  accountId: string,
  channel: ContactChannel,
  value: string,
  at: Date,
): Promise<void> {
  await tx
    .update(citizenAccounts)
    .set(
      channel === 'email'
        ? { email: value, emailVerifiedAt: at }
        : { mobilePhone: value, mobilePhoneVerifiedAt: at },
    )
    .where(eq(citizenAccounts.id, accountId))
}

export async function setAccountLocale(tx: Queryable, accountId: string, locale: string): Promise<void> {
  await tx.update(citizenAccounts).set({ locale }).where(eq(citizenAccounts.id, accountId))
}
