import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useSearchParams } from 'react-router'
import { BACK_OFFICE_TICKETS_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from '../backoffice/back-office-page'
import { isTicketStatus } from './crm-labels'
import { QueueFilterForm, type QueueFilterValues, type SlaFilter } from './queue-filters'
import { QueueList } from './queue-list'
import { useTeamName, useWorkableTeams } from './teams'
import { type QueueFilters, useQueue } from './tickets-api'
import { useFocusAfterMore } from './use-focus-after-more'
import './crm.css'

/** Which queue: everything of one's teams, one's own, the unassigned, or one team's. */
type View = { kind: 'all' } | { kind: 'mine' } | { kind: 'unassigned' } | { kind: 'team'; team: string }

function readView(value: string | null): View {
  if (value === 'mie') return { kind: 'mine' }
  if (value === 'da-assegnare') return { kind: 'unassigned' }
  if (value?.startsWith('team-')) return { kind: 'team', team: value.slice(5) }
  return { kind: 'all' }
}

function viewParam(view: View): string {
  if (view.kind === 'mine') return 'mie'
  if (view.kind === 'unassigned') return 'da-assegnare'
  if (view.kind === 'team') return `team-${view.team}`
  return ''
}

function readFilters(params: URLSearchParams): QueueFilterValues {
  const status = params.get('stato') ?? ''
  const sla = params.get('sla')
  return {
    status: isTicketStatus(status) ? status : '',
    channel: params.get('canale') ?? '',
    category: params.get('dettaglio') ?? '',
    sla: sla === 'at-risk' || sla === 'breached' ? (sla as SlaFilter) : '',
    q: params.get('q') ?? '',
  }
}

function toQuery(view: View, filters: QueueFilterValues): QueueFilters {
  return {
    ...(view.kind === 'team' ? { team: view.team } : {}),
    ...(view.kind === 'mine' ? { assignee: 'me' } : {}),
    ...(view.kind === 'unassigned' ? { assignee: 'none' } : {}),
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.sla === 'breached' ? { breached: true } : {}),
    ...(filters.sla === 'at-risk' ? { atRisk: true } : {}),
  }
}

function linkTo(view: View, params: URLSearchParams): string {
  const next = new URLSearchParams(params)
  const value = viewParam(view)
  if (value) next.set('vista', value)
  else next.delete('vista')
  const query = next.toString()
  return query ? `${BACK_OFFICE_TICKETS_PATH}?${query}` : BACK_OFFICE_TICKETS_PATH
}

/**
 * "Richieste": the queues of the operator's teams, their own tickets and the unassigned ones, by
 * what falls due first; filters, search by code or text, claim from the list, "load more".
 */
export function QueuePage() {
  const { t } = useTranslation()
  usePageTitle(useBackOfficeTitle(t('crm.queue.title')))
  const teamName = useTeamName()
  const [params, setParams] = useSearchParams()
  const view = readView(params.get('vista'))
  const filters = readFilters(params)
  const queue = useQueue(toQuery(view, filters))
  const location = useLocation()
  // A ticket forwarded or classified out of one's teams comes back here with a word on where it went.
  const notice = (location.state as { notice?: unknown } | null)?.notice
  const [announcement, setAnnouncement] = useState(typeof notice === 'string' ? notice : '')
  const listHeading = useRef<HTMLHeadingElement>(null)
  const items = queue.data?.pages.flatMap((page) => page.items) ?? []
  const markClick = useFocusAfterMore(queue.hasNextPage, queue.isFetchingNextPage, listHeading)
  const teamViews = useWorkableTeams()

  const views: { view: View; label: string }[] = [
    { view: { kind: 'all' }, label: t('crm.queue.views.all') },
    { view: { kind: 'mine' }, label: t('crm.queue.views.mine') },
    { view: { kind: 'unassigned' }, label: t('crm.queue.views.unassigned') },
    ...teamViews.map((team) => ({
      view: { kind: 'team', team: team.code } as View,
      label: t('crm.queue.views.team', { team: teamName(team.code) }),
    })),
  ]
  const current = viewParam(view)
  const currentLabel = views.find((entry) => viewParam(entry.view) === current)?.label ?? views[0]?.label

  const apply = (values: QueueFilterValues) => {
    const next = new URLSearchParams()
    if (current) next.set('vista', current)
    if (values.status) next.set('stato', values.status)
    if (values.channel) next.set('canale', values.channel)
    if (values.category) next.set('dettaglio', values.category)
    if (values.sla) next.set('sla', values.sla)
    if (values.q) next.set('q', values.q)
    setParams(next)
    setAnnouncement('')
    listHeading.current?.focus()
  }

  return (
    <BackOfficePage title={t('crm.queue.title')} lead={t('crm.queue.lead')} testId="crm-queue">
      <nav aria-label={t('crm.queue.views.label')} className="mb-3">
        <ul className="nav nav-pills civico-crm-views" data-testid="queue-views">
          {views.map((entry) => {
            const value = viewParam(entry.view)
            return (
              <li className="nav-item" key={value || 'all'}>
                <Link
                  className={`nav-link${value === current ? ' active' : ''}`}
                  aria-current={value === current ? 'page' : undefined}
                  to={linkTo(entry.view, params)}
                >
                  {entry.label}
                </Link>
              </li>
            )
          })}
        </ul>
      </nav>
      <QueueFilterForm key={params.toString()} values={filters} onApply={apply} />
      <div role="status">{announcement ? <p className="alert alert-success">{announcement}</p> : null}</div>
      <section aria-labelledby="queue-title">
        <h2 id="queue-title" className="h4" tabIndex={-1} ref={listHeading}>
          {currentLabel}
        </h2>
        {queue.isPending ? <LoadingState /> : null}
        {queue.isError && !queue.isFetchNextPageError ? (
          <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
        ) : null}
        {queue.isSuccess ? (
          <p className="small" role="status" data-testid="queue-count">
            {queue.hasNextPage
              ? t('crm.queue.countMore', { count: items.length })
              : t('crm.queue.count', { count: items.length })}
          </p>
        ) : null}
        {queue.isSuccess && items.length === 0 ? (
          <p className="civico-empty-state" data-testid="queue-empty">
            {Object.values(filters).some(Boolean) ? t('crm.queue.emptyFiltered') : t('crm.queue.empty')}
          </p>
        ) : null}
        <QueueList items={items} announce={setAnnouncement} />
        {queue.isFetchNextPageError ? (
          <ErrorAlert error={queue.error} onRetry={() => void queue.fetchNextPage()} />
        ) : null}
        {queue.hasNextPage ? (
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={queue.isFetchingNextPage}
            onClick={() => {
              markClick()
              void queue.fetchNextPage()
            }}
            data-testid="queue-more"
          >
            {queue.isFetchingNextPage ? t('common.loading') : t('crm.queue.more')}
          </button>
        ) : null}
      </section>
    </BackOfficePage>
  )
}
