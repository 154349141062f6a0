import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useCity } from '../../app/city/city-api'
import { NotFoundPage } from '../../app/not-found-page'
import { ComingSoonNotice } from '../../app/ui/coming-soon-notice'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { isServiceSlug, type ServiceSlug } from './featured-services'

function ServicePlaceholder({ slug }: { slug: ServiceSlug }) {
  const { t } = useTranslation()
  const { data: city } = useCity()
  const title = t(`catalogue.services.${slug}.title`)
  usePageTitle(title)
  return (
    <div className="container pb-5">
      <PageHeader
        title={title}
        lead={t(`catalogue.services.${slug}.description`)}
        parents={[{ label: t('catalogue.pageTitle'), to: '/servizi' }]}
      />
      <ComingSoonNotice title={t('catalogue.serviceComingSoonTitle')}>
        {city
          ? t('catalogue.serviceComingSoonText', { phone: city.contactPhone, email: city.contactEmail })
          : t('catalogue.serviceComingSoonTextNoContacts')}
      </ComingSoonNotice>
    </div>
  )
}

/** A service's page; for now every service says it is coming, and unknown slugs get the 404 page. */
export function ServicePage() {
  const { slug } = useParams()
  return isServiceSlug(slug) ? <ServicePlaceholder slug={slug} /> : <NotFoundPage />
}
