import type { Transaction } from '../../db/client.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { hashSecret, newSecret, readableCode } from '../../platform/ids.js'
import { normalizeFiscalCode } from '../identity/codice-fiscale.js'
import type { BookingChannel } from './policy.js'
import { type BookingRow, countActiveBookings, lockCitizenService } from './repo.js'

/**
 * Who is changing a booking: the citizen it belongs to, a member of staff working for the citizen
 * (the contact centre, the counter), or whoever holds the secret of the e-mail's manage link.
 */
export type BookingAccess = { kind: 'own' } | { kind: 'staff' } | { kind: 'link'; token: string }

export const OWN: BookingAccess = Object.freeze({ kind: 'own' })
export const STAFF: BookingAccess = Object.freeze({ kind: 'staff' })

/** Eight characters without look-alikes (40 bits): easy to read out at the counter or on the phone. */
export function newBookingCode(): string {
  return readableCode(8)
}

/** A fresh secret for the manage link: the latest message's link works, earlier ones stop. */
export function newManageToken(): { token: string; hash: string } {
  const token = newSecret(24)
  return { token, hash: hashSecret(token) }
}

/** A booking the caller may act on; another citizen's, or a wrong link, answers as missing. */
export function bookingFor(ctx: ServiceContext, access: BookingAccess, row: BookingRow | null): BookingRow {
  const allowed =
    row !== null &&
    (access.kind === 'own'
      ? ctx.actor.type === 'citizen' && row.citizenFiscalCode === ctx.actor.fiscalCode
      : access.kind === 'staff'
        ? ctx.actor.type === 'staff'
        : row.manageTokenHash !== null && row.manageTokenHash === hashSecret(access.token))
  if (!allowed) {
    if (access.kind === 'own' && ctx.actor.type !== 'citizen') {
      throw new AppError('FORBIDDEN', { messageKey: 'appointments.citizens-only' })
    }
    throw new AppError('NOT_FOUND', {
      messageKey: access.kind === 'link' ? 'appointments.link-invalid' : 'appointments.missing',
    })
  }
  return row
}

export interface Booker {
  fiscalCode: string
  channel: BookingChannel
  staffId: string | null
}

/** For whom a booking is made and through which channel: citizens book for themselves. */
export function bookerOf(
  ctx: ServiceContext,
  requested: string | undefined,
  channel: BookingChannel,
): Booker {
  if (ctx.actor.type === 'citizen') {
    if (requested && requested !== ctx.actor.fiscalCode) throw new AppError('FORBIDDEN')
    return { fiscalCode: ctx.actor.fiscalCode, channel: 'web', staffId: null }
  }
  if (ctx.actor.type === 'staff') {
    const fiscalCode = requested ? normalizeFiscalCode(requested) : null
    if (!fiscalCode) {
      throw new AppError('VALIDATION_FAILED', { messageKey: 'appointments.bad-fiscal-code' })
    }
    return { fiscalCode, channel, staffId: ctx.actor.id }
  }
  throw new AppError('FORBIDDEN', { messageKey: 'appointments.citizens-only' })
}

/** Refuses a new active booking over the service's limit; the lock makes concurrent ones queue. */
export async function checkCitizenLimit(
  tx: Transaction,
  fiscalCode: string,
  service: { id: string; maxActivePerCitizen: number },
  now: Date,
) {
  await lockCitizenService(tx, fiscalCode, service.id)
  if ((await countActiveBookings(tx, fiscalCode, service.id, now)) >= service.maxActivePerCitizen) {
    throw new AppError('CONFLICT', {
      messageKey: 'appointments.limit-reached',
      params: { max: service.maxActivePerCitizen },
    })
  }
}
