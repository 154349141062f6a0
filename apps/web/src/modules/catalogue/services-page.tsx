import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { FEATURED_SERVICES, type ServiceSummary } from './featured-services'
import { ServiceCard } from './service-card'

/** Case- and accent-insensitive, so "residenza" finds "Residènza" and "tari" finds "TARI". */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

function matches(service: ServiceSummary, query: string, t: TFunction): boolean {
  const haystack = normalise(
    `${t(`catalogue.services.${service.slug}.title`)} ${t(`catalogue.services.${service.slug}.description`)}`,
  )
  return normalise(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}

/** All services, optionally filtered by the words typed in the home page search box. */
export function ServicesPage() {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const query = (searchParams.get('q') ?? '').trim()
  const services = query
    ? FEATURED_SERVICES.filter((service) => matches(service, query, t))
    : FEATURED_SERVICES
  usePageTitle(t('catalogue.pageTitle'))

  return (
    <div className="container pb-5">
      <PageHeader title={t('catalogue.pageTitle')} lead={t('catalogue.lead')} />
      {query ? (
        <p role="status" className="mb-4">
          {services.length > 0
            ? t('catalogue.searchResults', { count: services.length, query })
            : t('catalogue.noResults', { query })}{' '}
          <Link to="/servizi">{t('catalogue.clearSearch')}</Link>
        </p>
      ) : null}
      {services.length > 0 ? (
        <ul className="civico-card-grid">
          {services.map((service) => (
            <li key={service.slug}>
              <ServiceCard service={service} headingLevel="h2" />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
