import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { contactCalls, telephonyWaits, ticketCategories, ticketContacts, tickets } from './tables.js'

export type CallRow = typeof contactCalls.$inferSelect
export type NewCall = typeof contactCalls.$inferInsert
export type TelephonyWaitRow = typeof telephonyWaits.$inferSelect

/** A logged call with what lists show beside it: the triplet's detail, the contact, the ticket. */
export interface ListedCall extends CallRow {
  category: { code: string; nameIt: string; nameEn: string } | null
  contactName: string | null
  ticketCode: string | null
}

// Serialises the operator's log and the telephony system's report of one call, whichever comes first.
const TELEPHONY_CALL_LOCK = 1_158_327_031

export async function lockTelephonyCall(tx: Queryable, telephonyCallId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${TELEPHONY_CALL_LOCK}, hashtext(${telephonyCallId}))`)
}

export async function insertCall(tx: Queryable, row: NewCall): Promise<CallRow> {
  const [inserted] = await tx.insert(contactCalls).values(row).returning()
  if (!inserted) throw new Error('call not inserted')
  return inserted
}

export async function findCallByTelephonyId(db: Queryable, telephonyCallId: string): Promise<CallRow | null> {
  const [row] = await db
    .select()
    .from(contactCalls)
    .where(eq(contactCalls.telephonyCallId, telephonyCallId))
    .limit(1)
  return row ?? null
}

export async function findTelephonyWait(
  db: Queryable,
  telephonyCallId: string,
): Promise<TelephonyWaitRow | null> {
  const [row] = await db
    .select()
    .from(telephonyWaits)
    .where(eq(telephonyWaits.telephonyCallId, telephonyCallId))
    .limit(1)
  return row ?? null
}

/** The telephony system's report, kept once per call id: a repeat overwrites it with the same values. */
export async function upsertTelephonyWait(tx: Queryable, row: TelephonyWaitRow): Promise<void> {
  await tx
    .insert(telephonyWaits)
    .values(row)
    .onConflictDoUpdate({
      target: telephonyWaits.telephonyCallId,
      set: {
        waitSeconds: row.waitSeconds,
        callerPhone: sql`coalesce(excluded.caller_phone, ${telephonyWaits.callerPhone})`,
        queue: sql`coalesce(excluded.queue, ${telephonyWaits.queue})`,
        receivedAt: row.receivedAt,
      },
    })
}

/** Gives a logged call its wait time (and the caller's number if it had none): whether one matched. */
export async function setCallWait(
  tx: Queryable,
  input: { telephonyCallId: string; waitSeconds: number; callerPhone: string | null },
): Promise<CallRow | null> {
  const [row] = await tx
    .update(contactCalls)
    .set({
      waitSeconds: input.waitSeconds,
      callerPhone: sql`coalesce(${contactCalls.callerPhone}, ${input.callerPhone})`,
    })
    .where(eq(contactCalls.telephonyCallId, input.telephonyCallId))
    .returning()
  return row ?? null
}

export interface CallFilter {
  operatorStaffId?: string
  contactId?: string
  from?: Date
  to?: Date
  limit: number
}

async function selectListedCalls(
  db: Queryable,
  where: SQL | undefined,
  limit: number,
): Promise<ListedCall[]> {
  const rows = await db
    .select({
      call: contactCalls,
      categoryCode: ticketCategories.code,
      categoryNameIt: ticketCategories.nameIt,
      categoryNameEn: ticketCategories.nameEn,
      contactName: ticketContacts.displayName,
      ticketCode: tickets.code,
    })
    .from(contactCalls)
    .leftJoin(ticketCategories, eq(ticketCategories.id, contactCalls.categoryId))
    .leftJoin(ticketContacts, eq(ticketContacts.id, contactCalls.contactId))
    .leftJoin(tickets, eq(tickets.id, contactCalls.ticketId))
    .where(where)
    .orderBy(desc(contactCalls.startedAt), desc(contactCalls.id))
    .limit(limit)
  return rows.map((row) => ({
    ...row.call,
    category:
      row.categoryCode !== null
        ? { code: row.categoryCode, nameIt: row.categoryNameIt ?? '', nameEn: row.categoryNameEn ?? '' }
        : null,
    contactName: row.contactName,
    ticketCode: row.ticketCode,
  }))
}

/** Calls newest first, by operator or by contact, within an optional time window [from, to). */
export async function listCalls(db: Queryable, filter: CallFilter): Promise<ListedCall[]> {
  const conditions = [
    filter.operatorStaffId ? eq(contactCalls.operatorStaffId, filter.operatorStaffId) : undefined,
    filter.contactId ? eq(contactCalls.contactId, filter.contactId) : undefined,
    filter.from ? gte(contactCalls.startedAt, filter.from) : undefined,
    filter.to ? lt(contactCalls.startedAt, filter.to) : undefined,
  ].filter((condition) => condition !== undefined)
  return selectListedCalls(db, and(...conditions), filter.limit)
}

export async function findListedCall(db: Queryable, id: string): Promise<ListedCall | null> {
  const [row] = await selectListedCalls(db, eq(contactCalls.id, id), 1)
  return row ?? null
}
