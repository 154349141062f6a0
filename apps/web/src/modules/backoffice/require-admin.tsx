import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BACK_OFFICE_PATH } from '../../app/paths'
import { useSignedInSession } from '../../app/session/session-api'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { isAdmin } from './staff-roles'

function NotAllowed() {
  const { t } = useTranslation()
  usePageTitle(useBackOfficeTitle(t('backOffice.notAllowed.title')))
  return (
    <BackOfficePage title={t('backOffice.notAllowed.title')} testId="not-allowed">
      <p>{t('backOffice.notAllowed.text')}</p>
      <Link to={BACK_OFFICE_PATH}>{t('backOffice.nav.home')}</Link>
    </BackOfficePage>
  )
}

/** Administration pages are for administrators; others reaching one by address are told so. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const session = useSignedInSession()
  if (!session || !isAdmin(session)) return <NotAllowed />
  return <>{children}</>
}
