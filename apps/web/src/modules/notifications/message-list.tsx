import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay } from '../../app/i18n/format'
import { NOTIFICATIONS_PATH } from '../../app/paths'
import type { InboxMessage } from './notifications-api'

/** Messages as a list: unread ones in bold with a badge, each leading to its page. */
export function MessageList({ messages }: { messages: readonly InboxMessage[] }) {
  const { t, i18n } = useTranslation()
  return (
    <ul className="civico-deadline-list" data-testid="message-list">
      {messages.map((message) => (
        <li key={message.id} data-unread={message.readAt === null}>
          <span>
            <Link
              to={`${NOTIFICATIONS_PATH}/${message.id}`}
              className={message.readAt ? undefined : 'fw-bold'}
            >
              {message.subject}
            </Link>
            {message.readAt ? null : (
              <span className="badge civico-badge-warning ms-2">{t('notifications.new')}</span>
            )}
          </span>
          <span className="text-secondary small">{formatDay(message.createdAt, i18n.language)}</span>
        </li>
      ))}
    </ul>
  )
}
