import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { copyRows } from '../../db/bulk-copy.js'
import type { Queryable } from '../../db/client.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import type { TimelinePage } from '../../platform/timeline-source.js'
import {
  paymentCheckouts,
  paymentOptions,
  paymentPositions,
  paymentReceipts,
  paymentRefunds,
  paymentRolls,
  type Transfer,
} from './tables.js'

export type PositionRow = typeof paymentPositions.$inferSelect
export type OptionRow = typeof paymentOptions.$inferSelect
export type CheckoutRow = typeof paymentCheckouts.$inferSelect
export type ReceiptRow = typeof paymentReceipts.$inferSelect

/** Draws `count` values of the IUV sequence in one round trip. */
export async function drawIuvSequence(db: Queryable, count: number): Promise<bigint[]> {
  const result = (await db.execute(
    sql`select nextval('payment_iuv_seq')::text as n from generate_series(1, ${count}::int)`,
  )) as unknown as { rows: { n: string }[] }
  return result.rows.map((row) => BigInt(row.n))
}

export interface NewPosition {
  id: string
  iupd: string
  debtorFiscalCode: string
  debtorName: string
  kind: string
  description: string
  source: string
}

export interface NewOption {
  positionId: string
  nav: string
  kind: 'single' | 'instalment'
  instalment: number | null
  amountCents: number
  dueDate: string
  description: string
  transfers: Transfer[] | null
}

/** Below this many rows an INSERT is as quick as COPY and works outside a transaction too. */
const COPY_FROM_ROWS = 500

/**
 * Writes positions and their options. Big batches (a roll) go through COPY inside the caller's
 * transaction; small ones (one position from a capability) as one INSERT per table, the rows
 * travelling as one JSON parameter unpacked by the database.
 */
export async function insertPositionsInBulk(db: Queryable, positions: NewPosition[], options: NewOption[]) {
  if (positions.length === 0) return
  if (options.length >= COPY_FROM_ROWS) {
    await copyRows(
      db,
      'payment_positions',
      ['id', 'iupd', 'debtor_fiscal_code', 'debtor_name', 'kind', 'description', 'source'],
      positions.map((p) => [p.id, p.iupd, p.debtorFiscalCode, p.debtorName, p.kind, p.description, p.source]),
    )
    await copyRows(
      db,
      'payment_options',
      [
        'id',
        'position_id',
        'nav',
        'kind',
        'instalment',
        'amount_cents',
        'due_date',
        'description',
        'transfers',
      ],
      options.map((o) => [
        timeOrderedUuid(),
        o.positionId,
        o.nav,
        o.kind,
        o.instalment,
        o.amountCents,
        o.dueDate,
        o.description,
        o.transfers ? JSON.stringify(o.transfers) : null,
      ]),
    )
    return
  }
  await db.execute(sql`
    insert into ${paymentPositions} (id, iupd, debtor_fiscal_code, debtor_name, kind, description, source)
    select id, iupd, "debtorFiscalCode", "debtorName", kind, description, source
    from json_to_recordset(${JSON.stringify(positions)}::json) as x(
      id uuid, iupd text, "debtorFiscalCode" text, "debtorName" text, kind text, description text, source text)`)
  await db.execute(sql`
    insert into ${paymentOptions} (position_id, nav, kind, instalment, amount_cents, due_date, description, transfers)
    select "positionId", nav, kind, instalment, "amountCents", "dueDate", description, transfers
    from json_to_recordset(${JSON.stringify(options)}::json) as x(
      "positionId" uuid, nav text, kind text, instalment int, "amountCents" int, "dueDate" date,
      description text, transfers jsonb)`)
}

export async function insertRoll(db: Queryable, roll: typeof paymentRolls.$inferInsert) {
  await db.insert(paymentRolls).values(roll)
}

export async function listRecentRolls(db: Queryable, limit: number) {
  return db.select().from(paymentRolls).orderBy(desc(paymentRolls.importedAt)).limit(limit)
}

export async function existingIupd(db: Queryable, iupd: string): Promise<boolean> {
  const [row] = await db
    .select({ id: paymentPositions.id })
    .from(paymentPositions)
    .where(eq(paymentPositions.iupd, iupd))
  return Boolean(row)
}

export async function listPositionsOf(db: Queryable, fiscalCode: string) {
  const positions = await db
    .select()
    .from(paymentPositions)
    .where(eq(paymentPositions.debtorFiscalCode, fiscalCode))
    .orderBy(desc(paymentPositions.createdAt))
  const options = await listOptionsInNoticeOrder(
    db,
    positions.map((p) => p.id),
  )
  return { positions, options }
}

/** The options of some positions, as the notice prints them: the single payment, then each instalment. */
export async function listOptionsInNoticeOrder(db: Queryable, positionIds: string[]): Promise<OptionRow[]> {
  if (positionIds.length === 0) return []
  return db
    .select()
    .from(paymentOptions)
    .where(inArray(paymentOptions.positionId, positionIds))
    .orderBy(desc(sql`${paymentOptions.kind} = 'single'`), asc(paymentOptions.instalment))
}

export async function findOptionsWithPositions(db: Queryable, optionIds: string[]) {
  if (optionIds.length === 0) return []
  return db
    .select({ option: paymentOptions, position: paymentPositions })
    .from(paymentOptions)
    .innerJoin(paymentPositions, eq(paymentPositions.id, paymentOptions.positionId))
    .where(inArray(paymentOptions.id, optionIds))
}

export async function findOptionByNav(db: Queryable, nav: string) {
  const [row] = await db
    .select({ option: paymentOptions, position: paymentPositions })
    .from(paymentOptions)
    .innerJoin(paymentPositions, eq(paymentPositions.id, paymentOptions.positionId))
    .where(eq(paymentOptions.nav, nav))
  return row ?? null
}

export async function lockPosition(db: Queryable, positionId: string) {
  const [row] = await db
    .select()
    .from(paymentPositions)
    .where(eq(paymentPositions.id, positionId))
    .for('update')
  return row ?? null
}

export async function listOptionsOfPosition(db: Queryable, positionId: string): Promise<OptionRow[]> {
  return listOptionsOfPositions(db, [positionId])
}

export async function listOptionsOfPositions(db: Queryable, positionIds: string[]): Promise<OptionRow[]> {
  if (positionIds.length === 0) return []
  return db.select().from(paymentOptions).where(inArray(paymentOptions.positionId, positionIds))
}

export async function markOptionPaid(db: Queryable, optionId: string, receiptId: string, at: Date) {
  await db
    .update(paymentOptions)
    .set({ status: 'paid', paidAt: at, receiptId })
    .where(and(eq(paymentOptions.id, optionId), eq(paymentOptions.status, 'unpaid')))
}

export async function setPositionStatus(db: Queryable, positionId: string, status: string, at: Date) {
  await db.update(paymentPositions).set({ status, updatedAt: at }).where(eq(paymentPositions.id, positionId))
}

/**
 * Stores a receipt unless the provider sent it before; a repeat only counts as one more arrival.
 * Returns the stored row and whether it is new.
 */
export async function insertReceiptOnce(
  db: Queryable,
  row: typeof paymentReceipts.$inferInsert,
): Promise<{ receipt: ReceiptRow; fresh: boolean }> {
  const [inserted] = await db.insert(paymentReceipts).values(row).onConflictDoNothing().returning()
  if (inserted) return { receipt: inserted, fresh: true }
  const [repeated] = await db
    .update(paymentReceipts)
    .set({ repeats: sql`${paymentReceipts.repeats} + 1` })
    .where(
      and(
        eq(paymentReceipts.provider, row.provider),
        eq(paymentReceipts.providerReceiptId, row.providerReceiptId),
      ),
    )
    .returning()
  if (!repeated) throw new Error('receipt neither inserted nor found')
  return { receipt: repeated, fresh: false }
}

export async function setReceiptOutcome(db: Queryable, id: string, outcome: string, optionId: string | null) {
  await db.update(paymentReceipts).set({ outcome, optionId }).where(eq(paymentReceipts.id, id))
}

export async function findReceiptsOfOptions(db: Queryable, optionIds: string[]): Promise<ReceiptRow[]> {
  if (optionIds.length === 0) return []
  return db.select().from(paymentReceipts).where(inArray(paymentReceipts.optionId, optionIds))
}

export async function insertCheckout(
  db: Queryable,
  row: typeof paymentCheckouts.$inferInsert,
): Promise<CheckoutRow> {
  const [inserted] = await db.insert(paymentCheckouts).values(row).returning()
  if (!inserted) throw new Error('checkout not inserted')
  return inserted
}

export async function findCheckout(db: Queryable, id: string): Promise<CheckoutRow | null> {
  const [row] = await db.select().from(paymentCheckouts).where(eq(paymentCheckouts.id, id))
  return row ?? null
}

/** Closes an open checkout; false when it was already closed. */
export async function closeCheckout(db: Queryable, id: string, status: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(paymentCheckouts)
    .set({ status, completedAt: at })
    .where(and(eq(paymentCheckouts.id, id), eq(paymentCheckouts.status, 'open')))
    .returning({ id: paymentCheckouts.id })
  return rows.length > 0
}

export async function insertRefund(db: Queryable, row: typeof paymentRefunds.$inferInsert) {
  const [inserted] = await db.insert(paymentRefunds).values(row).returning()
  return inserted
}

export async function listRefundsOfOptions(db: Queryable, optionIds: string[]) {
  if (optionIds.length === 0) return []
  return db.select().from(paymentRefunds).where(inArray(paymentRefunds.optionId, optionIds))
}

/** Applied receipts with the option and position they paid. */
function appliedReceipts(db: Queryable) {
  return db
    .select({ receipt: paymentReceipts, option: paymentOptions, position: paymentPositions })
    .from(paymentReceipts)
    .innerJoin(paymentOptions, eq(paymentOptions.id, paymentReceipts.optionId))
    .innerJoin(paymentPositions, eq(paymentPositions.id, paymentOptions.positionId))
}

/** The receipts that paid the debtor's notices, newest first, each with what it paid. */
export async function listAppliedReceiptsOf(db: Queryable, fiscalCode: string) {
  return appliedReceipts(db)
    .where(and(eq(paymentPositions.debtorFiscalCode, fiscalCode), eq(paymentReceipts.outcome, 'applied')))
    .orderBy(desc(paymentReceipts.paidAt))
}

export async function findAppliedReceipt(db: Queryable, receiptId: string) {
  const [row] = await appliedReceipts(db).where(
    and(eq(paymentReceipts.id, receiptId), eq(paymentReceipts.outcome, 'applied')),
  )
  return row ?? null
}

export interface DueOption {
  optionId: string
  nav: string
  amountCents: number
  dueDate: string
  description: string
  debtorFiscalCode: string
}

/**
 * Unpaid notices falling due between two days, keyset-paged by id: instalments, and the single
 * payment of positions that have no instalments (a position is reminded of once per due date).
 */
export async function listOptionsDueBetween(
  db: Queryable,
  window: { from: string; to: string; afterId?: string; limit: number },
): Promise<DueOption[]> {
  const result = (await db.execute(sql`
    select o.id as "optionId", o.nav, o.amount_cents as "amountCents", o.due_date::text as "dueDate",
           o.description, p.debtor_fiscal_code as "debtorFiscalCode"
    from ${paymentOptions} o join ${paymentPositions} p on p.id = o.position_id
    where o.status = 'unpaid' and p.status in ('published', 'partially-paid')
      and o.due_date between ${window.from}::date and ${window.to}::date
      and (o.kind = 'instalment' or not exists (
        select 1 from ${paymentOptions} i where i.position_id = o.position_id and i.kind = 'instalment'))
      and o.id > ${window.afterId ?? '00000000-0000-0000-0000-000000000000'}::uuid
    order by o.id limit ${window.limit}`)) as unknown as { rows: DueOption[] }
  return result.rows
}

export interface OpenDue {
  optionId: string
  nav: string
  amountCents: number
  dueDate: string
  description: string
}

/**
 * What a debtor still has to pay, by due date: unpaid instalments, and the single payment of
 * positions without instalments (where there are instalments, their dates are the ones to keep).
 */
export async function listOpenDuesOf(db: Queryable, fiscalCode: string): Promise<OpenDue[]> {
  const result = (await db.execute(sql`
    select o.id as "optionId", o.nav, o.amount_cents as "amountCents", o.due_date::text as "dueDate",
           o.description
    from ${paymentOptions} o join ${paymentPositions} p on p.id = o.position_id
    where p.debtor_fiscal_code = ${fiscalCode} and o.status = 'unpaid'
      and p.status not in ('draft', 'paid', 'cancelled')
      and (o.kind = 'instalment' or not exists (
        select 1 from ${paymentOptions} i where i.position_id = o.position_id and i.kind = 'instalment'))
    order by o.due_date, o.nav`)) as unknown as { rows: OpenDue[] }
  return result.rows
}

/** A debtor's notices and the receipts that paid them, for the operators' timeline, newest first. */
/**
 * Notices issued to a debtor and the receipts that paid them, newest first, as their part of the
 * CRM's 360° view: two index reads of one page each.
 */
export function paymentEventsTimelineSql(fiscalCode: string, page: TimelinePage): SQL {
  const notices = sql`select 'payment' as kind, ${paymentPositions.createdAt} as at,
      ${paymentPositions.id}::text as reference, ${paymentPositions.status}::text as status,
      ${paymentPositions.description} as title, null::text as detail, null::text as channel,
      null::int as amount_cents, null::text as team_code
    from ${paymentPositions}
    where ${paymentPositions.debtorFiscalCode} = ${fiscalCode}
      ${page.before ? sql`and ${paymentPositions.createdAt} < ${page.before.toISOString()}::timestamptz` : sql``}
    order by ${paymentPositions.createdAt} desc
    limit ${page.limit}`
  const receipts = sql`select 'payment' as kind, ${paymentReceipts.paidAt} as at, ${paymentReceipts.nav} as reference,
      'paid' as status, ${paymentPositions.description} as title, null::text as detail, null::text as channel,
      ${paymentReceipts.amountCents}::int as amount_cents, null::text as team_code
    from ${paymentReceipts}
    join ${paymentOptions} on ${paymentOptions.id} = ${paymentReceipts.optionId}
    join ${paymentPositions} on ${paymentPositions.id} = ${paymentOptions.positionId}
    where ${paymentPositions.debtorFiscalCode} = ${fiscalCode} and ${paymentReceipts.outcome} = 'applied'
      ${page.before ? sql`and ${paymentReceipts.paidAt} < ${page.before.toISOString()}::timestamptz` : sql``}
    order by ${paymentReceipts.paidAt} desc
    limit ${page.limit}`
  return sql`(${notices}) union all (${receipts})`
}
