import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { formatShortDate } from '../../platform/format.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import { type PaymentsListDocument, renderPaymentsListPdf, renderReceiptPdf } from './archive-pdf.js'
import { findAppliedReceipt, listAppliedReceiptsOf, listRefundsOfOptions } from './repo.js'
import { listMyPayments, payerOf } from './service.js'

/** Receipts as the folder's Documenti lists them: one per paid notice, newest first. */
export async function listMyReceipts(ctx: ServiceContext) {
  const rows = await listAppliedReceiptsOf(ctx.db, await payerOf(ctx))
  return rows.map(({ receipt, option }) => ({
    id: receipt.id,
    description: option.description,
    amountCents: receipt.amountCents,
    paidAt: receipt.paidAt.toISOString(),
    psp: receipt.psp,
    nav: option.nav,
  }))
}

/** The receipt PDF of one of the citizen's payments; anyone else's answers as if it did not exist. */
export async function renderMyReceipt(ctx: ServiceContext, receiptId: string): Promise<Buffer> {
  const row = await findAppliedReceipt(ctx.db, receiptId)
  if (!row || row.position.debtorFiscalCode !== (await payerOf(ctx))) {
    throw new AppError('NOT_FOUND', { messageKey: 'payments.receipt-missing' })
  }
  const [city, refunds] = await Promise.all([
    getCityProfile(ctx),
    listRefundsOfOptions(ctx.db, [row.option.id]),
  ])
  return renderReceiptPdf({
    city: { name: cityTitle(city), fiscalCode: city?.fiscalCode ?? '' },
    debtor: { name: row.position.debtorName, fiscalCode: row.position.debtorFiscalCode },
    payerFiscalCode: row.receipt.payerFiscalCode,
    description: row.option.description,
    nav: row.option.nav,
    amountCents: row.receipt.amountCents,
    paidAt: row.receipt.paidAt,
    psp: row.receipt.psp,
    receiptReference: row.receipt.providerReceiptId,
    refunds: refunds.map((refund) => ({
      amountCents: refund.amountCents,
      reason: refund.reason,
      at: refund.createdAt,
    })),
  })
}

const paidOn = (paidAt: string | null) =>
  paidAt ? formatShortDate(romeCalendarDate(new Date(paidAt)), 'it') : ''

const POSITION_STATUS_WORDS: Record<string, string> = {
  draft: 'Bozza',
  published: 'Da pagare',
  'partially-paid': 'Pagata in parte',
  paid: 'Pagata',
  expired: 'Scaduta',
  cancelled: 'Annullata',
}

/** "Stampa lista pagamenti": the Pagamenti page as a PDF, with what is due and what was paid. */
export async function renderMyPaymentsList(ctx: ServiceContext): Promise<Buffer> {
  const fiscalCode = await payerOf(ctx)
  const [positions, city] = await Promise.all([listMyPayments(ctx), getCityProfile(ctx)])
  const totals = { dueCents: 0, paidCents: 0, refundedCents: 0 }
  const shown: PaymentsListDocument['positions'] = positions.map((position) => {
    const hasInstalments = position.options.some((option) => option.kind === 'instalment')
    return {
      description: position.description,
      status: POSITION_STATUS_WORDS[position.status] ?? position.status,
      options: position.options
        // The single payment is worth a line only while it can still be chosen.
        .filter((option) => option.kind === 'instalment' || option.status === 'paid' || option.payable)
        .map((option) => {
          const refunded = option.refunds.reduce((sum, refund) => sum + refund.amountCents, 0)
          if (option.status === 'paid') totals.paidCents += option.amountCents
          totals.refundedCents += refunded
          const countsAsDue = option.status === 'unpaid' && (option.kind === 'instalment' || !hasInstalments)
          if (countsAsDue) totals.dueCents += option.amountCents
          return {
            label: option.kind === 'single' ? 'Unica soluzione' : `Rata ${option.instalment}`,
            nav: option.nav,
            amountCents: option.amountCents,
            dueDate: option.dueDate,
            state:
              option.status === 'paid'
                ? `Pagato il ${paidOn(option.paidAt)}${refunded > 0 ? ' (con rimborso)' : ''}`
                : option.status === 'cancelled'
                  ? 'Annullato'
                  : 'Da pagare',
          }
        }),
    }
  })
  const name = positions[0]?.debtorName ?? fiscalCode
  return renderPaymentsListPdf({
    city: { name: cityTitle(city), fiscalCode: city?.fiscalCode ?? '' },
    debtor: { name, fiscalCode },
    printedAt: ctx.clock.now(),
    positions: shown,
    totals,
  })
}
