import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BACK_OFFICE_PATH } from '../../app/paths'
import { type SignedInSession, useSignedInSession } from '../../app/session/session-api'
import { usePageTitle } from '../../app/ui/use-page-title'
import { isCalendarReader } from './appointment-admin-api'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { isContactCentre } from './contact-centre-booking-api'
import { isCounterStaff } from './counter-desk-api'
import { isPaymentsOffice } from './payments-desk-api'
import { isAdmin, isCatalogueEditor, isCommunication, isOperator } from './staff-roles'

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

function RequireRole({
  allowed,
  children,
}: {
  allowed: (session: SignedInSession) => boolean
  children: ReactNode
}) {
  const session = useSignedInSession()
  if (!session || !allowed(session)) return <NotAllowed />
  return <>{children}</>
}

/** Administration pages are for administrators; others reaching one by address are told so. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  return <RequireRole allowed={isAdmin}>{children}</RequireRole>
}

/** Pages showing citizens' data are for operators and supervisors. */
export function RequireOperator({ children }: { children: ReactNode }) {
  return <RequireRole allowed={isOperator}>{children}</RequireRole>
}

/** The catalogue's editing pages are for administrators and supervisors. */
export function RequireCatalogueEditor({ children }: { children: ReactNode }) {
  return <RequireRole allowed={isCatalogueEditor}>{children}</RequireRole>
}

/** Newsletter campaigns are for the communication office and administrators. */
export function RequireCommunication({ children }: { children: ReactNode }) {
  return <RequireRole allowed={isCommunication}>{children}</RequireRole>
}

/** The payments office's desk (rolls, debtors' positions, refunds) is for administrators and supervisors. */
export function RequirePaymentsOffice({ children }: { children: ReactNode }) {
  return <RequireRole allowed={isPaymentsOffice}>{children}</RequireRole>
}

/** The counter desk is for operators, supervisors and administrators. */
export function RequireCounterStaff({ children }: { children: ReactNode }) {
  return <RequireRole allowed={isCounterStaff}>{children}</RequireRole>
}

/** The appointments calendar (offices, services, hours, closures): administrators change it, supervisors read it. */
export function RequireCalendarReader({ children }: { children: ReactNode }) {
  return <RequireRole allowed={isCalendarReader}>{children}</RequireRole>
}

/** Booking on a citizen's behalf (020202) is for operators, supervisors and administrators. */
export function RequireContactCentre({ children }: { children: ReactNode }) {
  return <RequireRole allowed={isContactCentre}>{children}</RequireRole>
}
