import type { Queryable } from '../../db/client.js'
import { formatNoticeNumber } from './policy.js'
import { listOpenDuesOf } from './repo.js'

/** How close a due date must be to be "due soon": the week the reminder rule writes in. */
const DUE_SOON_DAYS = 7

/** The citizen's instalments and notices still to pay, as dates for Scadenze and the calendar feed. */
export async function listPaymentDeadlines(db: Queryable, fiscalCode: string) {
  const dues = await listOpenDuesOf(db, fiscalCode)
  return dues.map((due) => ({
    id: `payment:${due.optionId}`,
    title: due.description,
    reference: formatNoticeNumber(due.nav),
    date: due.dueDate,
    amountCents: due.amountCents,
    warningDays: DUE_SOON_DAYS,
  }))
}
