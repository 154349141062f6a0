import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay } from '../../app/i18n/format'
import { BACK_OFFICE_SERVICES_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { useEditorServices } from './catalogue-editor-api'

/** Every service of the catalogue, active or not, each leading to its editing form. */
export function ServicesEditorPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(useBackOfficeTitle(t('backOffice.services.title')))
  const services = useEditorServices()
  return (
    <BackOfficePage
      title={t('backOffice.services.title')}
      lead={t('backOffice.services.lead')}
      testId="services-editor"
    >
      {services.isPending ? <LoadingState /> : null}
      {services.isError ? (
        <ErrorAlert error={services.error} onRetry={() => void services.refetch()} />
      ) : null}
      {services.data ? (
        <ScrollableTable
          label={t('backOffice.services.title')}
          caption={t('backOffice.services.caption')}
          testId="services-table"
        >
          <thead>
            <tr>
              <th scope="col">{t('backOffice.services.service')}</th>
              <th scope="col">{t('backOffice.services.category')}</th>
              <th scope="col">{t('backOffice.services.status')}</th>
              <th scope="col">{t('backOffice.services.featured')}</th>
              <th scope="col">{t('backOffice.services.updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {services.data.map((service) => (
              <tr key={service.slug}>
                <td>
                  <Link to={`${BACK_OFFICE_SERVICES_PATH}/${service.slug}`}>{service.title}</Link>
                </td>
                <td>{service.categoryName}</td>
                <td>{t(`backOffice.services.statuses.${service.status}`)}</td>
                <td>
                  {service.featured
                    ? t('backOffice.services.featuredAt', { order: service.featuredOrder })
                    : '—'}
                </td>
                <td>{formatDay(service.updatedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      ) : null}
    </BackOfficePage>
  )
}
