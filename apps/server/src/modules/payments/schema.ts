import { z } from 'zod'
import { POSITION_KINDS, POSITION_STATUSES } from './policy.js'

const ZNav = z.string().regex(/^\d{18}$/, 'an 18-digit notice number')

export const ZMyPayments = z.array(
  z.object({
    id: z.uuid(),
    iupd: z.string(),
    debtorName: z.string(),
    kind: z.enum(POSITION_KINDS),
    description: z.string(),
    status: z.enum(POSITION_STATUSES),
    options: z.array(
      z.object({
        id: z.uuid(),
        nav: z.string(),
        creditorFiscalCode: z.string(),
        kind: z.enum(['single', 'instalment']),
        instalment: z.number().int().nullable(),
        amountCents: z.number().int(),
        dueDate: z.string(),
        description: z.string(),
        status: z.enum(['unpaid', 'paid', 'cancelled']),
        payable: z.boolean(),
        paidAt: z.string().nullable(),
        receipt: z.object({ id: z.uuid(), psp: z.string().nullable(), paidAt: z.string() }).nullable(),
        refunds: z.array(z.object({ amountCents: z.number().int(), reason: z.string(), at: z.string() })),
      }),
    ),
  }),
)

export const ZMyReceipts = z.array(
  z.object({
    id: z.uuid(),
    description: z.string(),
    amountCents: z.number().int(),
    paidAt: z.string(),
    psp: z.string().nullable(),
    nav: z.string(),
  }),
)

export const ZCheckoutInput = z.object({ optionIds: z.array(z.uuid()).min(1).max(20) }).strict()
export const ZCheckoutStarted = z.object({ checkoutId: z.uuid(), redirectUrl: z.string() })

export const ZReceiptInput = z
  .object({
    receiptId: z.string().min(1).max(64),
    noticeNumber: ZNav,
    creditorFiscalCode: z.string().regex(/^\d{11}$/, 'an 11-digit fiscal code'),
    amountCents: z.number().int().positive().max(1_000_000_000),
    paidAt: z.iso.datetime({ offset: true }),
    payerFiscalCode: z.string().max(16).optional(),
    psp: z.string().max(140).optional(),
  })
  .strict()

export const ZReceiptResult = z.object({
  receiptId: z.uuid(),
  outcome: z.enum(['applied', 'unknown-notice', 'amount-mismatch', 'already-paid']),
  repeated: z.boolean(),
})

export const ZImportResult = z.object({ positions: z.number().int(), options: z.number().int() })

export const ZImportQuery = z.object({
  source: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,60}$/, 'letters, digits, dots, hyphens')
    .default('roll'),
})

export const ZRefundInput = z
  .object({
    optionId: z.uuid(),
    amountCents: z.number().int().positive().max(1_000_000_000),
    reason: z.string().trim().min(3).max(500),
  })
  .strict()

export const ZRefundResult = z.object({ id: z.uuid(), refundedCents: z.number().int() })
