import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCity } from '../../app/city/city-api'
import { TICKETS_SECTION_PATH, WRITE_REQUEST_PATH, WRITE_TO_MAYOR_PATH } from '../../app/paths'
import { useSignedInSession } from '../../app/session/session-api'
import { Icon } from '../../app/ui/icon'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'

/** The online forms: a request to the city's offices, or a letter to the mayor. */
function OnlineForms() {
  const { t } = useTranslation()
  const session = useSignedInSession()
  const forms = [
    {
      key: 'city',
      to: WRITE_REQUEST_PATH,
      icon: 'it-pencil',
      title: t('tickets.links.cityTitle'),
      text: t('tickets.links.cityText'),
      action: t('tickets.links.cityAction'),
    },
    {
      key: 'mayor',
      to: WRITE_TO_MAYOR_PATH,
      icon: 'it-mail',
      title: t('tickets.links.mayorTitle'),
      text: t('tickets.links.mayorText'),
      action: t('tickets.links.mayorAction'),
    },
  ] as const
  return (
    <section aria-labelledby="online-title" className="mb-4" data-testid="write-online">
      <h2 id="online-title" className="h4">
        {t('tickets.links.onlineTitle')}
      </h2>
      <p>{t('tickets.links.onlineText')}</p>
      <ul className="civico-record-list">
        {forms.map((form) => (
          <li key={form.key} className="civico-panel">
            <h3 className="h5 d-flex align-items-center gap-2">
              <Icon name={form.icon} color="primary" />
              {form.title}
            </h3>
            <p>{form.text}</p>
            <Link to={form.to} className="btn btn-primary btn-sm" data-testid={`write-${form.key}`}>
              {form.action}
            </Link>
          </li>
        ))}
      </ul>
      {session?.kind === 'citizen' ? <Link to={TICKETS_SECTION_PATH}>{t('tickets.links.mine')}</Link> : null}
    </section>
  )
}

/** "Scrivi": the online forms and the other ways to reach the city, from the phone's bottom bar or the footer. */
export function WriteToCityPage() {
  const { t } = useTranslation()
  usePageTitle(t('writeToCity.pageTitle'))
  const city = useCity().data
  return (
    <div className="container pb-5" data-testid="write-to-city">
      <PageHeader title={t('writeToCity.title')} lead={t('writeToCity.lead')} />
      <OnlineForms />
      {city ? (
        <section aria-labelledby="channels-title">
          <h2 id="channels-title" className="h4">
            {t('writeToCity.channels')}
          </h2>
          <ul className="civico-record-list">
            <li className="civico-panel d-flex align-items-center gap-3">
              <Icon name="it-telephone" color="primary" />
              <span>
                {t('writeToCity.phone')}:{' '}
                <a href={`tel:${city.contactPhone.replace(/\s+/g, '')}`} className="fw-semibold">
                  {city.contactPhone}
                </a>
              </span>
            </li>
            <li className="civico-panel d-flex align-items-center gap-3">
              <Icon name="it-mail" color="primary" />
              <span>
                {t('writeToCity.email')}:{' '}
                <a href={`mailto:${city.contactEmail}`} className="fw-semibold">
                  {city.contactEmail}
                </a>
              </span>
            </li>
          </ul>
        </section>
      ) : null}
    </div>
  )
}
