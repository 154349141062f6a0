import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, useParams } from 'react-router'
import { BACK_OFFICE_CRM_DASHBOARD_PATH } from '../../app/paths'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from '../backoffice/back-office-page'
import { CannedRepliesEditor } from './canned-replies-editor'
import { DashboardSection } from './dashboard-section'
import { TaxonomyEditor } from './taxonomy-editor'
import { TeamSettingsSection } from './team-settings'
import './crm.css'

export const SUPERVISOR_SECTIONS = ['cruscotto', 'classificazione', 'risposte', 'team'] as const
export type SupervisorSection = (typeof SUPERVISOR_SECTIONS)[number]

export function supervisorPath(section: SupervisorSection): string {
  return section === 'cruscotto'
    ? BACK_OFFICE_CRM_DASHBOARD_PATH
    : `${BACK_OFFICE_CRM_DASHBOARD_PATH}/${section}`
}

/**
 * The supervisors' CRM: the dashboard (backlog, SLA at risk and breached with reassignment,
 * volumes), the taxonomy, the canned replies and how each team's tickets are assigned.
 */
export function SupervisorPage() {
  const { t } = useTranslation()
  const { section: param } = useParams()
  const section: SupervisorSection = SUPERVISOR_SECTIONS.find((name) => name === param) ?? 'cruscotto'
  const [announcement, setAnnouncement] = useState('')
  const title = t(`crm.supervisor.sections.${section}`)
  usePageTitle(useBackOfficeTitle(`${title} - ${t('crm.supervisor.title')}`))
  return (
    <BackOfficePage title={t('crm.supervisor.title')} lead={t('crm.supervisor.lead')} testId="crm-supervisor">
      <nav aria-label={t('crm.supervisor.sectionsLabel')} className="mb-4">
        <ul className="nav nav-tabs flex-wrap" data-testid="supervisor-nav">
          {SUPERVISOR_SECTIONS.map((name) => (
            <li className="nav-item" key={name}>
              <NavLink to={supervisorPath(name)} end className="nav-link" onClick={() => setAnnouncement('')}>
                {t(`crm.supervisor.sections.${name}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div role="status" data-testid="supervisor-status">
        {announcement ? <p className="alert alert-success">{announcement}</p> : null}
      </div>
      <h2 className="h3">{title}</h2>
      {section === 'cruscotto' ? <DashboardSection announce={setAnnouncement} /> : null}
      {section === 'classificazione' ? <TaxonomyEditor announce={setAnnouncement} /> : null}
      {section === 'risposte' ? <CannedRepliesEditor announce={setAnnouncement} /> : null}
      {section === 'team' ? <TeamSettingsSection announce={setAnnouncement} /> : null}
    </BackOfficePage>
  )
}
