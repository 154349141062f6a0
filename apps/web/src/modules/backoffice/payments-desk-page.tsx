import { useTranslation } from 'react-i18next'
import { BACK_OFFICE_PATH } from '../../app/paths'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { ImportedRolls } from './imported-rolls'
import { PositionSearch } from './position-search'
import { RollImportForm } from './roll-import-form'

export const PAYMENTS_DESK_PATH = `${BACK_OFFICE_PATH}/pagamenti`

/** The payments office: import a roll, see the rolls imported, look up a debtor and refund. */
export function PaymentsDeskPage() {
  const { t } = useTranslation()
  usePageTitle(useBackOfficeTitle(t('paymentsDesk.title')))
  return (
    <BackOfficePage title={t('paymentsDesk.title')} lead={t('paymentsDesk.lead')} testId="payments-desk">
      <RollImportForm />
      <ImportedRolls />
      <PositionSearch />
    </BackOfficePage>
  )
}
