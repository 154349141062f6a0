import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCity } from '../../app/city/city-api'
import { useSession } from '../../app/session/session-api'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { usePageTitle } from '../../app/ui/use-page-title'
import {
  type ServiceSummary,
  useFeaturedServices,
  useMostVisitedServices,
  useRecentlyViewedServices,
} from '../catalogue/catalogue-api'
import { ServiceCard } from '../catalogue/service-card'
import { HomeHero } from './home-hero'

function ServiceSection({
  id,
  title,
  services,
  pending,
  testId,
}: {
  id: string
  title: string
  services: ServiceSummary[] | undefined
  pending: boolean
  testId: string
}) {
  if (!pending && (!services || services.length === 0)) return null
  return (
    <section className="container py-4" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="mb-4">
        {title}
      </h2>
      {services ? (
        <ul className="civico-card-grid">
          {services.map((service) => (
            <li key={service.slug}>
              <ServiceCard service={service} />
            </li>
          ))}
        </ul>
      ) : (
        <LoadingState />
      )}
    </section>
  )
}

/** The city's home: search, top tasks, services in evidence, the most visited and one's own last seen. */
export function HomePage() {
  const { t } = useTranslation()
  const { data: city } = useCity()
  const session = useSession().data
  const citizen = session?.authenticated === true && session.kind === 'citizen'
  const featured = useFeaturedServices()
  const mostVisited = useMostVisitedServices()
  const recent = useRecentlyViewedServices(citizen)
  const cityLabel = city ? t('common.cityName', { name: city.name }) : t('common.cityPending')
  usePageTitle(t('home.pageTitle'))

  return (
    <>
      <HomeHero cityLabel={cityLabel} />
      {citizen ? (
        <ServiceSection
          id="recent-services-title"
          title={t('home.recentServices')}
          services={recent.data}
          pending={recent.isPending}
          testId="recent-services"
        />
      ) : null}
      <ServiceSection
        id="featured-services-title"
        title={t('home.featuredServices')}
        services={featured.data}
        pending={featured.isPending}
        testId="featured-services"
      />
      <ServiceSection
        id="most-visited-title"
        title={t('home.mostVisited')}
        services={mostVisited.data}
        pending={mostVisited.isPending}
        testId="most-visited"
      />
      <div className="container pb-5">
        <Link to="/servizi" className="btn btn-outline-primary btn-icon">
          <span>{t('home.allServices')}</span>
          <Icon name="it-arrow-right" color="primary" className="ms-2" />
        </Link>
      </div>
    </>
  )
}
