import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { POSITION_KINDS, POSITION_STATUSES } from './policy.js'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(', ')})`)

/** The IUV sequence of the city's segregation code: every notice number is drawn from it once. */
export const iuvSequence = pgSequence('payment_iuv_seq', { startWith: 1, minValue: 1 })

export interface Transfer {
  /** The creditor of this part: the city unless another body shares the payment. */
  creditorFiscalCode: string
  iban: string
  amountCents: number
  remittance: string
  /** pagoPA taxonomy code of the service paid for. */
  category: string
}

/** A debt position (posizione debitoria): what one person owes the city for one reason. */
export const paymentPositions = pgTable(
  'payment_positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The creditor's own id of the position (IUPD), unique: imports and capabilities set it. */
    iupd: text('iupd').notNull(),
    debtorFiscalCode: text('debtor_fiscal_code').notNull(),
    debtorName: text('debtor_name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull().default('published'),
    /** Who created it: an import roll, or a capability ("certificates"). */
    source: text('source').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('payment_positions_iupd_idx').on(table.iupd),
    index('payment_positions_debtor_idx').on(table.debtorFiscalCode),
    check('payment_positions_kind_check', inList('kind', POSITION_KINDS)),
    check('payment_positions_status_check', inList('status', POSITION_STATUSES)),
  ],
)

/** A way to pay a position: one instalment, or the single payment of the whole. One notice each. */
export const paymentOptions = pgTable(
  'payment_options',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => paymentPositions.id, { onDelete: 'cascade' }),
    nav: text('nav').notNull(),
    kind: text('kind').notNull(),
    /** 1, 2, 3… for instalments; null for the single payment. */
    instalment: integer('instalment'),
    amountCents: integer('amount_cents').notNull(),
    dueDate: date('due_date').notNull(),
    description: text('description').notNull(),
    /**
     * Null for the usual case, one transfer of the whole amount to the city's account; a list when
     * the payment is shared with other bodies.
     */
    transfers: jsonb('transfers').$type<Transfer[]>(),
    status: text('status').notNull().default('unpaid'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    receiptId: uuid('receipt_id'),
  },
  (table) => [
    uniqueIndex('payment_options_nav_idx').on(table.nav),
    index('payment_options_position_idx').on(table.positionId),
    check('payment_options_kind_check', sql`${table.kind} in ('single', 'instalment')`),
    check('payment_options_status_check', sql`${table.status} in ('unpaid', 'paid', 'cancelled')`),
    check('payment_options_amount_check', sql`${table.amountCents} > 0`),
  ],
)

export const RECEIPT_OUTCOMES = ['applied', 'unknown-notice', 'amount-mismatch', 'already-paid'] as const

/**
 * A receipt (ricevuta telematica) as it arrived, whatever it said: kept once per provider receipt id,
 * with how many times it came again and what was done with it.
 */
export const paymentReceipts = pgTable(
  'payment_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The provider's id of the receipt: the same receipt sent twice is recognised by it. */
    providerReceiptId: text('provider_receipt_id').notNull(),
    provider: text('provider').notNull(),
    nav: text('nav').notNull(),
    creditorFiscalCode: text('creditor_fiscal_code').notNull(),
    amountCents: integer('amount_cents').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    payerFiscalCode: text('payer_fiscal_code'),
    psp: text('psp'),
    outcome: text('outcome').notNull(),
    optionId: uuid('option_id'),
    repeats: integer('repeats').notNull().default(0),
    receivedAt: createdAt(),
  },
  (table) => [
    uniqueIndex('payment_receipts_provider_idx').on(table.provider, table.providerReceiptId),
    index('payment_receipts_nav_idx').on(table.nav),
    index('payment_receipts_option_idx').on(table.optionId),
    check('payment_receipts_outcome_check', inList('outcome', RECEIPT_OUTCOMES)),
  ],
)

export const CHECKOUT_STATUSES = ['open', 'paid', 'failed', 'abandoned'] as const

/** A citizen's cart sent to the payment provider: up to five notices paid together. */
export const paymentCheckouts = pgTable(
  'payment_checkouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    payerFiscalCode: text('payer_fiscal_code').notNull(),
    optionIds: uuid('option_ids').array().notNull(),
    totalCents: integer('total_cents').notNull(),
    provider: text('provider').notNull(),
    providerReference: text('provider_reference'),
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [
    index('payment_checkouts_payer_idx').on(table.payerFiscalCode, table.createdAt),
    check('payment_checkouts_status_check', inList('status', CHECKOUT_STATUSES)),
  ],
)

/** Money given back by the city on a paid option, recorded by staff with the reason. */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    optionId: uuid('option_id')
      .notNull()
      .references(() => paymentOptions.id),
    amountCents: integer('amount_cents').notNull(),
    reason: text('reason').notNull(),
    staffId: uuid('staff_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('payment_refunds_option_idx').on(table.optionId),
    check('payment_refunds_amount_check', sql`${table.amountCents} > 0`),
  ],
)

/** One imported roll: what it held and who brought it in, for the payments office's list. */
export const paymentRolls = pgTable(
  'payment_rolls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').notNull(),
    positions: integer('positions').notNull(),
    options: integer('options').notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: createdAt(),
  },
  (table) => [index('payment_rolls_imported_idx').on(table.importedAt)],
)
