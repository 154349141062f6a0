import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, type RouteObject } from 'react-router'
import { BACK_OFFICE_PATH } from '../../app/paths'
import { useSignedInSession } from '../../app/session/session-api'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from '../backoffice/back-office-page'
import { CallPage } from './call-page'
import { CitizenPage } from './citizen-page'
import { CitizensPage } from './citizens-page'
import { isCrmStaff, isCrmSupervisor } from './crm-roles'
import { QueuePage } from './queue-page'
import { SupervisorPage } from './supervisor-page'
import { TicketPage } from './ticket-page'

function CrmNotAllowed({ supervisorsOnly }: { supervisorsOnly: boolean }) {
  const { t } = useTranslation()
  const title = supervisorsOnly ? t('crm.notAllowed.supervisorsTitle') : t('crm.notAllowed.title')
  usePageTitle(useBackOfficeTitle(title))
  return (
    <BackOfficePage title={title} testId="not-allowed">
      <p>{supervisorsOnly ? t('crm.notAllowed.supervisorsText') : t('crm.notAllowed.text')}</p>
      <Link to={BACK_OFFICE_PATH}>{t('backOffice.nav.home')}</Link>
    </BackOfficePage>
  )
}

/** The console is for operators and supervisors; the server enforces the same rule. */
function RequireCrmStaff({ children }: { children: ReactNode }) {
  const session = useSignedInSession()
  if (!session || !isCrmStaff(session)) return <CrmNotAllowed supervisorsOnly={false} />
  return <>{children}</>
}

function RequireCrmSupervisor({ children }: { children: ReactNode }) {
  const session = useSignedInSession()
  if (!session || !isCrmSupervisor(session)) return <CrmNotAllowed supervisorsOnly />
  return <>{children}</>
}

const staffPage = (element: ReactNode) => <RequireCrmStaff>{element}</RequireCrmStaff>

/** The CRM's pages inside the back office shell (children of /backoffice). */
export const crmRoutes: RouteObject[] = [
  { path: 'richieste', element: staffPage(<QueuePage />) },
  { path: 'richieste/:code', element: staffPage(<TicketPage />) },
  { path: 'cittadini', element: staffPage(<CitizensPage />) },
  { path: 'cittadini/:fiscalCode', element: staffPage(<CitizenPage />) },
  { path: 'chiamate/nuova', element: staffPage(<CallPage />) },
  {
    path: 'crm/:section?',
    element: (
      <RequireCrmSupervisor>
        <SupervisorPage />
      </RequireCrmSupervisor>
    ),
  },
]
