import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCity } from '../../app/city/city-api'
import { Icon } from '../../app/ui/icon'
import { usePageTitle } from '../../app/ui/use-page-title'
import { FEATURED_SERVICES } from '../catalogue/featured-services'
import { ServiceCard } from '../catalogue/service-card'
import { HomeHero } from './home-hero'

export function HomePage() {
  const { t } = useTranslation()
  const { data: city } = useCity()
  const cityLabel = city ? t('common.cityName', { name: city.name }) : t('common.cityPending')
  usePageTitle(t('home.pageTitle'))

  return (
    <>
      <HomeHero cityLabel={cityLabel} />
      <section className="container py-5" aria-labelledby="featured-services-title">
        <h2 id="featured-services-title" className="mb-4">
          {t('home.featuredServices')}
        </h2>
        <ul className="civico-card-grid">
          {FEATURED_SERVICES.map((service) => (
            <li key={service.slug}>
              <ServiceCard service={service} />
            </li>
          ))}
        </ul>
        <div className="mt-4">
          <Link to="/servizi" className="btn btn-outline-primary btn-icon">
            <span>{t('home.allServices')}</span>
            <Icon name="it-arrow-right" color="primary" className="ms-2" />
          </Link>
        </div>
      </section>
    </>
  )
}
