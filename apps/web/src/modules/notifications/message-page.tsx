import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { formatDay, formatEuro } from '../../app/i18n/format'
import { NOTIFICATIONS_PATH, PERSONAL_AREA_PATH } from '../../app/paths'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ProblemNotice } from '../identity/problem-notice'
import { useChangeMessage, useInboxMessage } from './notifications-api'

function isInternal(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//')
}

/** One message: opened means read; it can be archived (or restored) and its action followed. */
export function MessagePage() {
  const { t, i18n } = useTranslation()
  const { id } = useParams()
  const navigate = useNavigate()
  const message = useInboxMessage(id)
  const change = useChangeMessage()
  const data = message.data
  usePageTitle(data?.subject ?? t('notifications.title'))
  const markRead = change.mutate
  const unreadId = data && data.readAt === null ? data.id : undefined
  useEffect(() => {
    if (unreadId) markRead({ id: unreadId, read: true })
  }, [unreadId, markRead])

  return (
    <div className="container pb-5" data-testid="message-page">
      <PageHeader
        title={data?.subject ?? t('notifications.title')}
        parents={[
          { label: t('personalArea.title'), to: PERSONAL_AREA_PATH },
          { label: t('notifications.title'), to: NOTIFICATIONS_PATH },
        ]}
      />
      {message.isError ? <ProblemNotice error={message.error} /> : null}
      {message.isPending ? <LoadingState /> : null}
      {data ? (
        <article className="civico-panel">
          <p className="text-secondary small">{formatDay(data.createdAt, i18n.language)}</p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders markdown with raw HTML disabled */}
          <div className="civico-message-body" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
          {data.dueDate ? (
            <p>{t('notifications.dueDate', { date: formatDay(data.dueDate, i18n.language) })}</p>
          ) : null}
          {data.payment ? (
            <p>
              {t('notifications.payment', {
                amount: formatEuro(data.payment.amountCents, i18n.language),
                notice: data.payment.noticeNumber,
              })}
            </p>
          ) : null}
          <div className="d-flex flex-wrap gap-2 mt-3">
            {data.action ? (
              isInternal(data.action.url) ? (
                <Link to={data.action.url} className="btn btn-primary">
                  {data.action.label}
                </Link>
              ) : (
                <a href={data.action.url} className="btn btn-primary" rel="noopener">
                  {data.action.label}
                </a>
              )
            ) : null}
            <button
              type="button"
              className="btn btn-outline-primary"
              disabled={change.isPending}
              onClick={() =>
                change.mutate(
                  { id: data.id, archived: data.archivedAt === null },
                  { onSuccess: () => navigate(NOTIFICATIONS_PATH) },
                )
              }
            >
              {t(data.archivedAt ? 'notifications.restore' : 'notifications.archive')}
            </button>
          </div>
          {change.isError ? <ProblemNotice error={change.error} /> : null}
        </article>
      ) : null}
    </div>
  )
}
