import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { resolveFolderOwner } from '../identity/delegation-service.js'
import { type NotifyDeps, notifyCitizen } from '../notifications/service.js'
import './messages.js'
import { renderNoticePdf } from './notice-pdf.js'
import { PAYMENT_REFUNDED_TEMPLATE } from './notices.js'
import { MAX_CART_NOTICES, type OptionState, payableOptionIds } from './policy.js'
import { type PaymentProvider, PaymentProviderError } from './provider.js'
import { recordReceipt } from './receipts.js'
import {
  closeCheckout,
  findCheckout,
  findOptionsWithPositions,
  findReceiptsOfOptions,
  insertCheckout,
  insertRefund,
  listOptionsOfPosition,
  listOptionsOfPositions,
  listPositionsOf,
  listRefundsOfOptions,
  type OptionRow,
} from './repo.js'

/**
 * Whose payments the signed-in citizen works on: their own, or those of a person they represent
 * with the payments scope (a minor child, a delegator), checked again on every request.
 */
export async function payerOf(ctx: ServiceContext): Promise<string> {
  if (ctx.actor.type !== 'citizen') throw new AppError('FORBIDDEN')
  return (await resolveFolderOwner(ctx, ctx.actor, 'payments')).fiscalCode
}

function state(option: OptionRow): OptionState & { id: string } {
  return {
    id: option.id,
    kind: option.kind as 'single' | 'instalment',
    status: option.status as 'unpaid' | 'paid' | 'cancelled',
    dueDate: option.dueDate,
  }
}

/** "Pagamenti": every position with its options, what can be paid now, receipts and refunds. */
export async function listMyPayments(ctx: ServiceContext) {
  const fiscalCode = await payerOf(ctx)
  const { positions, options } = await listPositionsOf(ctx.db, fiscalCode)
  const optionIds = options.map((option) => option.id)
  const [receipts, refunds, city] = await Promise.all([
    findReceiptsOfOptions(ctx.db, optionIds),
    listRefundsOfOptions(ctx.db, optionIds),
    getCityProfile(ctx),
  ])
  return positions.map((position) => {
    const own = options.filter((option) => option.positionId === position.id)
    const payable = new Set(payableOptionIds(own.map(state)))
    return {
      id: position.id,
      iupd: position.iupd,
      debtorName: position.debtorName,
      kind: position.kind,
      description: position.description,
      status: position.status,
      options: own.map((option) => {
        const receipt = receipts.find((candidate) => candidate.id === option.receiptId)
        return {
          id: option.id,
          nav: option.nav,
          creditorFiscalCode: city?.fiscalCode ?? '',
          kind: option.kind,
          instalment: option.instalment,
          amountCents: option.amountCents,
          dueDate: option.dueDate,
          description: option.description,
          status: option.status,
          payable: payable.has(option.id),
          paidAt: option.paidAt?.toISOString() ?? null,
          receipt: receipt
            ? { id: receipt.id, psp: receipt.psp, paidAt: receipt.paidAt.toISOString() }
            : null,
          refunds: refunds
            .filter((refund) => refund.optionId === option.id)
            .map((refund) => ({
              amountCents: refund.amountCents,
              reason: refund.reason,
              at: refund.createdAt.toISOString(),
            })),
        }
      }),
    }
  })
}

/**
 * Starts paying up to five notices together. Each must be the citizen's and payable now; the cart
 * is recorded before the provider is asked, so its receipts can be told apart later.
 */
export async function startCheckout(
  ctx: ServiceContext,
  deps: { provider: PaymentProvider | null; publicUrl: string },
  input: { optionIds: string[] },
): Promise<{ checkoutId: string; redirectUrl: string }> {
  const fiscalCode = await payerOf(ctx)
  if (!deps.provider) throw new AppError('SERVICE_UNAVAILABLE', { messageKey: 'payments.provider-off' })
  const ids = [...new Set(input.optionIds)]
  if (ids.length > MAX_CART_NOTICES) {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'payments.cart-too-large',
      params: { max: MAX_CART_NOTICES },
    })
  }
  const chosen = await findOptionsWithPositions(ctx.db, ids)
  if (chosen.length !== ids.length || chosen.some((row) => row.position.debtorFiscalCode !== fiscalCode)) {
    throw new AppError('NOT_FOUND', { messageKey: 'payments.option-missing' })
  }
  const siblings = await listOptionsOfPositions(ctx.db, [...new Set(chosen.map((row) => row.position.id))])
  for (const { position, option } of chosen) {
    const ofPosition = siblings.filter((sibling) => sibling.positionId === position.id)
    if (!payableOptionIds(ofPosition.map(state)).includes(option.id)) {
      throw new AppError('CONFLICT', { messageKey: 'payments.not-payable' })
    }
  }
  const city = await getCityProfile(ctx)
  const checkout = await insertCheckout(ctx.db, {
    payerFiscalCode: fiscalCode,
    optionIds: ids,
    totalCents: chosen.reduce((sum, row) => sum + row.option.amountCents, 0),
    provider: deps.provider.adapter,
  })
  const back = `${deps.publicUrl.replace(/\/$/, '')}/area-personale/pagamenti?pagamento=${checkout.id}`
  try {
    const started = await deps.provider.start({
      checkoutId: checkout.id,
      notices: chosen.map(({ option }) => ({
        nav: option.nav,
        creditorFiscalCode: city?.fiscalCode ?? '',
        creditorName: cityTitle(city),
        amountCents: option.amountCents,
        description: option.description,
      })),
      returnUrls: {
        ok: `${back}&esito=ok`,
        cancel: `${back}&esito=annullato`,
        error: `${back}&esito=errore`,
      },
    })
    return { checkoutId: checkout.id, redirectUrl: started.redirectUrl }
  } catch (error) {
    await closeCheckout(ctx.db, checkout.id, 'failed', ctx.clock.now())
    if (error instanceof PaymentProviderError) {
      throw new AppError('SERVICE_UNAVAILABLE', {
        messageKey: 'payments.provider-down',
        internalDetail: error.message,
      })
    }
    throw error
  }
}

export async function describeSandboxCheckout(ctx: Pick<ServiceContext, 'db'>, checkoutId: string) {
  const checkout = await findCheckout(ctx.db, checkoutId)
  if (checkout?.status !== 'open' || checkout.provider !== 'sandbox') {
    throw new AppError('NOT_FOUND', { messageKey: 'payments.checkout-missing' })
  }
  const rows = await findOptionsWithPositions(ctx.db, checkout.optionIds)
  return { checkout, notices: rows.map((row) => row.option) }
}

/**
 * The sandbox's three endings. Paying sends one receipt per notice through the same matching as
 * pagoPA's receipts; failing and abandoning leave every notice unpaid.
 */
export async function completeSandboxCheckout(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  notify: NotifyDeps,
  checkoutId: string,
  outcome: 'pay' | 'fail' | 'abandon',
): Promise<{ status: 'paid' | 'failed' | 'abandoned' }> {
  const { checkout, notices } = await describeSandboxCheckout(ctx, checkoutId)
  const status = outcome === 'pay' ? 'paid' : outcome === 'fail' ? 'failed' : 'abandoned'
  if (!(await closeCheckout(ctx.db, checkout.id, status, ctx.clock.now()))) {
    throw new AppError('NOT_FOUND', { messageKey: 'payments.checkout-missing' })
  }
  if (outcome === 'pay') {
    const city = await getCityProfile(ctx)
    for (const option of notices) {
      await recordReceipt(
        { db: ctx.db, notify },
        {
          provider: 'sandbox',
          providerReceiptId: `${checkout.id}:${option.nav}`,
          nav: option.nav,
          creditorFiscalCode: city?.fiscalCode ?? '',
          amountCents: option.amountCents,
          paidAt: ctx.clock.now(),
          payerFiscalCode: checkout.payerFiscalCode,
          psp: 'Sandbox Civico',
        },
      )
    }
  }
  return { status }
}

/** Money given back on a paid notice, by staff, with the reason; the citizen is told. */
export async function recordRefund(
  ctx: ServiceContext,
  notify: NotifyDeps,
  input: { optionId: string; amountCents: number; reason: string },
) {
  if (ctx.actor.type !== 'staff') throw new AppError('FORBIDDEN')
  const staffId = ctx.actor.id
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await findOptionsWithPositions(tx, [input.optionId])
    if (!row) throw new AppError('NOT_FOUND', { messageKey: 'payments.option-missing' })
    if (row.option.status !== 'paid')
      throw new AppError('CONFLICT', { messageKey: 'payments.refund-not-paid' })
    const earlier = await listRefundsOfOptions(tx, [input.optionId])
    const refunded = earlier.reduce((sum, refund) => sum + refund.amountCents, 0)
    if (refunded + input.amountCents > row.option.amountCents) {
      throw new AppError('CONFLICT', { messageKey: 'payments.refund-too-much' })
    }
    const refund = await insertRefund(tx, { ...input, staffId })
    const now = ctx.clock.now()
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'payments.refund-recorded',
      subjectType: 'payment-option',
      subjectId: input.optionId,
      details: { amountCents: input.amountCents, reason: input.reason },
    })
    await notifyCitizen(tx, notify, {
      recipientFiscalCode: row.position.debtorFiscalCode,
      template: PAYMENT_REFUNDED_TEMPLATE,
      params: {
        description: row.option.description,
        amountCents: input.amountCents,
        nav: row.option.nav,
        reason: input.reason,
      },
      dedupeKey: `payment-refund:${refund?.id}`,
      action: { url: '/area-personale/pagamenti' },
    })
    return { id: refund?.id as string, refundedCents: refunded + input.amountCents }
  })
}

/** The notice PDF of one of the citizen's positions: the options still payable, each with its QR code. */
export async function renderMyNotice(ctx: ServiceContext, positionId: string): Promise<Buffer> {
  const fiscalCode = await payerOf(ctx)
  const options = await listOptionsOfPosition(ctx.db, positionId)
  const [first] = await findOptionsWithPositions(
    ctx.db,
    options.slice(0, 1).map((option) => option.id),
  )
  if (!first || first.position.debtorFiscalCode !== fiscalCode) {
    throw new AppError('NOT_FOUND', { messageKey: 'payments.position-missing' })
  }
  const payable = new Set(payableOptionIds(options.map(state)))
  const city = await getCityProfile(ctx)
  const shown = options
    .filter((option) => payable.has(option.id))
    .sort((a, b) =>
      a.kind === 'single' ? -1 : b.kind === 'single' ? 1 : (a.instalment ?? 0) - (b.instalment ?? 0),
    )
  if (shown.length === 0) throw new AppError('CONFLICT', { messageKey: 'payments.nothing-to-pay' })
  return renderNoticePdf({
    city: { name: cityTitle(city), fiscalCode: city?.fiscalCode ?? '' },
    debtor: { name: first.position.debtorName, fiscalCode: first.position.debtorFiscalCode },
    description: first.position.description,
    options: shown.map((option) => ({
      label: option.kind === 'single' ? 'Unica soluzione' : `Rata ${option.instalment}`,
      nav: option.nav,
      amountCents: option.amountCents,
      dueDate: option.dueDate,
    })),
  })
}
