import { useTranslation } from 'react-i18next'
import type { TimelineKind } from './citizens-api'

export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in-progress',
  'waiting-citizen',
  'waiting-office',
  'resolved',
  'closed',
] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export const TICKET_CHANNELS = ['web', 'phone', 'email', 'social', 'chatbot', 'mayor', 'report'] as const
export type TicketChannel = (typeof TICKET_CHANNELS)[number]

const CALL_OUTCOME_WORDS = ['solved', 'ticket', 'appointment', 'transferred', 'dropped'] as const
const BOOKING_WORDS = [
  'booked',
  'cancelled',
  'checked-in',
  'called',
  'served',
  'no-show',
  'offered',
  'expired',
] as const
const PAYMENT_WORDS = ['draft', 'published', 'partially-paid', 'paid', 'expired', 'cancelled'] as const
const CERTIFICATE_WORDS = ['awaiting-payment', 'issued', 'cancelled'] as const
const MESSAGE_WORDS = ['read', 'unread'] as const
const OTHER_CHANNELS = ['020202', 'counter'] as const

const includes = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value)

export function isTicketStatus(value: string): value is TicketStatus {
  return includes(TICKET_STATUSES, value)
}

/** A status word of any timeline source in the reader's language; an unknown one as the server wrote it. */
export function useStatusLabel() {
  const { t } = useTranslation()
  return (kind: TimelineKind, status: string): string => {
    if (kind === 'ticket' && includes(TICKET_STATUSES, status)) return t(`crm.statuses.${status}`)
    if (kind === 'call' && includes(CALL_OUTCOME_WORDS, status)) return t(`crm.outcomes.${status}`)
    if (kind === 'appointment' && includes(BOOKING_WORDS, status))
      return t(`contactCentreBooking.statuses.${status}`)
    if (kind === 'payment' && includes(PAYMENT_WORDS, status)) return t(`crm.timeline.payment.${status}`)
    if (kind === 'certificate' && includes(CERTIFICATE_WORDS, status))
      return t(`crm.timeline.certificate.${status}`)
    if (kind === 'message' && includes(MESSAGE_WORDS, status)) return t(`crm.timeline.message.${status}`)
    return status
  }
}

/** Where a request came in or an appointment was booked. */
export function useChannelLabel() {
  const { t } = useTranslation()
  return (channel: string): string => {
    if (includes(TICKET_CHANNELS, channel)) return t(`crm.channels.${channel}`)
    if (includes(OTHER_CHANNELS, channel)) return t(`crm.channels.${channel}`)
    return channel
  }
}

export function useTicketStatusLabel() {
  const { t } = useTranslation()
  return (status: string): string => (isTicketStatus(status) ? t(`crm.statuses.${status}`) : status)
}
