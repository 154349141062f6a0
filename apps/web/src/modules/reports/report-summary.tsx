import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay, formatTime } from '../../app/i18n/format'
import { REPORTS_PATH, reportPath, ticketPath } from '../../app/paths'
import type { VerifiedEmail } from '../tickets/write-draft'
import type { ReportDraft, ReportStep } from './report-draft'
import { photoSource } from './report-photos'
import type { ReportCategory } from './reports-api'

function Group({
  title,
  onEdit,
  editLabel,
  children,
}: {
  title: string
  onEdit: () => void
  editLabel: string
  children: ReactNode
}) {
  return (
    <section className="civico-panel mb-3">
      <div className="d-flex flex-wrap justify-content-between align-items-baseline gap-2 mb-2">
        <h3 className="h5 mb-0">{title}</h3>
        <button type="button" className="btn btn-link btn-sm p-0" onClick={onEdit} aria-label={editLabel}>
          {editLabel}
        </button>
      </div>
      {children}
    </section>
  )
}

/** Step 5: everything as it will be sent, each part with a way back to change it. */
export function ReportSummary({
  draft,
  category,
  writer,
  onEdit,
}: {
  draft: ReportDraft
  category: ReportCategory | undefined
  writer: { signedInAs: string } | { verified: VerifiedEmail }
  onEdit: (step: ReportStep) => void
}) {
  const { t } = useTranslation()
  const edit = (what: string) => t('reports.summary.edit', { what })
  return (
    <div data-testid="report-summary">
      <Group
        title={t('reports.stepNames.place')}
        onEdit={() => onEdit('place')}
        editLabel={edit(t('reports.stepNames.place'))}
      >
        <p className="mb-0">{draft.address.trim() || t('reports.summary.pinOnly')}</p>
        {draft.point ? <p className="small text-secondary mb-0">{t('reports.summary.pinSet')}</p> : null}
      </Group>
      <Group
        title={t('reports.stepNames.category')}
        onEdit={() => onEdit('category')}
        editLabel={edit(t('reports.stepNames.category'))}
      >
        <p className="mb-0">{category ? `${category.group} › ${category.name}` : draft.categoryCode}</p>
      </Group>
      <Group
        title={t('reports.stepNames.description')}
        onEdit={() => onEdit('description')}
        editLabel={edit(t('reports.stepNames.description'))}
      >
        <p className="civico-report-text">{draft.description.trim()}</p>
        {draft.photos.length > 0 ? (
          <ul className="civico-photo-previews mb-0">
            {draft.photos.map((photo, index) => (
              <li key={photo.id}>
                <img
                  src={photoSource(photo)}
                  alt={t('reports.photos.previewAlt', { number: index + 1, name: photo.name })}
                />
                <span className="civico-file-name">{photo.name}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="small text-secondary mb-0">{t('reports.summary.noPhotos')}</p>
        )}
      </Group>
      <section className="civico-panel mb-3">
        <h3 className="h5">{t('reports.stepNames.identity')}</h3>
        <p className="mb-0">
          {'signedInAs' in writer
            ? t('reports.summary.signedInAs', { name: writer.signedInAs })
            : t('reports.summary.email', { email: writer.verified.email })}
        </p>
      </section>
    </div>
  )
}

/** Step 6: the report's number in large type and where its public page is. */
export function ReportConfirmation({
  title,
  code,
  createdAt,
  text,
  ticketCode,
  onAnother,
}: {
  title: string
  code: string
  createdAt?: string
  text: string
  /** The request it opened, in a signed-in citizen's personal area. */
  ticketCode?: string
  onAnother: () => void
}) {
  const { t, i18n } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <div data-testid="report-confirmation">
      <div className="alert alert-success" role="status">
        <h2 ref={heading} className="h4" tabIndex={-1}>
          {title}
        </h2>
        {createdAt ? (
          <p className="mb-0">
            {t('reports.confirmed.when', {
              day: formatDay(createdAt, i18n.language),
              time: formatTime(createdAt, i18n.language),
            })}
          </p>
        ) : null}
      </div>
      <section className="civico-panel mb-4" aria-labelledby="report-code-label">
        <p id="report-code-label" className="mb-1 fw-semibold">
          {t('reports.confirmed.codeLabel')}
        </p>
        <p className="civico-request-code" data-testid="report-code">
          {code}
        </p>
        <p className="small mb-0">{text}</p>
      </section>
      <div className="d-flex flex-column flex-sm-row flex-wrap gap-2 mb-3">
        <Link className="btn btn-primary" to={reportPath(code)} data-testid="to-report">
          {t('reports.confirmed.toReport')}
        </Link>
        {ticketCode ? (
          <Link className="btn btn-outline-primary" to={ticketPath(ticketCode)} data-testid="to-ticket">
            {t('reports.confirmed.toTicket')}
          </Link>
        ) : null}
        <Link className="btn btn-outline-primary" to={REPORTS_PATH}>
          {t('reports.confirmed.toList')}
        </Link>
      </div>
      <button type="button" className="btn btn-link px-0" onClick={onAnother}>
        {t('reports.confirmed.another')}
      </button>
    </div>
  )
}
