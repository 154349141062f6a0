import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { formatTime } from '../../app/i18n/format'
import { MAIN_CONTENT_ID } from '../../app/shell/landmarks'
import { LanguageSwitch } from '../../app/shell/language-switch'
import { LoadingState } from '../../app/ui/loading-state'
import { usePageTitle } from '../../app/ui/use-page-title'
import { type DisplayCall, useOfficeDisplay } from './display-api'
import './office-display.css'

/**
 * What screen readers hear when a new call appears: nothing for the calls already on screen when
 * the page opened, then each new one (or the same one called again) once.
 */
function useCallAnnouncement(loaded: boolean, latest: DisplayCall | undefined) {
  const { t } = useTranslation()
  const seen = useRef<string | null | undefined>(undefined)
  const [announcement, setAnnouncement] = useState('')
  const key = latest ? `${latest.ticket}@${latest.calledAt}` : null
  useEffect(() => {
    if (!loaded) return
    if (seen.current === undefined) {
      seen.current = key
      return
    }
    if (key === seen.current || !latest) return
    seen.current = key
    setAnnouncement(t('appointmentsDisplay.announce', { ticket: latest.ticket, counter: latest.counter }))
  }, [loaded, key, latest, t])
  return announcement
}

/** The office's display (tabellone): the number just called and where to go, large, then the ones before. */
export function OfficeDisplayPage() {
  const { t, i18n } = useTranslation()
  const { officeId = '' } = useParams()
  const display = useOfficeDisplay(officeId)
  const data = display.data
  const [latest, ...previous] = data?.called ?? []
  const announcement = useCallAnnouncement(data !== undefined, latest)
  usePageTitle(
    data ? t('appointmentsDisplay.titleOf', { office: data.office.name }) : t('appointmentsDisplay.title'),
  )
  const missing = isApiError(display.error) && display.error.status === 404

  return (
    <div className="civico-display" data-testid="office-display">
      <header className="civico-display-header">
        <h1 className="civico-display-title">{data?.office.name ?? t('appointmentsDisplay.title')}</h1>
        <LanguageSwitch />
      </header>
      <main id={MAIN_CONTENT_ID} className="civico-display-main">
        {display.isPending ? <LoadingState /> : null}
        {missing ? <p className="civico-display-note">{t('appointmentsDisplay.missing')}</p> : null}
        {display.isError && !missing && !data ? (
          <p className="civico-display-note">{t('appointmentsDisplay.unavailable')}</p>
        ) : null}
        {data ? (
          <>
            <section className="civico-display-latest" aria-labelledby="display-latest-title">
              <h2 id="display-latest-title" className="civico-display-label">
                {t('appointmentsDisplay.latest')}
              </h2>
              {latest ? (
                <p
                  className="civico-display-call"
                  key={`${latest.ticket}@${latest.calledAt}`}
                  data-testid="latest-call"
                >
                  <span className="civico-display-ticket">
                    <span className="visually-hidden">{t('appointmentsDisplay.ticket')} </span>
                    {latest.ticket}
                  </span>
                  <span className="civico-display-counter">
                    <span aria-hidden="true">→ </span>
                    {latest.counter}
                  </span>
                </p>
              ) : (
                <p className="civico-display-note">{t('appointmentsDisplay.none')}</p>
              )}
            </section>
            <div className="civico-display-side">
              <section aria-labelledby="display-previous-title">
                <h2 id="display-previous-title" className="civico-display-label">
                  {t('appointmentsDisplay.previous')}
                </h2>
                {previous.length === 0 ? (
                  <p className="civico-display-note">{t('appointmentsDisplay.noPrevious')}</p>
                ) : (
                  <ol className="civico-display-list" data-testid="previous-calls">
                    {previous.map((call) => (
                      <li key={`${call.ticket}@${call.calledAt}`}>
                        <span className="civico-display-list-ticket">{call.ticket}</span>
                        <span>{call.counter}</span>
                        <span className="civico-display-list-time">
                          {formatTime(call.calledAt, i18n.language)}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
              <p className="civico-display-waiting" data-testid="waiting">
                {t('appointmentsDisplay.waiting', { count: data.waiting })}
              </p>
            </div>
          </>
        ) : null}
        <p className="visually-hidden" aria-live="polite" data-testid="call-announcement">
          {announcement}
        </p>
      </main>
    </div>
  )
}
