import type { Queryable } from '../../db/client.js'
import type { NotifyDeps } from '../notifications/service.js'
import { notifyCitizen } from '../notifications/service.js'
import { APPOINTMENT_TEMPLATES } from './notices.js'
import { findBookingPlace } from './repo.js'

export interface AnnounceDeps {
  notify: NotifyDeps
  publicUrl: string
}

export type BookingEvent = keyof typeof APPOINTMENT_TEMPLATES

/** Where an e-mail's button leads: the manage page with the secret, or the booking page. */
export function manageLinkUrl(publicUrl: string, code: string, token: string): string {
  return `${publicUrl}/appuntamenti/gestisci/${code}?token=${encodeURIComponent(token)}`
}

/**
 * Writes the message of a booking's event in the booking's own transaction, so the change and
 * its announcement commit together. The dedupe key makes a replayed event write once.
 */
export async function announceBooking(
  tx: Queryable,
  deps: AnnounceDeps,
  event: BookingEvent,
  booking: { id: string; code: string; citizenFiscalCode: string; startsAt: Date; heldUntil?: Date | null },
  options: { manageToken?: string; dedupeSuffix?: string } = {},
): Promise<boolean> {
  const place = await findBookingPlace(tx, booking.id)
  if (!place) return false
  const base = deps.publicUrl.replace(/\/$/, '')
  const manageUrl = options.manageToken ? manageLinkUrl(base, booking.code, options.manageToken) : undefined
  const url =
    manageUrl ??
    (event === 'cancelled' ? `${base}/prenota-appuntamento` : `${base}/area-personale?sezione=appointments`)
  const result = await notifyCitizen(tx, deps.notify, {
    recipientFiscalCode: booking.citizenFiscalCode,
    template: APPOINTMENT_TEMPLATES[event],
    params: {
      service: place.serviceName,
      office: place.officeName,
      address: place.officeAddress,
      startsAt: booking.startsAt.toISOString(),
      code: booking.code,
      documents: place.documentsToBring,
      heldUntil: booking.heldUntil?.toISOString(),
      manageUrl,
    },
    dedupeKey: `appointments.${event}:${booking.id}:${options.dedupeSuffix ?? booking.startsAt.toISOString()}`,
    action: { url },
  })
  return result.created
}
