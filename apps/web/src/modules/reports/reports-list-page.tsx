import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { formatDay } from '../../app/i18n/format'
import { NEW_REPORT_PATH, reportPath } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { groupCategories } from './category-step'
import { type MapPin, ReportMap } from './report-map'
import { ReportStatusBadge } from './report-status'
import {
  type Bounds,
  REPORT_STATUSES,
  type ReportFilters,
  type ReportStatus,
  useMapSettings,
  useReportCategories,
  useReportList,
  useReportMarkers,
} from './reports-api'
import './reports.css'

const toggle = <T,>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value]

/** Category and status filters: checkboxes, each change applied at once to the map and the list. */
function Filters({
  filters,
  onChange,
}: {
  filters: ReportFilters
  onChange: (filters: ReportFilters) => void
}) {
  const { t } = useTranslation()
  const categories = useReportCategories()
  return (
    <details className="civico-panel mb-3" data-testid="report-filters">
      <summary className="fw-semibold">{t('reports.list.filters')}</summary>
      <fieldset className="civico-field mt-3">
        <legend className="civico-field-label">{t('reports.list.statusLegend')}</legend>
        {REPORT_STATUSES.map((status) => (
          <div className="form-check" key={status}>
            <input
              className="form-check-input"
              type="checkbox"
              id={`report-status-${status}`}
              checked={filters.statuses.includes(status)}
              onChange={() => onChange({ ...filters, statuses: toggle(filters.statuses, status) })}
            />
            <label className="form-check-label" htmlFor={`report-status-${status}`}>
              {t(`reports.status.${status}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="civico-field mb-0">
        <legend className="civico-field-label">{t('reports.list.categoryLegend')}</legend>
        {groupCategories(categories.data ?? []).map(([group, items]) => (
          <div key={group} className="mb-2">
            <p className="fw-bold mb-1 civico-category-group">{group}</p>
            {items.map((category) => (
              <div className="form-check" key={category.code}>
                <input
                  className="form-check-input"
                  type="checkbox"
                  id={`report-category-${category.code}`}
                  checked={filters.categories.includes(category.code)}
                  onChange={() =>
                    onChange({ ...filters, categories: toggle(filters.categories, category.code) })
                  }
                />
                <label className="form-check-label" htmlFor={`report-category-${category.code}`}>
                  {category.name}
                </label>
              </div>
            ))}
          </div>
        ))}
      </fieldset>
    </details>
  )
}

/** /segnalazioni: the map of the reports in view and, below it, the same reports as a list. */
export function ReportsListPage() {
  const { t, i18n } = useTranslation()
  const title = t('reports.listTitle')
  usePageTitle(title)
  const navigate = useNavigate()
  const settings = useMapSettings()
  const categories = useReportCategories()
  const [bounds, setBounds] = useState<Bounds | null>(null)
  const [filters, setFilters] = useState<ReportFilters>({ categories: [], statuses: ['open', 'in-progress'] })
  const list = useReportList(bounds, filters)
  const markers = useReportMarkers(bounds, filters)
  const names = useMemo(
    () => new Map((categories.data ?? []).map((category) => [category.code, category.name])),
    [categories.data],
  )
  const pins = useMemo<MapPin[]>(
    () =>
      (markers.data ?? []).map((marker) => ({
        ...marker,
        title: `${names.get(marker.categoryCode) ?? marker.categoryCode}, ${t(`reports.status.${marker.status as ReportStatus}`)} (${marker.code})`,
      })),
    [markers.data, names, t],
  )
  const items = list.data ?? []

  return (
    <div className="container pb-5" data-testid="reports-list-page">
      <PageHeader title={title} lead={t('reports.listLead')} />
      <p>
        <Link
          to={NEW_REPORT_PATH}
          className="btn btn-primary"
          data-element="report-inefficiency"
          data-testid="new-report"
        >
          {t('reports.list.new')}
        </Link>
      </p>
      <Filters filters={filters} onChange={setFilters} />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorAlert
          error={settings.error}
          title={t('reports.loadFailed')}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <ReportMap
          settings={settings.data}
          label={t('reports.list.mapLabel')}
          pins={pins}
          onPinOpen={(code) => navigate(reportPath(code))}
          onViewport={setBounds}
          testId="reports-map"
        />
      )}
      <h2 className="h4 mt-4" aria-live="polite">
        {list.isSuccess ? t('reports.list.count', { count: items.length }) : t('reports.list.inView')}
      </h2>
      {list.isError ? (
        <ErrorAlert error={list.error} title={t('reports.loadFailed')} onRetry={() => void list.refetch()} />
      ) : list.isPending && bounds !== null ? (
        <LoadingState />
      ) : items.length === 0 ? (
        <p data-testid="reports-empty">{t('reports.list.empty')}</p>
      ) : (
        <ul className="list-unstyled civico-report-list" data-testid="report-list">
          {items.map((report) => (
            <li
              key={report.code}
              className="civico-panel mb-2"
              data-testid="report-item"
              data-code={report.code}
            >
              <p className="mb-1 d-flex flex-wrap gap-2 align-items-center">
                <Link to={reportPath(report.code)} className="fw-semibold">
                  {report.category.name}
                </Link>
                <ReportStatusBadge status={report.status} />
              </p>
              {report.address ? <p className="mb-1">{report.address}</p> : null}
              <p className="small text-secondary mb-0">
                {t('reports.list.facts', {
                  code: report.code,
                  day: formatDay(report.createdAt, i18n.language),
                  count: report.supportCount,
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
