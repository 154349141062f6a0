import { useTranslation } from 'react-i18next'
import { formatDay, formatTime } from '../../app/i18n/format'
import { Icon } from '../../app/ui/icon'
import { useNow } from '../appointments/use-now'
import type { QueueItem } from './tickets-api'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A span of time as its largest whole unit, in words: "3 ore", "2 days", "45 minuti". */
export function spanInWords(ms: number, language: string): string {
  const abs = Math.abs(ms)
  const [unit, size] =
    abs >= DAY
      ? (['day', DAY] as const)
      : abs >= HOUR
        ? (['hour', HOUR] as const)
        : (['minute', MINUTE] as const)
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', {
    style: 'unit',
    unit,
    unitDisplay: 'long',
  }).format(Math.max(1, Math.floor(abs / size)))
}

type SlaTicket = Pick<
  QueueItem,
  | 'status'
  | 'resolutionDueAt'
  | 'firstResponseDueAt'
  | 'firstRespondedAt'
  | 'slaPaused'
  | 'atRisk'
  | 'breached'
>

/**
 * The SLA state of a ticket in words with an icon: due in, at risk, overdue, paused while waiting
 * for the citizen. Breaches and warnings are the server's; the time left is counted here.
 */
export function SlaBadges({ ticket, withDates = false }: { ticket: SlaTicket; withDates?: boolean }) {
  const { t, i18n } = useTranslation()
  const now = useNow(30_000)
  if (ticket.status === 'resolved' || ticket.status === 'closed') return null
  const at = (iso: string) =>
    t('crm.sla.at', { day: formatDay(iso, i18n.language), time: formatTime(iso, i18n.language) })
  const badges: { key: string; tone: 'ok' | 'risk' | 'breached' | 'paused'; text: string }[] = []

  if (ticket.slaPaused) {
    badges.push({ key: 'paused', tone: 'paused', text: t('crm.sla.paused') })
  } else if (ticket.resolutionDueAt) {
    const left = Date.parse(ticket.resolutionDueAt) - now
    const when = withDates ? ` (${at(ticket.resolutionDueAt)})` : ''
    if (ticket.breached || left <= 0) {
      const text =
        left < 0 ? t('crm.sla.overdue', { span: spanInWords(left, i18n.language) }) : t('crm.sla.breached')
      badges.push({ key: 'resolution', tone: 'breached', text: `${text}${when}` })
    } else {
      const span = spanInWords(left, i18n.language)
      badges.push({
        key: 'resolution',
        tone: ticket.atRisk ? 'risk' : 'ok',
        text: `${ticket.atRisk ? t('crm.sla.atRisk', { span }) : t('crm.sla.dueIn', { span })}${when}`,
      })
    }
  }
  if (!ticket.slaPaused && !ticket.firstRespondedAt && ticket.firstResponseDueAt) {
    const left = Date.parse(ticket.firstResponseDueAt) - now
    const span = spanInWords(left, i18n.language)
    badges.push({
      key: 'first',
      tone: left <= 0 ? 'breached' : 'ok',
      text: left <= 0 ? t('crm.sla.firstLate', { span }) : t('crm.sla.firstDue', { span }),
    })
  }
  if (badges.length === 0) return null
  return (
    <span className="civico-crm-badges" data-testid="sla-badges">
      {badges.map((badge) => (
        <span key={badge.key} className={`badge civico-sla-${badge.tone}`} data-sla={badge.tone}>
          {badge.tone === 'breached' || badge.tone === 'risk' ? (
            <Icon name="it-warning-circle" size="xs" className="me-1" />
          ) : (
            <Icon name="it-clock" size="xs" className="me-1" />
          )}
          {badge.text}
        </span>
      ))}
    </span>
  )
}
