import type { Queryable } from '../../db/client.js'
import { listPaymentEventsForTimeline } from './repo.js'

/** Notices issued to a citizen and their payments, for the CRM's 360° view. */
export async function paymentsForTimeline(
  db: Queryable,
  fiscalCode: string,
  page: { before?: Date; limit: number },
) {
  const { positions, receipts } = await listPaymentEventsForTimeline(db, fiscalCode, page)
  return [
    ...positions.map((position) => ({
      at: position.createdAt,
      kind: 'notice' as const,
      reference: position.id,
      description: position.description,
      status: position.status,
      amountCents: null,
    })),
    ...receipts.map(({ receipt, position }) => ({
      at: receipt.paidAt,
      kind: 'receipt' as const,
      reference: receipt.nav,
      description: position.description,
      status: 'paid',
      amountCents: receipt.amountCents,
    })),
  ]
}
