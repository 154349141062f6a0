import type { Queryable } from '../../db/client.js'
import type { BookingChannel, BookingStatus } from './policy.js'
import { listBookingsOf } from './repo.js'

/** A citizen's appointments for the CRM's 360° view; the caller audits the reading. */
export async function appointmentsForTimeline(
  db: Queryable,
  fiscalCode: string,
  page: { before?: Date; limit: number },
) {
  return (await listBookingsOf(db, fiscalCode, page.limit, page.before)).map(
    ({ booking, serviceName, officeName }) => ({
      at: booking.startsAt,
      code: booking.code,
      service: serviceName,
      office: officeName,
      status: booking.status as BookingStatus,
      channel: booking.channel as BookingChannel,
    }),
  )
}
