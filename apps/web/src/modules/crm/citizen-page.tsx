import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { formatDay } from '../../app/i18n/format'
import {
  BACK_OFFICE_CITIZENS_PATH,
  BACK_OFFICE_CONTACT_CENTRE_BOOKING_PATH,
  BACK_OFFICE_NEW_CALL_PATH,
} from '../../app/paths'
import { CheckboxGroup } from '../../app/ui/checkbox-group'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { useClipboardCopy } from '../../app/ui/use-clipboard-copy'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from '../backoffice/back-office-page'
import { CitizenTimelineEntries } from './citizen-timeline'
import { TIMELINE_KINDS, type TimelineKind, useCitizenTimeline } from './citizens-api'
import './crm.css'

/** The fiscal code, copyable: the booking page asks for it again. */
function FiscalCodeCopy({ fiscalCode }: { fiscalCode: string }) {
  const { t } = useTranslation()
  const { state, copy } = useClipboardCopy(fiscalCode)
  return (
    <span className="d-inline-flex flex-wrap align-items-center gap-2">
      <span className="civico-fiscal-code" data-testid="citizen-fiscal-code">
        {fiscalCode}
      </span>
      <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => void copy()}>
        <Icon name="it-copy" size="xs" color="primary" className="me-1" />
        {t('crm.citizen.copy')}
      </button>
      <span role="status" className="small">
        {state === 'copied' ? t('crm.citizen.copied') : state === 'failed' ? t('crm.citizen.copyFailed') : ''}
      </span>
    </span>
  )
}

/**
 * The 360° view of a citizen: who they are, then everything the city did with them (requests,
 * calls, appointments, payments, certificates, messages) newest first, filtered by kind.
 */
export function CitizenPage() {
  const { t, i18n } = useTranslation()
  const { fiscalCode = '' } = useParams()
  const code = fiscalCode.toUpperCase()
  const timeline = useCitizenTimeline(code)
  const [kinds, setKinds] = useState<TimelineKind[]>([...TIMELINE_KINDS])
  const listHeading = useRef<HTMLHeadingElement>(null)
  const first = timeline.data?.pages[0]
  const person = first?.person ?? null
  const name = person ? `${person.givenName} ${person.familyName}` : code
  usePageTitle(useBackOfficeTitle(t('crm.citizen.title', { name })))

  const entries = useMemo(() => {
    const seen = new Set<string>()
    return (timeline.data?.pages ?? [])
      .flatMap((page) => page.entries)
      .filter((entry) => {
        const key = `${entry.kind}-${entry.reference}-${entry.at}`
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
  }, [timeline.data])
  const shown = entries.filter((entry) => kinds.includes(entry.kind))

  const callPath = `${BACK_OFFICE_NEW_CALL_PATH}?cf=${encodeURIComponent(code)}`
  return (
    <BackOfficePage title={t('crm.citizen.title', { name })} testId="crm-citizen">
      <p>
        <Link to={BACK_OFFICE_CITIZENS_PATH}>{t('crm.citizen.back')}</Link>
      </p>
      {timeline.isPending ? <LoadingState /> : null}
      {timeline.isError ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : null}
      {first ? (
        <>
          <section
            className="civico-panel mb-4"
            aria-labelledby="citizen-person-title"
            data-testid="citizen-header"
          >
            <h2 id="citizen-person-title" className="h5">
              {t('crm.citizen.person')}
            </h2>
            <dl className="civico-crm-facts">
              <div>
                <dt>{t('crm.citizens.fiscalCode')}</dt>
                <dd>
                  <FiscalCodeCopy fiscalCode={first.fiscalCode} />
                </dd>
              </div>
              {person ? (
                <div>
                  <dt>{t('crm.citizen.birthDate')}</dt>
                  <dd>{formatDay(person.birthDate, i18n.language)}</dd>
                </div>
              ) : (
                <div>
                  <dt>{t('crm.citizen.registry')}</dt>
                  <dd>{t('crm.citizen.notResident')}</dd>
                </div>
              )}
            </dl>
            <div className="d-flex flex-wrap gap-2">
              <Link className="btn btn-primary btn-sm" to={callPath} data-testid="log-call-link">
                <Icon name="it-telephone" size="sm" color="white" className="me-1" />
                {t('crm.citizen.logCall')}
              </Link>
              <Link
                className="btn btn-outline-primary btn-sm"
                to={BACK_OFFICE_CONTACT_CENTRE_BOOKING_PATH}
                data-testid="book-appointment-link"
              >
                <Icon name="it-calendar" size="sm" color="primary" className="me-1" />
                {t('crm.citizen.book')}
              </Link>
            </div>
            <p className="small mb-0 mt-2">{t('crm.citizen.bookHint')}</p>
          </section>

          <section aria-labelledby="citizen-timeline-title">
            <h2 id="citizen-timeline-title" className="h4" tabIndex={-1} ref={listHeading}>
              {t('crm.timeline.title')}
            </h2>
            <div className="civico-crm-filters">
              <CheckboxGroup
                legend={t('crm.timeline.filter')}
                options={TIMELINE_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`crm.timeline.plural.${kind}`),
                }))}
                selected={kinds}
                onChange={setKinds}
              />
            </div>
            <CitizenTimelineEntries
              entries={shown}
              total={entries.length}
              hasMore={timeline.hasNextPage}
              loadingMore={timeline.isFetchingNextPage}
              loadMoreError={timeline.isFetchNextPageError ? timeline.error : null}
              onLoadMore={() => void timeline.fetchNextPage()}
            />
          </section>
        </>
      ) : null}
    </BackOfficePage>
  )
}
