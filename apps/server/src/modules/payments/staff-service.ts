import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { translate } from '../../platform/i18n.js'
import { getCityProfile } from '../city/service.js'
import { isValidFiscalCode } from '../identity/codice-fiscale.js'
import { findStaffNames } from '../identity/staff-admin-repo.js'
import './staff-messages.js'
import {
  findOptionByNav,
  findReceiptsOfOptions,
  listOptionsInNoticeOrder,
  listRecentRolls,
  listRefundsOfOptions,
  type PositionRow,
} from './repo.js'
import { listLatestPositionsOfDebtor } from './staff-repo.js'

const RECENT_ROLLS = 20
const LOOKUP_POSITIONS = 50

type Lookup = { by: 'debtor'; fiscalCode: string } | { by: 'notice'; nav: string }

function requireStaff(ctx: ServiceContext) {
  if (ctx.actor.type !== 'staff') throw new AppError('FORBIDDEN')
}

/** The last rolls imported, newest first, with who brought each in. */
export async function listImportedRolls(ctx: ServiceContext) {
  requireStaff(ctx)
  const rolls = await listRecentRolls(ctx.db, RECENT_ROLLS)
  // importedBy is a staff id, or "system" for the demo seed.
  const names = await findStaffNames(
    ctx.db,
    rolls.map((roll) => roll.importedBy),
  )
  return rolls.map((roll) => ({
    id: roll.id,
    source: roll.source,
    positions: roll.positions,
    options: roll.options,
    totalCents: roll.totalCents,
    importedAt: roll.importedAt.toISOString(),
    importedBy: names.get(roll.importedBy) ?? roll.importedBy,
  }))
}

/**
 * Reads the query of a look-up: one fiscal code (a person's, or a company's 11 digits, as rolls
 * allow) or one notice number, which may be typed with the spaces it is printed with.
 */
export function readLookup(
  query: { fiscalCode?: string; noticeNumber?: string },
  locale: ServiceContext['meta']['locale'],
): Lookup {
  const fiscalCode = query.fiscalCode?.replace(/\s+/g, '').toUpperCase() ?? ''
  const nav = query.noticeNumber?.replace(/\s+/g, '') ?? ''
  const refuse = (field: string, key: string) =>
    new AppError('VALIDATION_FAILED', {
      messageKey: key,
      fieldErrors: [{ path: `querystring.${field}`, message: translate(locale, key) }],
    })
  if ((fiscalCode === '') === (nav === ''))
    throw refuse(fiscalCode ? 'noticeNumber' : 'fiscalCode', 'payments.lookup-one')
  if (nav !== '') {
    if (!/^\d{18}$/.test(nav)) throw refuse('noticeNumber', 'payments.lookup-notice')
    return { by: 'notice', nav }
  }
  if (!isValidFiscalCode(fiscalCode) && !/^\d{11}$/.test(fiscalCode)) {
    throw refuse('fiscalCode', 'payments.lookup-fiscal-code')
  }
  return { by: 'debtor', fiscalCode }
}

/**
 * The payments office's look-up of one debtor's positions (or of the one holding a notice), with
 * receipts and refunds. Staff are reading a citizen's debts: the read is audited in its transaction.
 */
export async function lookUpPositions(
  ctx: ServiceContext,
  query: { fiscalCode?: string; noticeNumber?: string },
) {
  requireStaff(ctx)
  const lookup = readLookup(query, ctx.meta.locale)
  return inTransaction(ctx.db, async (tx) => {
    let positions: PositionRow[]
    if (lookup.by === 'debtor') {
      positions = await listLatestPositionsOfDebtor(tx, lookup.fiscalCode, LOOKUP_POSITIONS)
    } else {
      const holder = await findOptionByNav(tx, lookup.nav)
      positions = holder ? [holder.position] : []
    }
    const options = await listOptionsInNoticeOrder(
      tx,
      positions.map((position) => position.id),
    )
    const optionIds = options.map((option) => option.id)
    // One after the other: a transaction holds one connection.
    const receipts = await findReceiptsOfOptions(tx, optionIds)
    const refunds = await listRefundsOfOptions(tx, optionIds)
    const city = await getCityProfile({ db: tx })
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'payments.staff-lookup',
      subjectType: 'fiscal-code',
      subjectId: lookup.by === 'debtor' ? lookup.fiscalCode : (positions[0]?.debtorFiscalCode ?? null),
      details: {
        ...(lookup.by === 'notice' ? { noticeNumber: lookup.nav } : {}),
        positions: positions.length,
      },
    })
    return positions.map((position) => ({
      id: position.id,
      iupd: position.iupd,
      debtorFiscalCode: position.debtorFiscalCode,
      debtorName: position.debtorName,
      kind: position.kind,
      description: position.description,
      status: position.status,
      source: position.source,
      createdAt: position.createdAt.toISOString(),
      options: options
        .filter((option) => option.positionId === position.id)
        .map((option) => {
          const receipt = receipts.find((candidate) => candidate.id === option.receiptId)
          const given = refunds.filter((refund) => refund.optionId === option.id)
          const refunded = given.reduce((sum, refund) => sum + refund.amountCents, 0)
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
            paidAt: option.paidAt?.toISOString() ?? null,
            receipt: receipt
              ? { psp: receipt.psp, paidAt: receipt.paidAt.toISOString(), amountCents: receipt.amountCents }
              : null,
            refunds: given.map((refund) => ({
              amountCents: refund.amountCents,
              reason: refund.reason,
              at: refund.createdAt.toISOString(),
            })),
            refundableCents: option.status === 'paid' ? option.amountCents - refunded : 0,
          }
        }),
    }))
  })
}
