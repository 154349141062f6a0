import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, formatTime, romeIsoDay } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { useClipboardCopy } from '../../app/ui/use-clipboard-copy'
import { useStepUp } from '../identity/step-up'
import { type FeedStatus, useCreateFeed, useDeleteFeed, useFeedStatus } from './deadlines-api'

function when(instant: string, language: string): string {
  return `${formatDay(romeIsoDay(Date.parse(instant)), language)} ${formatTime(instant, language)}`
}

/** The new address, shown once: selectable, copyable, and openable in the phone's calendar. */
function NewAddress({ url, webcalUrl }: { url: string; webcalUrl: string }) {
  const { t } = useTranslation()
  const inputId = useId()
  const { state: copyState, copy } = useClipboardCopy(url)
  return (
    <div className="border rounded p-3 mb-3 bg-light" data-testid="feed-address">
      <label htmlFor={inputId} className="civico-field-label">
        {t('deadlines.feed.urlLabel')}
      </label>
      <input
        id={inputId}
        className="form-control mb-2"
        readOnly
        value={url}
        onFocus={(event) => event.target.select()}
        spellCheck={false}
      />
      <div className="d-flex flex-wrap gap-2">
        <a className="btn btn-primary btn-sm" href={webcalUrl}>
          <Icon name="it-calendar" color="white" size="sm" className="me-1" />
          {t('deadlines.feed.open')}
        </a>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void copy()}>
          <Icon name="it-copy" color="primary" size="sm" className="me-1" />
          {t('deadlines.feed.copy')}
        </button>
      </div>
      <p role="status" className="small mt-2 mb-1">
        {copyState === 'copied' ? t('deadlines.feed.copied') : null}
        {copyState === 'failed' ? t('deadlines.feed.copyFailed') : null}
      </p>
      <p className="small mb-0">{t('deadlines.feed.private')}</p>
    </div>
  )
}

function ActiveFeed({ status }: { status: FeedStatus }) {
  const { t, i18n } = useTranslation()
  return (
    <p data-testid="feed-active">
      {t('deadlines.feed.activeSince', { date: when(status.createdAt ?? '', i18n.language) })}{' '}
      {status.lastReadAt
        ? t('deadlines.feed.lastRead', { date: when(status.lastReadAt, i18n.language) })
        : t('deadlines.feed.neverRead')}
    </p>
  )
}

/** A private iCalendar address the citizen subscribes to from the phone; renewable and revocable. */
export function CalendarFeed() {
  const { t } = useTranslation()
  const headingId = useId()
  const status = useFeedStatus()
  const create = useCreateFeed()
  const remove = useDeleteFeed()
  const stepUp = useStepUp()
  const active = status.data?.active === true
  const created = create.data
  return (
    <section className="civico-panel mt-4" aria-labelledby={headingId} data-testid="calendar-feed">
      <h3 id={headingId} className="h5">
        {t('deadlines.feed.title')}
      </h3>
      <p>{t('deadlines.feed.lead')}</p>
      {created ? <NewAddress url={created.url} webcalUrl={created.webcalUrl} /> : null}
      {active && !created && status.data ? <ActiveFeed status={status.data} /> : null}
      {remove.isSuccess && !active ? (
        <p role="status" className="small">
          {t('deadlines.feed.stopped')}
        </p>
      ) : null}
      {stepUp.needsStepUp(2) ? (
        <p className="small mb-0">
          {t('deadlines.feed.levelNote')}{' '}
          <a href={stepUp.spidUrl(2)}>{t('deadlines.paymentsHiddenAction')}</a>
        </p>
      ) : (
        <div className="d-flex flex-wrap gap-2">
          <button
            type="button"
            className={active ? 'btn btn-outline-primary btn-sm' : 'btn btn-primary btn-sm'}
            disabled={create.isPending}
            onClick={() => create.mutate()}
            data-testid="feed-create"
          >
            {active ? t('deadlines.feed.renew') : t('deadlines.feed.create')}
          </button>
          {active ? (
            <button
              type="button"
              className="btn btn-outline-danger btn-sm"
              disabled={remove.isPending}
              onClick={() => {
                create.reset()
                remove.mutate()
              }}
              data-testid="feed-delete"
            >
              {t('deadlines.feed.stop')}
            </button>
          ) : null}
        </div>
      )}
      {active ? <p className="small text-secondary mt-2 mb-0">{t('deadlines.feed.renewNote')}</p> : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </section>
  )
}
