import { useTranslation } from 'react-i18next'
import { Icon } from '../../app/ui/icon'
import { formatFileSize } from './ticket-files'
import { formatMoment } from './ticket-status'
import {
  type MyTicket,
  type TicketAttachment,
  type TicketHistoryEntry,
  ticketAttachmentPath,
} from './tickets-api'

/** "PDF", "PNG", "DOCX": what a file is, in the words people see on their own computer. */
function fileKind(attachment: TicketAttachment): string {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(attachment.fileName)?.[1]
  return (extension ?? attachment.mediaType.split('/').pop() ?? '').toUpperCase()
}

function AttachmentLinks({ code, attachments }: { code: string; attachments: TicketAttachment[] }) {
  const { t, i18n } = useTranslation()
  if (attachments.length === 0) return null
  return (
    <ul className="civico-file-list mt-3 mb-0" aria-label={t('tickets.conversation.attachments')}>
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <Icon name="it-download" size="sm" color="primary" />
          <a
            href={ticketAttachmentPath(code, attachment.id)}
            download={attachment.fileName}
            className="civico-file-name"
            data-testid="ticket-attachment"
          >
            {attachment.fileName}
            <span className="visually-hidden">
              {' '}
              {t('tickets.conversation.download', {
                kind: fileKind(attachment),
                size: formatFileSize(attachment.sizeBytes, i18n.language),
              })}
            </span>
          </a>
          <span className="civico-file-size" aria-hidden="true">
            {fileKind(attachment)}, {formatFileSize(attachment.sizeBytes, i18n.language)}
          </span>
        </li>
      ))}
    </ul>
  )
}

/**
 * The conversation, oldest first. The city's replies and the citizen's own messages differ in
 * their label, icon, side and border, so the difference never rests on colour alone.
 */
export function TicketConversation({ ticket }: { ticket: MyTicket }) {
  const { t, i18n } = useTranslation()
  return (
    <ol className="civico-conversation" data-testid="ticket-conversation">
      {ticket.messages.map((message) => {
        const fromCity = message.kind === 'reply'
        const headingId = `message-${message.id}`
        return (
          <li key={message.id}>
            <article
              className={`civico-message ${fromCity ? 'civico-message-city' : 'civico-message-citizen'}`}
              aria-labelledby={headingId}
              data-testid="ticket-message"
              data-kind={message.kind}
            >
              <h3 id={headingId} className="civico-message-heading">
                <Icon name={fromCity ? 'it-pa' : 'it-user'} size="sm" color="primary" />
                <span className="civico-message-who">
                  {fromCity ? t('tickets.conversation.fromCity') : t('tickets.conversation.fromYou')}
                </span>
                <span className="civico-message-when">
                  <time dateTime={message.createdAt}>{formatMoment(message.createdAt, i18n.language)}</time>
                </span>
              </h3>
              {fromCity && message.authorName ? (
                <p className="small text-secondary mb-2">
                  {t('tickets.conversation.signedBy', { name: message.authorName })}
                </p>
              ) : null}
              <p className="civico-message-text mb-0">{message.body}</p>
              <AttachmentLinks code={ticket.code} attachments={message.attachments} />
            </article>
          </li>
        )
      })}
    </ol>
  )
}

/** The public history of the request as a timeline, oldest first. */
export function TicketHistory({ history }: { history: TicketHistoryEntry[] }) {
  const { t, i18n } = useTranslation()
  const describe = (entry: TicketHistoryEntry): string => {
    if (entry.kind === 'created') return t('tickets.history.created')
    if (entry.kind === 'reopened') return t('tickets.history.reopened')
    if (entry.toStatus) return t('tickets.history.status', { status: t(`tickets.status.${entry.toStatus}`) })
    return t('tickets.history.other')
  }
  return (
    <ol className="civico-timeline" data-testid="ticket-history">
      {history.map((entry, index) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: events carry no id; the history only grows at its end
          key={`${entry.occurredAt}-${entry.kind}-${index}`}
          className={index === history.length - 1 ? 'civico-timeline-current' : undefined}
        >
          <time dateTime={entry.occurredAt} className="civico-timeline-when">
            {formatMoment(entry.occurredAt, i18n.language)}
          </time>
          <span className="civico-timeline-what">{describe(entry)}</span>
        </li>
      ))}
    </ol>
  )
}
