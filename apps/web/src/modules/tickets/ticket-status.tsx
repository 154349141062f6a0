import { useTranslation } from 'react-i18next'
import { formatDay, formatTime } from '../../app/i18n/format'
import type { TicketStatus } from './tickets-api'

/** The words say the status; the colour only repeats it (waiting for you stands out, resolved is green). */
const STATUS_BADGES: Record<TicketStatus, string> = {
  new: 'civico-badge-neutral',
  assigned: 'civico-badge-neutral',
  'in-progress': 'civico-badge-neutral',
  'waiting-office': 'civico-badge-neutral',
  'waiting-citizen': 'civico-badge-warning',
  resolved: 'civico-badge-verified',
  closed: 'civico-badge-neutral',
}

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`badge ${STATUS_BADGES[status]}`} data-testid="ticket-status" data-status={status}>
      {t(`tickets.status.${status}`)}
    </span>
  )
}

/** "12 marzo 2026, 14:05": an instant as people in Rome read it. */
export function formatMoment(value: string, language: string): string {
  return `${formatDay(value, language)}, ${formatTime(value, language)}`
}
