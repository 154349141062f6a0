import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay, formatTime } from '../../app/i18n/format'
import { TICKETS_SECTION_PATH, ticketPath } from '../../app/paths'
import type { WrittenTicket } from './tickets-api'
import type { WriteKind } from './write-draft'

/** "Richiesta inviata": the code in large type, what happens next and where to follow it. */
export function WriteConfirmation({
  written,
  kind,
  email,
  onAnother,
}: {
  written: WrittenTicket
  kind: WriteKind
  /** The verified address of someone not signed in; null for a signed-in citizen. */
  email: string | null
  onAnother: () => void
}) {
  const { t, i18n } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  const when = t('tickets.confirmed.when', {
    day: formatDay(written.createdAt, i18n.language),
    time: formatTime(written.createdAt, i18n.language),
  })
  return (
    <div data-testid="write-confirmation">
      <div className="alert alert-success" role="status">
        <h2 ref={heading} className="h4" tabIndex={-1}>
          {t(kind === 'mayor' ? 'tickets.confirmed.titleMayor' : 'tickets.confirmed.title')}
        </h2>
        <p className="mb-0">{when}</p>
      </div>
      <section className="civico-panel mb-4" aria-labelledby="request-code-label">
        <p id="request-code-label" className="mb-1 fw-semibold">
          {t('tickets.confirmed.codeLabel')}
        </p>
        <p className="civico-request-code" data-testid="request-code">
          {written.code}
        </p>
        <p className="small mb-0">{t('tickets.confirmed.codeHint')}</p>
      </section>
      <section className="mb-4" aria-labelledby="next-steps-title">
        <h3 id="next-steps-title" className="h5">
          {t('tickets.confirmed.nextTitle')}
        </h3>
        <ol className="civico-next-steps">
          <li>
            {email ? t('tickets.confirmed.nextReceiptEmail', { email }) : t('tickets.confirmed.nextReceipt')}
          </li>
          <li>
            {t(kind === 'mayor' ? 'tickets.confirmed.nextOfficeMayor' : 'tickets.confirmed.nextOffice')}
          </li>
          <li>{email ? t('tickets.confirmed.nextFollowEmail') : t('tickets.confirmed.nextFollow')}</li>
        </ol>
      </section>
      <div className="d-flex flex-column flex-sm-row flex-wrap gap-2 mb-3">
        {email ? (
          <Link className="btn btn-primary" to="/">
            {t('common.backHome')}
          </Link>
        ) : (
          <>
            <Link className="btn btn-primary" to={ticketPath(written.code)} data-testid="to-request">
              {t('tickets.confirmed.toRequest')}
            </Link>
            <Link className="btn btn-outline-primary" to={TICKETS_SECTION_PATH} data-testid="to-my-requests">
              {t('tickets.confirmed.toMine')}
            </Link>
          </>
        )}
      </div>
      <button type="button" className="btn btn-link px-0" onClick={onAnother}>
        {t('tickets.confirmed.another')}
      </button>
    </div>
  )
}
