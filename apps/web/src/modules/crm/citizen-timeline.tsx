import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay, formatEuro, formatTime } from '../../app/i18n/format'
import { backOfficeTicketPath } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon, type IconName } from '../../app/ui/icon'
import type { TimelineEntry, TimelineKind } from './citizens-api'
import { useChannelLabel, useStatusLabel } from './crm-labels'
import { useFocusAfterMore } from './use-focus-after-more'

const INTERNAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const KIND_ICONS: Record<TimelineKind, IconName> = {
  ticket: 'it-inbox',
  call: 'it-telephone',
  appointment: 'it-calendar',
  payment: 'it-card',
  certificate: 'it-files',
  message: 'it-mail',
}

function EntryReference({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation()
  if (entry.kind === 'ticket' && entry.openable) {
    return (
      <Link to={backOfficeTicketPath(entry.reference)} data-testid="timeline-ticket-link">
        {t('crm.timeline.openTicket', { code: entry.reference })}
      </Link>
    )
  }
  if (entry.kind === 'ticket') {
    return <span className="small">{t('crm.timeline.otherTeam', { code: entry.reference })}</span>
  }
  // Some entries are known by an internal id, which means nothing to a person on the phone.
  if (entry.kind === 'message' || entry.kind === 'certificate') return null
  if (INTERNAL_ID.test(entry.reference)) return null
  return <span className="small">{t('crm.timeline.reference', { reference: entry.reference })}</span>
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation()
  const statusLabel = useStatusLabel()
  const channelLabel = useChannelLabel()
  return (
    <li className="civico-crm-timeline-item" data-kind={entry.kind} data-reference={entry.reference}>
      <span className="civico-crm-timeline-icon" aria-hidden="true">
        <Icon name={KIND_ICONS[entry.kind]} color="primary" size="sm" />
      </span>
      <div className="civico-crm-timeline-body">
        <p className="mb-1">
          <strong>{t(`crm.timeline.kinds.${entry.kind}`)}</strong>
          <span className="text-secondary">
            {' · '}
            <time dateTime={entry.at}>
              {t('crm.timeline.at', {
                day: formatDay(entry.at, i18n.language),
                time: formatTime(entry.at, i18n.language),
              })}
            </time>
          </span>
        </p>
        {entry.summary ? <p className="mb-1">{entry.summary}</p> : null}
        <p className="mb-0 small d-flex flex-wrap gap-2 align-items-center">
          <span className="badge civico-badge-neutral" data-testid="timeline-status">
            {statusLabel(entry.kind, entry.status)}
          </span>
          {entry.channel ? (
            <span>{t('crm.timeline.channel', { channel: channelLabel(entry.channel) })}</span>
          ) : null}
          {entry.amountCents !== null ? <span>{formatEuro(entry.amountCents, i18n.language)}</span> : null}
          <EntryReference entry={entry} />
        </p>
      </div>
    </li>
  )
}

/** A citizen's history, newest first, each entry with its kind's icon and its own status words. */
export function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="civico-crm-timeline" data-testid="timeline">
      {entries.map((entry) => (
        <TimelineItem key={`${entry.kind}-${entry.reference}-${entry.at}`} entry={entry} />
      ))}
    </ol>
  )
}

/** The filtered list, what it holds, and "load more" for the older entries. */
export function CitizenTimelineEntries({
  entries,
  total,
  hasMore,
  loadingMore,
  loadMoreError,
  onLoadMore,
}: {
  entries: TimelineEntry[]
  total: number
  hasMore: boolean
  loadingMore: boolean
  loadMoreError: unknown
  onLoadMore: () => void
}) {
  const { t } = useTranslation()
  const count = useRef<HTMLParagraphElement>(null)
  const markClick = useFocusAfterMore(hasMore, loadingMore, count)
  return (
    <>
      <p className="small" role="status" data-testid="timeline-count" tabIndex={-1} ref={count}>
        {t('crm.timeline.count', { count: entries.length, total })}
      </p>
      {entries.length === 0 ? (
        <p className="civico-empty-state">
          {total === 0 ? t('crm.timeline.empty') : t('crm.timeline.noneOfKind')}
        </p>
      ) : (
        <TimelineList entries={entries} />
      )}
      {loadMoreError ? <ErrorAlert error={loadMoreError} onRetry={onLoadMore} /> : null}
      {hasMore ? (
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => {
            markClick()
            onLoadMore()
          }}
          disabled={loadingMore}
          data-testid="timeline-more"
        >
          {loadingMore ? t('common.loading') : t('crm.timeline.more')}
        </button>
      ) : null}
    </>
  )
}
