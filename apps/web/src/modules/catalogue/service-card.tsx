import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Icon, type IconName } from '../../app/ui/icon'
import type { ServiceSummary } from './catalogue-api'

/** The icon of a service's category; services of a new category get a generic one. */
const CATEGORY_ICONS: Record<string, IconName> = {
  'anagrafe-e-stato-civile': 'it-files',
  'mobilita-e-trasporti': 'it-car',
  'tributi-e-pagamenti': 'it-card',
  'educazione-e-formazione': 'it-bookmark',
  'cultura-e-tempo-libero': 'it-note',
  'lavoro-e-concorsi': 'it-pa',
  'vita-in-citta': 'it-map-marker',
  'servizi-al-cittadino': 'it-calendar',
}

export function servicePath(slug: string): string {
  return `/servizi/${slug}`
}

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
          {service.title}
        </Link>
        <span className="it-card-title-icon-wrapper" aria-hidden="true">
          <Icon name={CATEGORY_ICONS[service.category.slug] ?? 'it-pa'} color="primary" />
        </span>
      </Heading>
      <div className="it-card-body">
        <p className="it-card-text">{service.summary}</p>
      </div>
      <footer className="it-card-related it-card-footer">
        <span className="text-secondary small">{service.category.name}</span>
        {service.channels.includes('online') ? (
          <span className="badge civico-badge-verified">{t('catalogue.online')}</span>
        ) : null}
      </footer>
    </article>
  )
}
