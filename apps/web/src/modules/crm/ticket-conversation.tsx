import { useTranslation } from 'react-i18next'
import { formatDay, formatTime } from '../../app/i18n/format'
import { Icon } from '../../app/ui/icon'
import { useChannelLabel, useTicketStatusLabel } from './crm-labels'
import { useTeamName } from './teams'
import { attachmentUrl, type TicketEvent, type TicketMessage } from './tickets-api'

function fileSize(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'it-IT'
  if (bytes < 1024 * 1024) {
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 0,
    }).format(Math.max(1, bytes / 1024))
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
    bytes / (1024 * 1024),
  )
}

function MessageItem({ code, message }: { code: string; message: TicketMessage }) {
  const { t, i18n } = useTranslation()
  const channelLabel = useChannelLabel()
  const who =
    message.kind === 'inbound'
      ? t('crm.ticket.messages.inbound', { name: message.authorName || t('crm.ticket.messages.citizen') })
      : message.kind === 'reply'
        ? t('crm.ticket.messages.reply', { name: message.authorName })
        : t('crm.ticket.messages.note', { name: message.authorName })
  return (
    <li className={`civico-crm-message civico-crm-message-${message.kind}`} data-kind={message.kind}>
      <p className="civico-crm-message-head">
        {message.kind === 'note' ? (
          <span className="badge civico-crm-note-badge" data-testid="internal-note">
            <Icon name="it-locked" size="xs" className="me-1" />
            {t('crm.ticket.messages.noteBadge')}
          </span>
        ) : null}
        <strong>{who}</strong>
        <span className="text-secondary small">
          <time dateTime={message.createdAt}>
            {t('crm.timeline.at', {
              day: formatDay(message.createdAt, i18n.language),
              time: formatTime(message.createdAt, i18n.language),
            })}
          </time>
          {message.kind !== 'note' ? ` · ${channelLabel(message.channel)}` : ''}
        </span>
      </p>
      <div className="civico-crm-message-body">{message.body}</div>
      {message.attachments.length > 0 ? (
        <ul className="civico-crm-files" aria-label={t('crm.ticket.messages.files')}>
          {message.attachments.map((file) => (
            <li key={file.id}>
              <a href={attachmentUrl(code, file.id)} download={file.fileName}>
                <Icon name="it-download" size="xs" color="primary" className="me-1" />
                {file.fileName}
              </a>{' '}
              <span className="small text-secondary">({fileSize(file.sizeBytes, i18n.language)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}

/** What the citizen wrote, the replies they read, and the staff's notes set apart as internal. */
export function TicketConversation({ code, messages }: { code: string; messages: TicketMessage[] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="ticket-conversation-title" className="mb-4">
      <h2 id="ticket-conversation-title" className="h4">
        {t('crm.ticket.messages.title')}
      </h2>
      {messages.length === 0 ? <p>{t('crm.ticket.messages.none')}</p> : null}
      <ol className="civico-crm-conversation" data-testid="conversation">
        {messages.map((message) => (
          <MessageItem key={message.id} code={code} message={message} />
        ))}
      </ol>
    </section>
  )
}

/** Every file of the ticket in one list, whichever message brought it. */
export function TicketFiles({ code, messages }: { code: string; messages: TicketMessage[] }) {
  const { t, i18n } = useTranslation()
  const files = messages.flatMap((message) => message.attachments)
  return (
    <section className="civico-panel mb-4" aria-labelledby="ticket-files-title" data-testid="ticket-files">
      <h2 id="ticket-files-title" className="h5">
        {t('crm.ticket.files.title')}
      </h2>
      {files.length === 0 ? (
        <p className="mb-0 small">{t('crm.ticket.files.none')}</p>
      ) : (
        <ul className="civico-crm-files mb-0">
          {files.map((file) => (
            <li key={file.id}>
              <a href={attachmentUrl(code, file.id)} download={file.fileName}>
                {file.fileName}
              </a>{' '}
              <span className="small text-secondary">({fileSize(file.sizeBytes, i18n.language)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function useEventText() {
  const { t } = useTranslation()
  const statusLabel = useTicketStatusLabel()
  const teamName = useTeamName()
  return (event: TicketEvent): string => {
    const who = event.staffName ?? ''
    switch (event.kind) {
      case 'created':
        return t('crm.ticket.events.created')
      case 'status':
        return t('crm.ticket.events.status', { status: statusLabel(event.toStatus ?? '') })
      case 'assigned':
        return who ? t('crm.ticket.events.assigned', { name: who }) : t('crm.ticket.events.unassigned')
      case 'forwarded':
        return t('crm.ticket.events.forwarded', { team: teamName(event.teamCode ?? '') })
      case 'merged':
        return t('crm.ticket.events.merged')
      case 'categorised':
        return t('crm.ticket.events.categorised')
      case 'sla-warning':
        return t('crm.ticket.events.slaWarning')
      case 'sla-breached':
        return t('crm.ticket.events.slaBreached')
      case 'escalated':
        return t('crm.ticket.events.escalated')
      case 'reopened':
        return t('crm.ticket.events.reopened')
      default:
        return event.kind
    }
  }
}

/** The ticket's history (status changes, assignments, forwards, SLA marks), folded by default. */
export function TicketHistory({ events }: { events: TicketEvent[] }) {
  const { t, i18n } = useTranslation()
  const text = useEventText()
  return (
    <details className="civico-panel mb-4" data-testid="ticket-history">
      <summary className="h5 mb-0">{t('crm.ticket.events.title', { count: events.length })}</summary>
      <ol className="civico-crm-events mt-3 mb-0">
        {events.map((event, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: events have no id of their own and never move
          <li key={`${event.occurredAt}-${index}`}>
            <time dateTime={event.occurredAt} className="small text-secondary">
              {t('crm.timeline.at', {
                day: formatDay(event.occurredAt, i18n.language),
                time: formatTime(event.occurredAt, i18n.language),
              })}
            </time>{' '}
            {text(event)}
            {event.note ? <span className="d-block small">{event.note}</span> : null}
          </li>
        ))}
      </ol>
    </details>
  )
}
