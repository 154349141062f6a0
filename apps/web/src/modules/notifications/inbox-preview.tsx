import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { NOTIFICATIONS_PATH } from '../../app/paths'
import { LoadingState } from '../../app/ui/loading-state'
import { ProblemNotice } from '../identity/problem-notice'
import { MessageList } from './message-list'
import { useInbox } from './notifications-api'

/** The latest messages on the personal home, with the way to the whole inbox. */
export function InboxPreview({ empty }: { empty: React.ReactNode }) {
  const { t } = useTranslation()
  const inbox = useInbox({ box: 'inbox', limit: 5 })
  if (inbox.isPending) return <LoadingState />
  if (inbox.isError) return <ProblemNotice error={inbox.error} onRetry={() => void inbox.refetch()} />
  if (inbox.data.items.length === 0) return <>{empty}</>
  return (
    <div data-testid="inbox-preview">
      <MessageList messages={inbox.data.items} />
      <Link to={NOTIFICATIONS_PATH} className="btn btn-outline-primary btn-sm mt-3">
        {t('notifications.all', { count: inbox.data.unread })}
      </Link>
    </div>
  )
}
