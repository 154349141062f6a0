import type { Database } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { getCityProfile } from '../city/service.js'
import { type NotifyDeps, notifyCitizen } from '../notifications/service.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import { PAYMENT_RECEIVED_TEMPLATE } from './notices.js'
import { announcePositionPaid } from './paid-hooks.js'
import { positionStatusOf } from './policy.js'
import {
  findOptionByNav,
  insertReceiptOnce,
  listOptionsOfPosition,
  lockPosition,
  markOptionPaid,
  setPositionStatus,
  setReceiptOutcome,
} from './repo.js'
import type { RECEIPT_OUTCOMES } from './tables.js'

export type ReceiptOutcome = (typeof RECEIPT_OUTCOMES)[number]

export interface IncomingReceipt {
  provider: string
  providerReceiptId: string
  nav: string
  creditorFiscalCode: string
  amountCents: number
  paidAt: Date
  payerFiscalCode?: string | null
  psp?: string | null
}

export interface ReceiptResult {
  receiptId: string
  outcome: ReceiptOutcome
  /** True when this receipt had arrived before: nothing was done again. */
  repeated: boolean
}

/**
 * Matches a receipt to its notice, once. The receipt is stored whatever it says; a repeat of a
 * stored receipt changes nothing; a receipt for an unknown notice, for a different amount or for a
 * notice already paid by another receipt is recorded with that outcome and pays nothing.
 */
export async function recordReceipt(
  deps: { db: Database; notify: NotifyDeps },
  input: IncomingReceipt,
): Promise<ReceiptResult> {
  return inTransaction(deps.db, async (tx) => {
    const now = deps.notify.clock.now()
    const { receipt, fresh } = await insertReceiptOnce(tx, {
      provider: input.provider,
      providerReceiptId: input.providerReceiptId,
      nav: input.nav,
      creditorFiscalCode: input.creditorFiscalCode,
      amountCents: input.amountCents,
      paidAt: input.paidAt,
      payerFiscalCode: input.payerFiscalCode ?? null,
      psp: input.psp ?? null,
      outcome: 'unknown-notice',
    })
    if (!fresh) return { receiptId: receipt.id, outcome: receipt.outcome as ReceiptOutcome, repeated: true }
    const city = await getCityProfile({ db: tx })
    const found = await findOptionByNav(tx, input.nav)
    if (!found || (city && city.fiscalCode !== input.creditorFiscalCode)) {
      return { receiptId: receipt.id, outcome: 'unknown-notice', repeated: false }
    }
    // Receipts for the same position are taken one at a time: two payments of one notice cannot
    // both be applied.
    await lockPosition(tx, found.position.id)
    const options = await listOptionsOfPosition(tx, found.position.id)
    const option = options.find((candidate) => candidate.id === found.option.id)
    const singlePaid = options.some((candidate) => candidate.kind === 'single' && candidate.status === 'paid')
    const outcome: ReceiptOutcome =
      option?.status !== 'unpaid' || singlePaid
        ? 'already-paid'
        : option.amountCents !== input.amountCents
          ? 'amount-mismatch'
          : 'applied'
    await setReceiptOutcome(tx, receipt.id, outcome, found.option.id)
    if (outcome !== 'applied') return { receiptId: receipt.id, outcome, repeated: false }
    await markOptionPaid(tx, found.option.id, receipt.id, input.paidAt)
    const after = options.map((candidate) =>
      candidate.id === found.option.id ? { ...candidate, status: 'paid' } : candidate,
    )
    const status = positionStatusOf(
      after.map((candidate) => ({
        kind: candidate.kind as 'single' | 'instalment',
        status: candidate.status as 'unpaid' | 'paid' | 'cancelled',
        dueDate: candidate.dueDate,
      })),
      romeCalendarDate(now),
    )
    await setPositionStatus(tx, found.position.id, status, now)
    if (status === 'paid') await announcePositionPaid(tx, found.position, deps)
    await notifyCitizen(tx, deps.notify, {
      recipientFiscalCode: found.position.debtorFiscalCode,
      template: PAYMENT_RECEIVED_TEMPLATE,
      params: { description: found.option.description, amountCents: input.amountCents, nav: input.nav },
      dedupeKey: `payment-received:${receipt.id}`,
      action: { url: '/area-personale/pagamenti' },
    })
    return { receiptId: receipt.id, outcome, repeated: false }
  })
}
