import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { NEW_REPORT_PATH, REPORTS_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { formatMoment } from '../tickets/ticket-status'
import { ReportMap } from './report-map'
import { ReportStatusBadge } from './report-status'
import { useMapSettings, usePublicReport } from './reports-api'
import './reports.css'

/**
 * /segnalazioni/:code: what was reported, where, its status and the city's public notes. The API
 * gives nothing about who reported it, and neither does this page.
 */
export function ReportDetailPage() {
  const { t, i18n } = useTranslation()
  const { code } = useParams()
  const report = usePublicReport(code)
  const settings = useMapSettings()
  const lat = report.data?.lat ?? null
  const long = report.data?.long ?? null
  const pin = useMemo(() => (lat !== null && long !== null ? { lat, long } : null), [lat, long])
  const title = report.data
    ? t('reports.detail.title', { category: report.data.category.name })
    : t('reports.detail.loadingTitle')
  usePageTitle(title)
  const parents = [{ label: t('reports.listTitle'), to: REPORTS_PATH }]

  if (report.isPending) {
    return (
      <div className="container pb-5">
        <PageHeader title={title} parents={parents} />
        <LoadingState />
      </div>
    )
  }
  if (report.isError) {
    const missing = isApiError(report.error) && (report.error.status === 404 || report.error.status === 400)
    return (
      <div className="container pb-5" data-testid="report-missing">
        <PageHeader title={t('reports.detail.missingTitle')} parents={parents} />
        {missing ? (
          <p>{t('reports.detail.missingText')}</p>
        ) : (
          <ErrorAlert
            error={report.error}
            title={t('reports.loadFailed')}
            onRetry={() => void report.refetch()}
          />
        )}
        <Link to={REPORTS_PATH}>{t('reports.detail.toList')}</Link>
      </div>
    )
  }
  const data = report.data
  return (
    <div className="container pb-5" data-testid="report-detail-page" data-code={data.code}>
      <PageHeader title={title} parents={parents} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <dl className="civico-facts mb-4" data-testid="report-facts">
            <div>
              <dt>{t('reports.detail.code')}</dt>
              <dd>{data.code}</dd>
            </div>
            <div>
              <dt>{t('reports.detail.status')}</dt>
              <dd>
                <ReportStatusBadge status={data.status} />
              </dd>
            </div>
            <div>
              <dt>{t('reports.detail.category')}</dt>
              <dd>{`${data.category.group} › ${data.category.name}`}</dd>
            </div>
            <div>
              <dt>{t('reports.detail.address')}</dt>
              <dd>{data.address ?? t('reports.detail.noAddress')}</dd>
            </div>
            <div>
              <dt>{t('reports.detail.filed')}</dt>
              <dd>{formatMoment(data.createdAt, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('reports.detail.supports')}</dt>
              <dd data-testid="report-supports">
                {t('reports.detail.supportCount', { count: data.supportCount })}
              </dd>
            </div>
          </dl>
          {pin && settings.data ? (
            <div className="mb-4">
              <ReportMap
                settings={settings.data}
                label={t('reports.detail.mapLabel')}
                pin={pin}
                testId="report-map"
              />
            </div>
          ) : null}
          <h2 className="h4">{t('reports.detail.description')}</h2>
          <p className="civico-report-text" data-testid="report-description">
            {data.description}
          </p>
          {data.photos.length > 0 ? (
            <>
              <h2 className="h4">{t('reports.detail.photos')}</h2>
              <ul className="civico-photo-previews" data-testid="report-photos">
                {data.photos.map((photo) => (
                  <li key={photo.position}>
                    <img
                      src={photo.thumbnailUrl}
                      alt={t('reports.detail.photoAlt', {
                        number: photo.position,
                        category: data.category.name,
                      })}
                      loading="lazy"
                    />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2 className="h4 mt-4">{t('reports.detail.history')}</h2>
          <ol className="civico-report-history" data-testid="report-history">
            {data.history.map((entry) => (
              <li key={`${entry.at}-${entry.status}`}>
                <p className="mb-1">
                  <ReportStatusBadge status={entry.status} />{' '}
                  <time dateTime={entry.at} className="small text-secondary">
                    {formatMoment(entry.at, i18n.language)}
                  </time>
                </p>
                {entry.note ? <p className="civico-report-text mb-0">{entry.note}</p> : null}
              </li>
            ))}
          </ol>
          <p className="mt-4">
            <Link to={NEW_REPORT_PATH}>{t('reports.detail.another')}</Link>
          </p>
        </div>
      </div>
    </div>
  )
}
