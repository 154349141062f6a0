import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Icon } from '../../app/ui/icon'
import { type ServiceSummary, servicePath } from './featured-services'

interface ServiceCardProps {
  service: ServiceSummary
  /** Heading level that fits the page the card sits in. */
  headingLevel?: 'h2' | 'h3'
}

/** A service in a list: its name leads to its page; the whole card is clickable. */
export function ServiceCard({ service, headingLevel = 'h3' }: ServiceCardProps) {
  const { t } = useTranslation()
  const Heading = headingLevel
  return (
    <article className="it-card it-card-height-full rounded shadow-sm border civico-service-card">
      <Heading className="it-card-title it-card-title-icon h5">
        <Link to={servicePath(service.slug)} className="stretched-link" data-element="service-link">
          {t(`catalogue.services.${service.slug}.title`)}
        </Link>
        <span className="it-card-title-icon-wrapper" aria-hidden="true">
          <Icon name={service.icon} color="primary" />
        </span>
      </Heading>
      <div className="it-card-body">
        <p className="it-card-text">{t(`catalogue.services.${service.slug}.description`)}</p>
      </div>
      <footer className="it-card-related it-card-footer">
        <span className="badge bg-secondary">{t('common.comingSoon')}</span>
      </footer>
    </article>
  )
}
