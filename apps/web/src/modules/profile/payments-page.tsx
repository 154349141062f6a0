import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PERSONAL_AREA_PATH } from '../../app/paths'
import { Icon } from '../../app/ui/icon'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { RequireLevel } from '../identity/step-up'
import { PaymentsList } from '../payments/payments-list'

/** Payment notices need SPID level 2 or CIE: the citizen's pagoPA notices, paid online. */
export function PaymentsPage() {
  const { t } = useTranslation()
  usePageTitle(t('payments.pageTitle'))
  return (
    <div className="container pb-5" data-testid="payments-page">
      <PageHeader
        title={t('payments.title')}
        lead={t('payments.lead')}
        parents={[{ label: t('personalArea.title'), to: PERSONAL_AREA_PATH }]}
      />
      <RequireLevel level={2} reason={t('payments.levelReason')}>
        <PaymentsList
          empty={
            <div className="civico-empty-state" data-testid="payments-empty">
              <Icon name="it-card" size="lg" color="primary" className="mb-2" />
              <h2 className="h5">{t('payments.emptyTitle')}</h2>
              <p>{t('payments.emptyText')}</p>
              <Link to={PERSONAL_AREA_PATH} className="btn btn-outline-primary btn-sm">
                {t('payments.back')}
              </Link>
            </div>
          }
        />
      </RequireLevel>
    </div>
  )
}
