import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { PERSONAL_AREA_PATH } from '../../app/paths'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ProblemNotice } from '../identity/problem-notice'
import { MessageList } from './message-list'
import { useInbox } from './notifications-api'

/** The inbox: messages of the city, searchable, with the archived ones a tap away. */
export function InboxPage() {
  const { t } = useTranslation()
  const searchId = useId()
  const [params, setParams] = useSearchParams()
  const box = params.get('archivio') === '1' ? 'archived' : 'inbox'
  const q = params.get('q') ?? ''
  const [typed, setTyped] = useState(q)
  const inbox = useInbox({ box, q: q.length >= 2 ? q : undefined, limit: 50 })
  usePageTitle(t('notifications.title'))
  const onSearch = (event: FormEvent) => {
    event.preventDefault()
    const next = new URLSearchParams(params)
    if (typed.trim().length >= 2) next.set('q', typed.trim())
    else next.delete('q')
    setParams(next)
  }
  const switchBox = (archived: boolean) => {
    const next = new URLSearchParams(params)
    if (archived) next.set('archivio', '1')
    else next.delete('archivio')
    setParams(next)
  }
  return (
    <div className="container pb-5" data-testid="inbox-page">
      <PageHeader
        title={t('notifications.title')}
        lead={inbox.data ? t('notifications.unreadCount', { count: inbox.data.unread }) : undefined}
        parents={[{ label: t('personalArea.title'), to: PERSONAL_AREA_PATH }]}
      />
      <div className="d-flex flex-wrap gap-3 align-items-end mb-4">
        <search className="flex-grow-1">
          <form onSubmit={onSearch} className="d-flex gap-2 align-items-end">
            <div className="flex-grow-1">
              <label htmlFor={searchId} className="civico-field-label">
                {t('notifications.search')}
              </label>
              <input
                id={searchId}
                type="search"
                className="form-control"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
            </div>
            <button type="submit" className="btn btn-primary">
              {t('home.searchButton')}
            </button>
          </form>
        </search>
        <fieldset className="btn-group border-0 p-0 m-0">
          <legend className="visually-hidden">{t('notifications.boxes')}</legend>
          <button
            type="button"
            className={`btn btn-sm ${box === 'inbox' ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-pressed={box === 'inbox'}
            onClick={() => switchBox(false)}
          >
            {t('notifications.inbox')}
          </button>
          <button
            type="button"
            className={`btn btn-sm ${box === 'archived' ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-pressed={box === 'archived'}
            onClick={() => switchBox(true)}
          >
            {t('notifications.archived')}
          </button>
        </fieldset>
      </div>
      {inbox.isError ? <ProblemNotice error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.isPending ? <LoadingState /> : null}
      {inbox.data ? (
        inbox.data.items.length > 0 ? (
          <MessageList messages={inbox.data.items} />
        ) : (
          <p data-testid="inbox-empty">
            {t(box === 'archived' ? 'notifications.noArchived' : 'notifications.empty')}
          </p>
        )
      ) : null}
    </div>
  )
}
