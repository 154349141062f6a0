import { useTranslation } from 'react-i18next'
import type { Deadline, FolderRecord } from './folder-api'
import { recordFacts, recordTitle } from './record-facts'

type CardStatus = Deadline['status'] | 'returned' | 'overdue' | 'onLoan'

const STATUS_CLASSES: Record<CardStatus, string> = {
  expired: 'civico-badge-alert',
  overdue: 'civico-badge-alert',
  'due-soon': 'civico-badge-warning',
  upcoming: 'civico-badge-verified',
  returned: 'civico-badge-neutral',
  onLoan: 'civico-badge-neutral',
}

function statusOf(record: FolderRecord, deadline: Deadline | undefined, today: string): CardStatus | null {
  if (record.kind === 'library-loan') {
    if (record.details.returnedOn) return 'returned'
    return record.validUntil && record.validUntil < today ? 'overdue' : 'onLoan'
  }
  if (deadline) return deadline.status
  if (record.validUntil && record.validUntil < today) return 'expired'
  return null
}

/** One record as a card: its name, a status badge when it runs out, and its facts. */
export function RecordCard({
  record,
  deadline,
  today,
  headingLevel = 'h3',
}: {
  record: FolderRecord
  deadline?: Deadline
  today: string
  headingLevel?: 'h2' | 'h3'
}) {
  const { t, i18n } = useTranslation()
  const status = statusOf(record, deadline, today)
  const Heading = headingLevel
  return (
    <article className="civico-panel civico-record" data-testid={`record-${record.kind}`}>
      <div className="d-flex flex-wrap align-items-start justify-content-between gap-2 mb-2">
        <Heading className="h5 mb-0">{recordTitle(record, t)}</Heading>
        {status ? (
          <span className={`badge ${STATUS_CLASSES[status]}`} data-testid="record-status">
            {t(`folder.status.${status}`)}
          </span>
        ) : null}
      </div>
      <dl className="civico-facts civico-facts-two-columns mb-0">
        {recordFacts(record, t, i18n.language).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  )
}
