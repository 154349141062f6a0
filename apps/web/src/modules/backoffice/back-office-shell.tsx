import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router'
import { useCity } from '../../app/city/city-api'
import {
  BACK_OFFICE_API_CLIENTS_PATH,
  BACK_OFFICE_APPOINTMENTS_ADMIN_PATH,
  BACK_OFFICE_CITIZENS_PATH,
  BACK_OFFICE_CONTACT_CENTRE_BOOKING_PATH,
  BACK_OFFICE_COUNTER_DESK_PATH,
  BACK_OFFICE_CRM_DASHBOARD_PATH,
  BACK_OFFICE_FOLDER_PATH,
  BACK_OFFICE_NEW_CALL_PATH,
  BACK_OFFICE_NEWSLETTER_PATH,
  BACK_OFFICE_PATH,
  BACK_OFFICE_RULES_PATH,
  BACK_OFFICE_SERVICES_PATH,
  BACK_OFFICE_STAFF_PATH,
  BACK_OFFICE_TEAMS_PATH,
  BACK_OFFICE_TICKETS_PATH,
} from '../../app/paths'
import { type SignedInSession, useSession } from '../../app/session/session-api'
import { FOOTER_ID, MAIN_CONTENT_ID } from '../../app/shell/landmarks'
import { LanguageSwitch } from '../../app/shell/language-switch'
import { SkipLinks } from '../../app/shell/skip-links'
import { useFocusMainOnNavigation } from '../../app/shell/use-focus-main-on-navigation'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { usePageTitle } from '../../app/ui/use-page-title'
import { isCrmStaff, isCrmSupervisor } from '../crm/crm-roles'
import { SessionKeeper } from '../identity/session-keeper'
import { ShellNoticeBanner } from '../identity/shell-notice'
import { currentPath, staffSignInUrl } from '../identity/sign-in-urls'
import { UserMenu } from '../identity/user-menu'
import { isCalendarReader } from './appointment-admin-api'
import { isContactCentre } from './contact-centre-booking-api'
import { isCounterStaff } from './counter-desk-api'
import { isAdmin, isCatalogueEditor, isCommunication, isOperator } from './staff-roles'

function BackOfficeNavigation({ session }: { session: SignedInSession }) {
  const { t } = useTranslation()
  const links = [
    { to: BACK_OFFICE_PATH, label: t('backOffice.nav.home'), end: true },
    ...(isCrmStaff(session)
      ? [
          { to: BACK_OFFICE_TICKETS_PATH, label: t('crm.nav.tickets'), end: false },
          { to: BACK_OFFICE_CITIZENS_PATH, label: t('crm.nav.citizens'), end: false },
          { to: BACK_OFFICE_NEW_CALL_PATH, label: t('crm.nav.call'), end: false },
        ]
      : []),
    ...(isCrmSupervisor(session)
      ? [{ to: BACK_OFFICE_CRM_DASHBOARD_PATH, label: t('crm.nav.dashboard'), end: false }]
      : []),
    ...(isOperator(session)
      ? [{ to: BACK_OFFICE_FOLDER_PATH, label: t('backOffice.nav.folder'), end: false }]
      : []),
    ...(isCounterStaff(session)
      ? [{ to: BACK_OFFICE_COUNTER_DESK_PATH, label: t('appointmentsDesk.nav'), end: false }]
      : []),
    ...(isContactCentre(session)
      ? [{ to: BACK_OFFICE_CONTACT_CENTRE_BOOKING_PATH, label: t('contactCentreBooking.nav'), end: false }]
      : []),
    ...(isCalendarReader(session)
      ? [{ to: BACK_OFFICE_APPOINTMENTS_ADMIN_PATH, label: t('appointmentsAdmin.nav.title'), end: false }]
      : []),
    ...(isCatalogueEditor(session)
      ? [
          { to: BACK_OFFICE_SERVICES_PATH, label: t('backOffice.nav.services'), end: false },
          { to: BACK_OFFICE_RULES_PATH, label: t('backOffice.nav.rules'), end: false },
        ]
      : []),
    ...(isCommunication(session)
      ? [{ to: BACK_OFFICE_NEWSLETTER_PATH, label: t('backOffice.nav.newsletter'), end: false }]
      : []),
    ...(isAdmin(session)
      ? [
          { to: BACK_OFFICE_STAFF_PATH, label: t('backOffice.nav.staff'), end: false },
          { to: BACK_OFFICE_TEAMS_PATH, label: t('backOffice.nav.teams'), end: false },
          { to: BACK_OFFICE_API_CLIENTS_PATH, label: t('backOffice.nav.apiClients'), end: false },
        ]
      : []),
  ]
  return (
    <nav className="civico-bo-nav link-list-wrapper" aria-label={t('backOffice.nav.label')}>
      <ul className="link-list" data-testid="back-office-nav">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="list-item">
              <span>{link.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** Anonymous visitors of the back office are offered the staff sign-in, which brings them back. */
function StaffSignInPanel() {
  const { t } = useTranslation()
  const location = useLocation()
  usePageTitle(t('backOffice.signIn.title'))
  return (
    <div className="civico-bo-content">
      <h1>{t('backOffice.signIn.title')}</h1>
      <p>{t('backOffice.signIn.text')}</p>
      <a
        className="btn btn-primary"
        href={staffSignInUrl(currentPath(location))}
        data-testid="back-office-sign-in"
      >
        {t('backOffice.signIn.button')}
      </a>
    </div>
  )
}

function StaffOnlyNotice() {
  const { t } = useTranslation()
  usePageTitle(t('backOffice.staffOnly.title'))
  return (
    <div className="civico-bo-content">
      <h1>{t('backOffice.staffOnly.title')}</h1>
      <p>{t('backOffice.staffOnly.text')}</p>
      <Link to="/" className="btn btn-primary">
        {t('common.backHome')}
      </Link>
    </div>
  )
}

/**
 * The back office's own layout: a slim bar with the city, the language and the staff member, a side
 * list of sections, and the page. Plainer than the citizen site, for desk work on wide screens.
 */
export function BackOfficeShell() {
  const { t } = useTranslation()
  const session = useSession()
  const { data: city } = useCity()
  useFocusMainOnNavigation()
  const signedIn = session.data?.authenticated ? session.data : undefined
  const staff = signedIn?.kind === 'staff' ? signedIn : undefined
  const cityLabel = city ? t('common.cityName', { name: city.name }) : t('common.cityPending')

  let content = <Outlet />
  if (session.isPending) content = <LoadingState />
  else if (session.isError)
    content = (
      <ErrorAlert
        error={session.error}
        title={t('session.loadFailed')}
        onRetry={() => void session.refetch()}
      />
    )
  else if (!signedIn) content = <StaffSignInPanel />
  else if (!staff) content = <StaffOnlyNotice />

  return (
    <div className="civico-bo">
      <SkipLinks />
      <header className="it-header-slim-wrapper civico-bo-header">
        <div className="container-fluid">
          <div className="it-header-slim-wrapper-content">
            <Link to={BACK_OFFICE_PATH} className="navbar-brand civico-bo-brand">
              <Icon name="it-pa" color="white" size="sm" className="me-2" />
              <span>{cityLabel}</span>
              <span className="civico-bo-tag">{t('backOffice.name')}</span>
            </Link>
            <div className="it-header-slim-right-zone">
              <LanguageSwitch />
              {signedIn ? <UserMenu session={signedIn} tone="backOffice" /> : null}
            </div>
          </div>
        </div>
      </header>
      <div className="container-fluid civico-bo-body">
        <div className="row">
          {staff ? (
            <div className="col-12 col-lg-3 col-xl-2 civico-bo-sidebar">
              <BackOfficeNavigation session={staff} />
            </div>
          ) : null}
          <main
            id={MAIN_CONTENT_ID}
            tabIndex={-1}
            className={`col-12 ${staff ? 'col-lg-9 col-xl-10' : ''} civico-main civico-bo-main`}
          >
            <ShellNoticeBanner />
            {content}
          </main>
        </div>
      </div>
      <footer id={FOOTER_ID} className="civico-bo-footer">
        <div className="container-fluid py-3">
          <p className="mb-0">{t('backOffice.footer', { city: cityLabel })}</p>
        </div>
      </footer>
      <SessionKeeper />
      <ScrollRestoration />
    </div>
  )
}
