import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ProblemNotice } from '../identity/problem-notice'
import { useCategories, useServiceList } from './catalogue-api'
import { ServiceCard } from './service-card'

/** Every active service: by category, searched in Italian or English, a page at a time. */
export function ServicesPage() {
  const { t } = useTranslation()
  const searchId = useId()
  const [params, setParams] = useSearchParams()
  const q = (params.get('q') ?? '').trim()
  const category = params.get('categoria') ?? undefined
  const page = Math.max(1, Number(params.get('pagina')) || 1)
  const [typed, setTyped] = useState(q)
  useEffect(() => setTyped(q), [q])
  const categories = useCategories()
  const list = useServiceList({ category, q: q || undefined, page })
  usePageTitle(t('catalogue.pageTitle'))

  const go = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next)
  }
  const onSearch = (event: FormEvent) => {
    event.preventDefault()
    go({ q: typed.trim() || undefined, pagina: undefined })
  }
  const data = list.data
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1

  return (
    <div className="container pb-5" data-testid="services-page">
      <PageHeader title={t('catalogue.pageTitle')} lead={t('catalogue.lead')} />
      <search className="mb-4">
        <form onSubmit={onSearch} className="d-flex flex-wrap gap-2 align-items-end">
          <div className="flex-grow-1">
            <label htmlFor={searchId} className="civico-field-label">
              {t('catalogue.searchLabel')}
            </label>
            <input
              id={searchId}
              type="search"
              className="form-control"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
            />
          </div>
          <button type="submit" className="btn btn-primary">
            <Icon name="it-search" color="white" size="sm" className="me-1" />
            {t('home.searchButton')}
          </button>
        </form>
      </search>
      {categories.data ? (
        <nav aria-label={t('catalogue.categoriesLabel')} className="mb-4">
          <ul className="civico-tag-list d-flex flex-wrap gap-2">
            <li>
              <Link
                to={q ? `/servizi?q=${encodeURIComponent(q)}` : '/servizi'}
                className={`chip chip-simple${category ? '' : ' chip-primary'}`}
                aria-current={category ? undefined : 'page'}
              >
                <span className="chip-label">{t('catalogue.allCategories')}</span>
              </Link>
            </li>
            {categories.data.map((entry) => (
              <li key={entry.slug}>
                <Link
                  to={`/servizi?categoria=${entry.slug}${q ? `&q=${encodeURIComponent(q)}` : ''}`}
                  className={`chip chip-simple${category === entry.slug ? ' chip-primary' : ''}`}
                  aria-current={category === entry.slug ? 'page' : undefined}
                  data-element="service-category-link"
                >
                  <span className="chip-label">{entry.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {list.isError ? <ProblemNotice error={list.error} onRetry={() => void list.refetch()} /> : null}
      {!data && list.isPending ? <LoadingState /> : null}
      {data ? (
        <>
          <p role="status" className="mb-4" data-testid="services-count">
            {q
              ? data.total > 0
                ? t('catalogue.searchResults', { count: data.total, query: q })
                : t('catalogue.noResults', { query: q })
              : t('catalogue.serviceCount', { count: data.total })}{' '}
            {q ? <Link to="/servizi">{t('catalogue.clearSearch')}</Link> : null}
          </p>
          <ul className="civico-card-grid">
            {data.items.map((service) => (
              <li key={service.slug}>
                <ServiceCard service={service} headingLevel="h2" />
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav className="pagination-wrapper mt-4" aria-label={t('catalogue.pagination')}>
              <ul className="pagination">
                {Array.from({ length: pages }, (_, index) => index + 1).map((number) => (
                  <li key={number} className="page-item">
                    <button
                      type="button"
                      className={`page-link${number === page ? ' active' : ''}`}
                      aria-current={number === page ? 'page' : undefined}
                      onClick={() => go({ pagina: number === 1 ? undefined : String(number) })}
                    >
                      <span className="visually-hidden">{t('catalogue.pageNumber')} </span>
                      {number}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
