import { useTranslation } from 'react-i18next'
import type { ReportStatus } from './reports-api'

/** The words say the status; the colour only repeats it. */
const STATUS_BADGES: Record<ReportStatus, string> = {
  open: 'civico-badge-warning',
  'in-progress': 'civico-badge-neutral',
  closed: 'civico-badge-verified',
}

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`badge ${STATUS_BADGES[status]}`} data-testid="report-status" data-status={status}>
      {t(`reports.status.${status}`)}
    </span>
  )
}
