import { useTranslation } from 'react-i18next'
import { useCity } from '../../app/city/city-api'
import { Icon } from '../../app/ui/icon'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'

/** "Scrivi": the ways to reach the city, from the phone's bottom bar or the footer. */
export function WriteToCityPage() {
  const { t } = useTranslation()
  usePageTitle(t('writeToCity.pageTitle'))
  const city = useCity().data
  return (
    <div className="container pb-5" data-testid="write-to-city">
      <PageHeader title={t('writeToCity.title')} lead={t('writeToCity.lead')} />
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
