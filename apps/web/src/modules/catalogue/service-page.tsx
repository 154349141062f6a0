import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { formatDay } from '../../app/i18n/format'
import { NotFoundPage } from '../../app/not-found-page'
import { LOGIN_PATH } from '../../app/paths'
import { useSession } from '../../app/session/session-api'
import { Breadcrumb } from '../../app/ui/breadcrumb'
import { LoadingState } from '../../app/ui/loading-state'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ProblemNotice } from '../identity/problem-notice'
import { type ServicePage as ServicePageData, useCountServiceView, useServicePage } from './catalogue-api'

/** The sections of a *modello Comuni* service page, in the order its index lists them. */
const SECTION_IDS = [
  'whoIsItFor',
  'howTo',
  'whatYouNeed',
  'whatYouGet',
  'timesAndDeadlines',
  'access',
  'conditions',
  'contacts',
] as const
type SectionId = (typeof SECTION_IDS)[number]

const ANCHORS: Record<SectionId, string> = {
  whoIsItFor: 'a-chi-e-rivolto',
  howTo: 'come-fare',
  whatYouNeed: 'cosa-serve',
  whatYouGet: 'cosa-si-ottiene',
  timesAndDeadlines: 'tempi-e-scadenze',
  access: 'accedi-al-servizio',
  conditions: 'condizioni-di-servizio',
  contacts: 'contatti',
}

function isInternal(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//')
}

function AccessButton({ service }: { service: ServicePageData }) {
  const { url, label } = service.sections.access
  const className = 'btn btn-primary'
  return isInternal(url) ? (
    <Link to={url} className={className}>
      {label}
    </Link>
  ) : (
    <a href={url} className={className} rel="noopener">
      {label}
    </a>
  )
}

function SectionBody({ id, service }: { id: SectionId; service: ServicePageData }) {
  const { t } = useTranslation()
  const { sections } = service
  switch (id) {
    case 'howTo':
      return (
        <ol>
          {sections.howTo.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )
    case 'whatYouNeed':
      return (
        <ul>
          {sections.whatYouNeed.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )
    case 'access':
      return (
        <>
          {service.onlineAccessLevel ? (
            <p>{t('catalogue.page.accessLevel', { level: service.onlineAccessLevel })}</p>
          ) : null}
          <AccessButton service={service} />
          {service.onlineAccessLevel ? (
            <p className="small mt-2">
              <Link to={LOGIN_PATH}>{t('catalogue.page.signIn')}</Link>
            </p>
          ) : null}
        </>
      )
    case 'contacts':
      return (
        <address className="mb-0">
          <strong>{sections.contacts.office}</strong>
          {sections.contacts.phone ? (
            <>
              <br />
              {t('catalogue.page.phone')}:{' '}
              <a href={`tel:${sections.contacts.phone.replace(/\s+/g, '')}`}>{sections.contacts.phone}</a>
            </>
          ) : null}
          {sections.contacts.email ? (
            <>
              <br />
              {t('catalogue.page.email')}:{' '}
              <a href={`mailto:${sections.contacts.email}`}>{sections.contacts.email}</a>
            </>
          ) : null}
        </address>
      )
    default:
      return <p>{sections[id]}</p>
  }
}

function ServiceContent({ service }: { service: ServicePageData }) {
  const { t, i18n } = useTranslation()
  usePageTitle(service.title)
  const active = service.status === 'active'
  return (
    <div className="container pb-5" data-testid="service-page">
      <div className="pt-4 pb-2">
        <Breadcrumb
          parents={[
            { label: t('catalogue.pageTitle'), to: '/servizi' },
            { label: service.category.name, to: `/servizi?categoria=${service.category.slug}` },
          ]}
          current={service.title}
        />
        <h1 className="mb-3" data-element="service-title">
          {service.title}
        </h1>
        <p className="d-flex flex-wrap gap-2 mb-3">
          <span
            className={`badge ${active ? 'civico-badge-verified' : 'civico-badge-alert'}`}
            data-element="service-status"
          >
            {t(active ? 'catalogue.page.active' : 'catalogue.page.inactive')}
          </span>
          <Link
            to={`/servizi?categoria=${service.category.slug}`}
            className="badge civico-badge-neutral"
            data-element="service-topic"
          >
            {service.category.name}
          </Link>
        </p>
        <p className="lead" data-element="service-description">
          {service.summary}
        </p>
        {active ? <AccessButton service={service} /> : null}
      </div>
      <div className="row g-4 mt-2">
        <nav className="col-12 col-lg-3" aria-labelledby="page-index-title" data-element="page-index">
          <div className="civico-panel">
            <h2 id="page-index-title" className="h6 text-uppercase">
              {t('catalogue.page.index')}
            </h2>
            <ul className="list-unstyled mb-0">
              {SECTION_IDS.map((id) => (
                <li key={id} className="mb-1">
                  <a href={`#${ANCHORS[id]}`}>{t(`catalogue.page.sections.${id}`)}</a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
        <div className="col-12 col-lg-9">
          {SECTION_IDS.map((id) => (
            <section key={id} id={ANCHORS[id]} className="mb-4" aria-labelledby={`${ANCHORS[id]}-title`}>
              <h2 id={`${ANCHORS[id]}-title`} className="h4">
                {t(`catalogue.page.sections.${id}`)}
              </h2>
              <SectionBody id={id} service={service} />
            </section>
          ))}
          <p className="small text-secondary">
            {t('catalogue.page.updatedAt', { date: formatDay(service.updatedAt, i18n.language) })}
          </p>
        </div>
      </div>
      <script type="application/ld+json" data-element="metatag">
        {JSON.stringify(service.jsonLd)}
      </script>
    </div>
  )
}

/** A service's page from the catalogue; unknown services get the 404 page. Each visit is counted. */
export function ServicePage() {
  const { t } = useTranslation()
  const { slug } = useParams()
  const page = useServicePage(slug)
  const countView = useCountServiceView()
  const countFor = countView.mutate
  // Counted once the page shows and the session is known, so a signed-in visit carries its CSRF token.
  const sessionKnown = useSession().isSuccess
  const shownSlug = page.data?.slug
  useEffect(() => {
    if (shownSlug && sessionKnown) countFor(shownSlug)
  }, [shownSlug, sessionKnown, countFor])
  if (page.isError && isApiError(page.error) && page.error.status === 404) return <NotFoundPage />
  if (page.data) return <ServiceContent service={page.data} />
  return (
    <div className="container py-4">
      {page.isError ? (
        <ProblemNotice
          error={page.error}
          title={t('catalogue.page.loadFailed')}
          onRetry={() => void page.refetch()}
        />
      ) : (
        <LoadingState />
      )}
    </div>
  )
}
