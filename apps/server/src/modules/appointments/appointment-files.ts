import QRCode from 'qrcode'
import type { ServiceContext } from '../../platform/context.js'
import { renderCalendar } from '../../platform/ical.js'
import { type BookingAccess, bookingFor, OWN } from './booking-access.js'
import { appointmentOut } from './listings.js'
import { changeRefusal } from './policy.js'
import { findListedBooking } from './repo.js'

async function listedFor(ctx: ServiceContext, access: BookingAccess, code: string) {
  const listed = await findListedBooking(ctx.db, code)
  bookingFor(ctx, access, listed?.booking ?? null)
  return listed as NonNullable<typeof listed>
}

/** One appointment as an iCalendar file to add to the phone's calendar, with a reminder. */
export async function renderAppointmentCalendar(ctx: ServiceContext, publicUrl: string, code: string) {
  const listed = await listedFor(ctx, OWN, code)
  const { booking } = listed
  const base = publicUrl.replace(/\/$/, '')
  const place = `${listed.officeName}, ${listed.officeAddress}`
  const documents =
    listed.documentsToBring.length > 0 ? ` Porta con te: ${listed.documentsToBring.join('; ')}.` : ''
  return renderCalendar({
    name: listed.serviceName,
    now: ctx.clock.now(),
    reminder: 'Appuntamento',
    product: 'Appuntamenti',
    events: [
      {
        uid: `appointment-${booking.id}@${new URL(base).hostname}`,
        date: booking.startsAt.toISOString().slice(0, 10),
        start: booking.startsAt,
        end: booking.endsAt,
        summary: `${listed.serviceName} – ${listed.officeName}`,
        description: `Codice prenotazione ${booking.code}.${documents}`,
        location: place,
        url: `${base}/area-personale?sezione=appointments`,
      },
    ],
  })
}

/** The QR code the counter scans at check-in: it holds the booking code and nothing else. */
export async function renderAppointmentQr(ctx: ServiceContext, code: string) {
  const { booking } = await listedFor(ctx, OWN, code)
  return QRCode.toString(booking.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}

/** What the e-mail's manage page shows to whoever holds the link: no reason, notes or contact. */
export async function describeManagedAppointment(ctx: ServiceContext, code: string, token: string) {
  const listed = await listedFor(ctx, { kind: 'link', token }, code)
  const { reason: _reason, notes: _notes, contact: _contact, ...shown } = appointmentOut(listed)
  return {
    ...shown,
    changeable: changeRefusal(listed.booking, ctx.clock.now().getTime(), 'cancel') === null,
  }
}
