import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, useParams } from 'react-router'
import { BACK_OFFICE_APPOINTMENTS_ADMIN_PATH } from '../../app/paths'
import { useSignedInSession } from '../../app/session/session-api'
import { usePageTitle } from '../../app/ui/use-page-title'
import { isCalendarAdministrator } from './appointment-admin-api'
import { ClosuresSection } from './appointment-admin-closures'
import type { SectionProps } from './appointment-admin-fields'
import { HoursSection } from './appointment-admin-hours'
import { OfficesSection } from './appointment-admin-offices'
import { ServicesSection } from './appointment-admin-services'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'

export const APPOINTMENT_ADMIN_SECTIONS = ['sedi', 'servizi', 'orari', 'chiusure'] as const
export type AppointmentAdminSection = (typeof APPOINTMENT_ADMIN_SECTIONS)[number]

export function appointmentAdminPath(section: AppointmentAdminSection): string {
  return section === 'sedi'
    ? BACK_OFFICE_APPOINTMENTS_ADMIN_PATH
    : `${BACK_OFFICE_APPOINTMENTS_ADMIN_PATH}/${section}`
}

function SectionNavigation() {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('appointmentsAdmin.nav.label')} className="mb-4">
      <ul className="nav nav-tabs flex-wrap" data-testid="appointment-admin-nav">
        {APPOINTMENT_ADMIN_SECTIONS.map((section) => (
          <li className="nav-item" key={section}>
            <NavLink to={appointmentAdminPath(section)} end className="nav-link">
              {t(`appointmentsAdmin.nav.${section}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * "Appuntamenti": the calendar citizens book from. Offices with their counters, services, weekly
 * hours and closures, one tab each; supervisors see everything, administrators also change it.
 */
export function AppointmentAdminPage() {
  const { t } = useTranslation()
  const session = useSignedInSession()
  const { section: param } = useParams()
  const section: AppointmentAdminSection = APPOINTMENT_ADMIN_SECTIONS.find((name) => name === param) ?? 'sedi'
  const [announcement, setAnnouncement] = useState('')
  const title = t(`appointmentsAdmin.nav.${section}`)
  usePageTitle(useBackOfficeTitle(`${title} - ${t('appointmentsAdmin.title')}`))
  const props: SectionProps = {
    canEdit: session ? isCalendarAdministrator(session) : false,
    announce: setAnnouncement,
  }

  return (
    <BackOfficePage
      title={t('appointmentsAdmin.title')}
      lead={t('appointmentsAdmin.lead')}
      testId="appointment-admin"
    >
      <SectionNavigation />
      {props.canEdit ? null : <p className="alert alert-info">{t('appointmentsAdmin.readOnly')}</p>}
      <div role="status" data-testid="appointment-admin-status">
        {announcement ? <p className="alert alert-success">{announcement}</p> : null}
      </div>
      <h2 className="h3">{title}</h2>
      {section === 'sedi' ? <OfficesSection {...props} /> : null}
      {section === 'servizi' ? <ServicesSection {...props} /> : null}
      {section === 'orari' ? <HoursSection {...props} /> : null}
      {section === 'chiusure' ? <ClosuresSection {...props} /> : null}
    </BackOfficePage>
  )
}
