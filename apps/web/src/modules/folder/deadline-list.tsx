import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay } from '../../app/i18n/format'
import { FOLDER_PATH } from '../../app/paths'
import type { Deadline } from './folder-api'
import { SECTION_SLUGS } from './folder-sections'

export const STATUS_CLASSES: Record<Deadline['status'], string> = {
  expired: 'civico-badge-alert',
  'due-soon': 'civico-badge-warning',
  upcoming: 'civico-badge-neutral',
}

export function useRelativeDay(): (daysLeft: number) => string {
  const { t } = useTranslation()
  return (daysLeft) =>
    daysLeft === 0
      ? t('folder.deadlines.today')
      : daysLeft > 0
        ? t('folder.deadlines.daysLeft', { count: daysLeft })
        : t('folder.deadlines.daysAgo', { count: -daysLeft })
}

/** Documents, permits and loans running out, soonest first, each linking to its section. */
export function DeadlineList({ deadlines }: { deadlines: readonly Deadline[] }) {
  const { t, i18n } = useTranslation()
  const relativeDay = useRelativeDay()
  if (deadlines.length === 0) return <p data-testid="deadlines-empty">{t('folder.deadlines.empty')}</p>
  return (
    <ul className="civico-deadline-list" data-testid="deadline-list">
      {deadlines.map((deadline) => (
        <li key={deadline.recordId}>
          <span>
            <Link to={`${FOLDER_PATH}/${SECTION_SLUGS[deadline.section]}`} className="fw-semibold">
              {t(`folder.kinds.${deadline.kind}`)}
            </Link>{' '}
            <span className="text-secondary">{deadline.reference}</span>
          </span>
          <span className="d-flex flex-wrap align-items-center gap-2">
            <span>
              {t('folder.deadlines.on', { date: formatDay(deadline.date, i18n.language) })} (
              {relativeDay(deadline.daysLeft)})
            </span>
            <span className={`badge ${STATUS_CLASSES[deadline.status]}`}>
              {t(`folder.status.${deadline.status}`)}
            </span>
          </span>
        </li>
      ))}
    </ul>
  )
}
