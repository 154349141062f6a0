import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import {
  BACK_OFFICE_API_CLIENTS_PATH,
  BACK_OFFICE_APPOINTMENTS_ADMIN_PATH,
  BACK_OFFICE_CONTACT_CENTRE_BOOKING_PATH,
  BACK_OFFICE_STAFF_PATH,
  BACK_OFFICE_TEAMS_PATH,
} from '../../app/paths'
import { useSignedInSession } from '../../app/session/session-api'
import { usePageTitle } from '../../app/ui/use-page-title'
import { isCalendarReader } from './appointment-admin-api'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { isContactCentre } from './contact-centre-booking-api'
import { isPaymentsOffice } from './payments-desk-api'
import { PAYMENTS_DESK_PATH } from './payments-desk-page'
import { isStaffRole } from './staff-api'
import { isAdmin } from './staff-roles'
import { useTeams } from './teams-api'

/** Who is at the desk: name, roles and teams; for administrators, the ways into administration. */
export function BackOfficeHomePage() {
  const { t } = useTranslation()
  const session = useSignedInSession()
  const canReadTeams = session
    ? session.roles.includes('admin') || session.roles.includes('supervisor')
    : false
  const teams = useTeams({ enabled: canReadTeams })
  usePageTitle(useBackOfficeTitle(t('backOffice.home.title')))
  if (!session) return null
  const teamName = (code: string) => teams.data?.find((team) => team.code === code)?.name ?? code

  return (
    <BackOfficePage
      title={t('backOffice.home.title')}
      lead={t('backOffice.home.greeting', { name: session.displayName })}
      testId="back-office-home"
    >
      <div className="row g-4">
        <section className="col-12 col-md-6" aria-labelledby="bo-roles-title">
          <div className="civico-panel h-100">
            <h2 id="bo-roles-title" className="h5">
              {t('backOffice.home.roles')}
            </h2>
            <ul className="civico-tag-list" data-testid="staff-roles">
              {session.roles.map((role) => (
                <li key={role} className="badge bg-primary">
                  {isStaffRole(role) ? t(`backOffice.roles.${role}`) : role}
                </li>
              ))}
            </ul>
          </div>
        </section>
        <section className="col-12 col-md-6" aria-labelledby="bo-teams-title">
          <div className="civico-panel h-100">
            <h2 id="bo-teams-title" className="h5">
              {t('backOffice.home.teams')}
            </h2>
            {session.teams.length === 0 ? (
              <p className="mb-0">{t('backOffice.home.noTeams')}</p>
            ) : (
              <ul className="mb-0" data-testid="staff-teams">
                {session.teams.map((code) => (
                  <li key={code}>{teamName(code)}</li>
                ))}
              </ul>
            )}
          </div>
        </section>
        {isContactCentre(session) || isCalendarReader(session) ? (
          <section
            className="col-12"
            aria-labelledby="bo-appointments-title"
            data-testid="appointments-section"
          >
            <div className="civico-panel">
              <h2 id="bo-appointments-title" className="h5">
                {t('appointmentsAdmin.home.title')}
              </h2>
              <ul className="civico-admin-links">
                {isContactCentre(session) ? (
                  <li>
                    <Link to={BACK_OFFICE_CONTACT_CENTRE_BOOKING_PATH}>{t('contactCentreBooking.nav')}</Link>
                    <span> - {t('contactCentreBooking.home.hint')}</span>
                  </li>
                ) : null}
                {isCalendarReader(session) ? (
                  <li>
                    <Link to={BACK_OFFICE_APPOINTMENTS_ADMIN_PATH}>{t('appointmentsAdmin.nav.title')}</Link>
                    <span> - {t('appointmentsAdmin.home.hint')}</span>
                  </li>
                ) : null}
              </ul>
            </div>
          </section>
        ) : null}
        {isPaymentsOffice(session) ? (
          <section
            className="col-12"
            aria-labelledby="bo-payments-title"
            data-testid="payments-office-section"
          >
            <div className="civico-panel">
              <h2 id="bo-payments-title" className="h5">
                {t('paymentsDesk.home.title')}
              </h2>
              <ul className="civico-admin-links">
                <li>
                  <Link to={PAYMENTS_DESK_PATH}>{t('paymentsDesk.title')}</Link>
                  <span> - {t('paymentsDesk.home.hint')}</span>
                </li>
              </ul>
            </div>
          </section>
        ) : null}
        {isAdmin(session) ? (
          <section className="col-12" aria-labelledby="bo-admin-title" data-testid="admin-sections">
            <div className="civico-panel">
              <h2 id="bo-admin-title" className="h5">
                {t('backOffice.home.administration')}
              </h2>
              <ul className="civico-admin-links">
                <li>
                  <Link to={BACK_OFFICE_STAFF_PATH}>{t('backOffice.nav.staff')}</Link>
                  <span> - {t('backOffice.home.staffHint')}</span>
                </li>
                <li>
                  <Link to={BACK_OFFICE_TEAMS_PATH}>{t('backOffice.nav.teams')}</Link>
                  <span> - {t('backOffice.home.teamsHint')}</span>
                </li>
                <li>
                  <Link to={BACK_OFFICE_API_CLIENTS_PATH}>{t('backOffice.nav.apiClients')}</Link>
                  <span> - {t('backOffice.home.apiClientsHint')}</span>
                </li>
              </ul>
            </div>
          </section>
        ) : null}
        <section className="col-12" aria-labelledby="bo-work-title">
          <div className="civico-empty-state text-start">
            <h2 id="bo-work-title" className="h5">
              {t('backOffice.home.workTitle')}
            </h2>
            <p className="mb-0">{t('backOffice.home.workText')}</p>
          </div>
        </section>
      </div>
    </BackOfficePage>
  )
}
