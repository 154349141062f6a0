import { and, asc, desc, eq, gte, isNull, or, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { ContactRow, TicketRow } from './repo.js'
import {
  anonymousEmailChallenges,
  contactCalls,
  ticketAttachments,
  ticketContacts,
  tickets,
} from './tables.js'

export type AttachmentInsert = typeof ticketAttachments.$inferInsert

// Serialises openings that carry the same integration reference, so a retried call finds the first
// ticket instead of failing on the unique index (two-key advisory lock: namespace, hash of the ref).
const EXTERNAL_REF_LOCK = 1_158_327_017

export async function lockExternalRef(tx: Queryable, channel: string, externalRef: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${EXTERNAL_REF_LOCK}, hashtext(${`${channel}|${externalRef}`}))`,
  )
}

export async function findTicketByExternalRef(
  db: Queryable,
  channel: string,
  externalRef: string,
): Promise<TicketRow | null> {
  const [row] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.channel, channel), eq(tickets.externalRef, externalRef)))
    .limit(1)
  return row ?? null
}

/** Inserts a ticket unless its code is taken: null then, and the caller draws another code. */
export async function insertTicketUnlessCodeTaken(
  tx: Queryable,
  row: typeof tickets.$inferInsert,
): Promise<TicketRow | null> {
  const [inserted] = await tx
    .insert(tickets)
    .values(row)
    .onConflictDoNothing({ target: tickets.code })
    .returning()
  return inserted ?? null
}

/**
 * The citizen's contact, made on first use. Concurrent first uses meet on the unique index: the
 * later one waits for the first and then updates the same row, so there is only ever one.
 */
export async function upsertCitizenContact(
  tx: Queryable,
  input: { fiscalCode: string; displayName: string; email: string | null; phone: string | null; at: Date },
): Promise<ContactRow> {
  const [row] = await tx
    .insert(ticketContacts)
    .values({
      fiscalCode: input.fiscalCode,
      displayName: input.displayName,
      email: input.email,
      phone: input.phone,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .onConflictDoUpdate({
      target: ticketContacts.fiscalCode,
      set: {
        // Fill what was missing; never overwrite what the citizen's contact already has.
        displayName: sql`case when ${ticketContacts.displayName} = '' then excluded.display_name else ${ticketContacts.displayName} end`,
        email: sql`coalesce(${ticketContacts.email}, excluded.email)`,
        phone: sql`coalesce(${ticketContacts.phone}, excluded.phone)`,
        updatedAt: input.at,
      },
    })
    .returning()
  if (!row) throw new Error('contact not stored')
  return row
}

export async function insertContact(
  tx: Queryable,
  row: typeof ticketContacts.$inferInsert,
): Promise<ContactRow> {
  const [inserted] = await tx.insert(ticketContacts).values(row).returning()
  if (!inserted) throw new Error('contact not inserted')
  return inserted
}

/**
 * The contact a verified address belongs to: a citizen's first, else the oldest anonymous one;
 * a contact merged into a citizen stands for that citizen.
 */
export async function findContactIdByVerifiedEmail(db: Queryable, email: string): Promise<string | null> {
  const [row] = await db
    .select({ id: sql<string>`coalesce(${ticketContacts.mergedIntoId}, ${ticketContacts.id})` })
    .from(ticketContacts)
    .where(and(sql`lower(${ticketContacts.email}) = ${email}`, eq(ticketContacts.emailVerified, true)))
    .orderBy(sql`${ticketContacts.fiscalCode} is null`, asc(ticketContacts.createdAt))
    .limit(1)
  return row?.id ?? null
}

/** An anonymous caller already known by this number (never a citizen: a number proves no identity). */
export async function findAnonymousContactIdByPhone(db: Queryable, phone: string): Promise<string | null> {
  const [row] = await db
    .select({ id: ticketContacts.id })
    .from(ticketContacts)
    .where(
      and(
        eq(ticketContacts.phone, phone),
        isNull(ticketContacts.fiscalCode),
        isNull(ticketContacts.mergedIntoId),
        isNull(ticketContacts.email),
      ),
    )
    .orderBy(asc(ticketContacts.createdAt))
    .limit(1)
  return row?.id ?? null
}

export async function lockContact(tx: Queryable, id: string): Promise<ContactRow | null> {
  const [row] = await tx.select().from(ticketContacts).where(eq(ticketContacts.id, id)).for('update')
  return row ?? null
}

/** Gives every ticket and call of one contact to another; answers how many of each moved. */
export async function moveContactHistory(
  tx: Queryable,
  fromContactId: string,
  toContactId: string,
): Promise<{ tickets: number; calls: number }> {
  const movedTickets = await tx
    .update(tickets)
    .set({ contactId: toContactId, version: sql`${tickets.version} + 1` })
    .where(eq(tickets.contactId, fromContactId))
    .returning({ id: tickets.id })
  const movedCalls = await tx
    .update(contactCalls)
    .set({ contactId: toContactId })
    .where(eq(contactCalls.contactId, fromContactId))
    .returning({ id: contactCalls.id })
  return { tickets: movedTickets.length, calls: movedCalls.length }
}

export async function markContactMerged(tx: Queryable, id: string, intoId: string, at: Date): Promise<void> {
  await tx
    .update(ticketContacts)
    .set({ mergedIntoId: intoId, updatedAt: at })
    .where(eq(ticketContacts.id, id))
}

export interface ContactMatch extends ContactRow {
  ticketCount: number
}

/** Contacts with this fiscal code, e-mail or phone, with how many tickets each has. */
export async function searchContacts(
  db: Queryable,
  query: { fiscalCode?: string; email?: string; phone?: string },
  limit: number,
): Promise<ContactMatch[]> {
  const conditions = [
    query.fiscalCode ? eq(ticketContacts.fiscalCode, query.fiscalCode) : undefined,
    query.email ? sql`lower(${ticketContacts.email}) = ${query.email}` : undefined,
    query.phone ? eq(ticketContacts.phone, query.phone) : undefined,
  ].filter((condition) => condition !== undefined)
  if (conditions.length === 0) return []
  const rows = await db
    .select({
      contact: ticketContacts,
      // Spelled out: inside a subquery the ORM would leave both columns unqualified.
      ticketCount: sql<number>`(select count(*)::int from ${tickets} as counted where counted.contact_id = ${ticketContacts}.id)`,
    })
    .from(ticketContacts)
    .where(or(...conditions))
    .orderBy(sql`${ticketContacts.fiscalCode} is null`, desc(ticketContacts.updatedAt))
    .limit(limit)
  return rows.map((row) => ({ ...row.contact, ticketCount: row.ticketCount }))
}

export async function insertAttachments(tx: Queryable, rows: AttachmentInsert[]): Promise<void> {
  if (rows.length > 0) await tx.insert(ticketAttachments).values(rows)
}

export async function findAttachment(db: Queryable, id: string) {
  const [row] = await db.select().from(ticketAttachments).where(eq(ticketAttachments.id, id)).limit(1)
  return row ?? null
}

export type EmailChallengeRow = typeof anonymousEmailChallenges.$inferSelect

export async function countEmailChallengesSince(db: Queryable, email: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(anonymousEmailChallenges)
    .where(
      and(
        sql`lower(${anonymousEmailChallenges.email}) = ${email}`,
        gte(anonymousEmailChallenges.createdAt, since),
      ),
    )
  return row?.count ?? 0
}

export async function insertEmailChallenge(
  tx: Queryable,
  row: typeof anonymousEmailChallenges.$inferInsert,
): Promise<void> {
  await tx.insert(anonymousEmailChallenges).values(row)
}

/** The address's latest code not yet answered, locked: guesses at one code queue up. */
export async function lockLatestOpenEmailChallenge(
  tx: Queryable,
  email: string,
): Promise<EmailChallengeRow | null> {
  const [row] = await tx
    .select()
    .from(anonymousEmailChallenges)
    .where(
      and(
        sql`lower(${anonymousEmailChallenges.email}) = ${email}`,
        isNull(anonymousEmailChallenges.verifiedAt),
        isNull(anonymousEmailChallenges.usedAt),
      ),
    )
    .orderBy(desc(anonymousEmailChallenges.createdAt))
    .limit(1)
    .for('update')
  return row ?? null
}

export async function updateEmailChallenge(
  tx: Queryable,
  id: string,
  changes: Partial<Pick<EmailChallengeRow, 'attempts' | 'expiresAt' | 'proofHash' | 'verifiedAt' | 'usedAt'>>,
): Promise<void> {
  await tx.update(anonymousEmailChallenges).set(changes).where(eq(anonymousEmailChallenges.id, id))
}

export async function lockEmailChallengeByProof(
  tx: Queryable,
  proofHash: string,
): Promise<EmailChallengeRow | null> {
  const [row] = await tx
    .select()
    .from(anonymousEmailChallenges)
    .where(eq(anonymousEmailChallenges.proofHash, proofHash))
    .for('update')
  return row ?? null
}
