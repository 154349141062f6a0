import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { backOfficeCitizenPath, backOfficeTicketPath } from '../../app/paths'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from '../backoffice/back-office-page'
import { CallForm } from './call-form'
import { formatDuration } from './call-timer'
import type { LoggedCall } from './calls-api'
import { asFiscalCode } from './citizens-page'
import './crm.css'

/** What was logged, read back; the ticket a call opened can be opened at once. */
function CallResult({
  call,
  fiscalCode,
  onAnother,
}: {
  call: LoggedCall
  fiscalCode: string | null
  onAnother: () => void
}) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section
      className="civico-panel civico-crm-result"
      aria-labelledby="call-result-title"
      data-testid="call-result"
    >
      <h2 id="call-result-title" className="h4" tabIndex={-1} ref={heading}>
        {t('crm.call.logged')}
      </h2>
      <dl className="civico-crm-facts">
        <div>
          <dt>{t('crm.call.outcome')}</dt>
          <dd data-testid="call-result-outcome">{t(`crm.outcomes.${call.outcome}`)}</dd>
        </div>
        {call.categoryName ? (
          <div>
            <dt>{t('crm.triplet.detail')}</dt>
            <dd>{call.categoryName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('crm.call.duration')}</dt>
          <dd>{formatDuration(call.durationSeconds)}</dd>
        </div>
        {call.bookingCode ? (
          <div>
            <dt>{t('crm.call.bookingCode')}</dt>
            <dd className="civico-fiscal-code" data-testid="call-result-booking">
              {call.bookingCode}
            </dd>
          </div>
        ) : null}
        {call.ticketCode ? (
          <div>
            <dt>{t('crm.call.ticketOpened')}</dt>
            <dd>
              <Link to={backOfficeTicketPath(call.ticketCode)} data-testid="call-result-ticket">
                {call.ticketCode}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary btn-sm" onClick={onAnother}>
          {t('crm.call.another')}
        </button>
        {fiscalCode ? (
          <Link className="btn btn-outline-primary btn-sm" to={backOfficeCitizenPath(fiscalCode)}>
            {t('crm.call.backToCitizen')}
          </Link>
        ) : null}
      </div>
    </section>
  )
}

/** "Registra chiamata": the form while the call lasts, then what was saved. */
export function CallPage() {
  const { t } = useTranslation()
  usePageTitle(useBackOfficeTitle(t('crm.call.title')))
  const [searchParams] = useSearchParams()
  const initialFiscalCode = asFiscalCode(searchParams.get('cf') ?? '') ?? ''
  const initialPhone = searchParams.get('tel') ?? ''
  const [logged, setLogged] = useState<LoggedCall | null>(null)
  // A new key gives a fresh form (and a fresh clock) for the next call.
  const [formKey, setFormKey] = useState(0)
  return (
    <BackOfficePage title={t('crm.call.title')} lead={t('crm.call.lead')} testId="crm-call">
      {initialFiscalCode ? (
        <p>
          <Link to={backOfficeCitizenPath(initialFiscalCode)}>{t('crm.call.backToCitizen')}</Link>
        </p>
      ) : null}
      {logged ? (
        <CallResult
          call={logged}
          fiscalCode={initialFiscalCode || null}
          onAnother={() => {
            setLogged(null)
            setFormKey((key) => key + 1)
          }}
        />
      ) : (
        <CallForm
          key={formKey}
          initialFiscalCode={initialFiscalCode}
          initialPhone={initialPhone}
          onLogged={setLogged}
        />
      )}
    </BackOfficePage>
  )
}
