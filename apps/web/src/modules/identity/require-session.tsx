import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation } from 'react-router'
import { BACK_OFFICE_PATH } from '../../app/paths'
import { useSession } from '../../app/session/session-api'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { usePageTitle } from '../../app/ui/use-page-title'
import { currentPath, loginPagePath } from './sign-in-urls'

/**
 * Lets only signed-in citizens through. Anonymous visitors go to the login page, which brings them
 * back here; staff are told the page is for citizens. Navigation state (a notice such as "session
 * expired") travels along, so the login page can say why the person is there.
 */
export function RequireCitizen({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const location = useLocation()
  const session = useSession()
  if (session.isPending) {
    return (
      <div className="container">
        <LoadingState />
      </div>
    )
  }
  if (session.isError) {
    return (
      <div className="container pt-4">
        <ErrorAlert
          error={session.error}
          title={t('session.loadFailed')}
          onRetry={() => void session.refetch()}
        />
      </div>
    )
  }
  const data = session.data
  if (!data.authenticated) {
    return <Navigate to={loginPagePath(currentPath(location))} replace state={location.state} />
  }
  if (data.kind !== 'citizen') return <CitizensOnlyNotice />
  return <>{children}</>
}

function CitizensOnlyNotice() {
  const { t } = useTranslation()
  usePageTitle(t('guards.citizensOnlyTitle'))
  return (
    <div className="container py-5">
      <h1>{t('guards.citizensOnlyTitle')}</h1>
      <p>{t('guards.citizensOnlyText')}</p>
      <Link to={BACK_OFFICE_PATH} className="btn btn-primary">
        {t('userMenu.backOffice')}
      </Link>
    </div>
  )
}
