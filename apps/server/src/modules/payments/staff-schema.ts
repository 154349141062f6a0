import { z } from 'zod'
import { POSITION_KINDS, POSITION_STATUSES } from './policy.js'

export const ZRecentRolls = z.array(
  z.object({
    id: z.uuid(),
    source: z.string(),
    positions: z.number().int(),
    options: z.number().int(),
    totalCents: z.number().int(),
    importedAt: z.string(),
    importedBy: z.string().describe('The staff member’s name, or what else imported the roll'),
  }),
)

/** Exactly one of the two: the service checks which and answers in the user's language. */
export const ZStaffLookupQuery = z.object({
  fiscalCode: z.string().max(40).optional(),
  noticeNumber: z.string().max(40).optional(),
})

export const ZStaffPositions = z.array(
  z.object({
    id: z.uuid(),
    iupd: z.string(),
    debtorFiscalCode: z.string(),
    debtorName: z.string(),
    kind: z.enum(POSITION_KINDS),
    description: z.string(),
    status: z.enum(POSITION_STATUSES),
    source: z.string(),
    createdAt: z.string(),
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
        paidAt: z.string().nullable(),
        receipt: z
          .object({ psp: z.string().nullable(), paidAt: z.string(), amountCents: z.number().int() })
          .nullable(),
        refunds: z.array(z.object({ amountCents: z.number().int(), reason: z.string(), at: z.string() })),
        refundableCents: z.number().int().describe('Paid and not yet given back; 0 when not paid'),
      }),
    ),
  }),
)
