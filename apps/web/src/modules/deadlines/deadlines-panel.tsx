import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay, formatEuro, formatTime } from '../../app/i18n/format'
import { APPOINTMENTS_SECTION_PATH, FOLDER_PATH, PAYMENTS_PATH } from '../../app/paths'
import { LoadingState } from '../../app/ui/loading-state'
import { STATUS_CLASSES, useRelativeDay } from '../folder/deadline-list'
import type { FolderRecord } from '../folder/folder-api'
import { type FolderSection, SECTION_SLUGS } from '../folder/folder-sections'
import { ProblemNotice } from '../identity/problem-notice'
import { useStepUp } from '../identity/step-up'
import { CalendarFeed } from './calendar-feed'
import { type DeadlineItem, useMyDeadlines } from './deadlines-api'

function linkOf(item: DeadlineItem): string {
  if (item.source === 'payments') return PAYMENTS_PATH
  if (item.source === 'appointments') return APPOINTMENTS_SECTION_PATH
  const slug = SECTION_SLUGS[item.section as FolderSection]
  return slug ? `${FOLDER_PATH}/${slug}` : FOLDER_PATH
}

export function DeadlineRow({ item }: { item: DeadlineItem }) {
  const { t, i18n } = useTranslation()
  const relativeDay = useRelativeDay()
  const what =
    item.source === 'registry' ? t(`folder.kinds.${item.kind as FolderRecord['kind']}`) : (item.title ?? '')
  return (
    <li data-source={item.source}>
      <span>
        <Link to={linkOf(item)} className="fw-semibold">
          {what}
        </Link>{' '}
        {item.amountCents !== null ? <span>{formatEuro(item.amountCents, i18n.language)} </span> : null}
        <span className="text-secondary">{item.reference}</span>
        {item.place ? <span className="d-block small">{item.place}</span> : null}
        {item.kind === 'appointment-offered' ? (
          <span className="d-block small fw-semibold">{t('deadlines.appointmentOffered')}</span>
        ) : null}
      </span>
      <span className="d-flex flex-wrap align-items-center gap-2">
        <span>
          {t('folder.deadlines.on', { date: formatDay(item.date, i18n.language) })}
          {item.startsAt
            ? ` ${t('deadlines.appointmentAt', { time: formatTime(item.startsAt, i18n.language) })}`
            : null}{' '}
          ({relativeDay(item.daysLeft)})
        </span>
        <span className={`badge ${STATUS_CLASSES[item.status]}`}>
          {item.source === 'payments'
            ? t(`deadlines.paymentStatus.${item.status}`)
            : item.source === 'appointments'
              ? t(`deadlines.appointmentStatus.${item.status}`)
              : t(`folder.status.${item.status}`)}
        </span>
      </span>
    </li>
  )
}

/** "Scadenze": documents, permits, loans and dues in one list, soonest first, and the calendar feed. */
export function DeadlinesPanel({ empty }: { empty: React.ReactNode }) {
  const { t } = useTranslation()
  const deadlines = useMyDeadlines()
  const stepUp = useStepUp()
  if (deadlines.isPending) return <LoadingState />
  if (deadlines.isError)
    return <ProblemNotice error={deadlines.error} onRetry={() => void deadlines.refetch()} />
  const { items, hidden } = deadlines.data
  return (
    <div data-testid="deadlines-panel">
      {items.length === 0 ? (
        empty
      ) : (
        <ul className="civico-deadline-list" data-testid="deadline-list">
          {items.map((item) => (
            <DeadlineRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      {hidden.includes('payments') ? (
        <p className="small mt-3" data-testid="deadlines-payments-hidden">
          {t('deadlines.paymentsHidden')}{' '}
          <a href={stepUp.spidUrl(2)}>{t('deadlines.paymentsHiddenAction')}</a>
        </p>
      ) : null}
      <CalendarFeed />
    </div>
  )
}

/** The personal area's Pagamenti tab: the dues coming up, and the way to the payments page. */
export function DuesPreview({ empty, action }: { empty: React.ReactNode; action: React.ReactNode }) {
  const deadlines = useMyDeadlines()
  if (deadlines.isPending) return <LoadingState />
  if (deadlines.isError)
    return <ProblemNotice error={deadlines.error} onRetry={() => void deadlines.refetch()} />
  const dues = deadlines.data.items.filter((item) => item.source === 'payments')
  if (dues.length === 0) return <>{empty}</>
  return (
    <div data-testid="dues-preview">
      <ul className="civico-deadline-list">
        {dues.slice(0, 5).map((item) => (
          <DeadlineRow key={item.id} item={item} />
        ))}
      </ul>
      {action}
    </div>
  )
}
