import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { type StaffMember, useStaff } from './staff-api'
import { StaffEditor } from './staff-editor'
import { StaffForm } from './staff-form'
import { useTeams } from './teams-api'

/** Staff members with roles, teams and status; add one, or change one in a dialog. */
export function StaffPage() {
  const { t } = useTranslation()
  const staff = useStaff()
  const teams = useTeams()
  const [editing, setEditing] = useState<StaffMember>()
  const [message, setMessage] = useState<string>()
  usePageTitle(useBackOfficeTitle(t('backOffice.staff.title')))
  const teamList = teams.data ?? []

  return (
    <BackOfficePage title={t('backOffice.staff.title')} lead={t('backOffice.staff.lead')} testId="staff-page">
      <div role="status">{message ? <p className="alert alert-success">{message}</p> : null}</div>
      <div className="row g-4">
        <div className="col-12 col-xxl-8">
          {staff.isPending ? <LoadingState /> : null}
          {staff.isError ? <ErrorAlert error={staff.error} onRetry={() => void staff.refetch()} /> : null}
          {staff.data ? (
            <ScrollableTable
              label={t('backOffice.staff.title')}
              caption={t('backOffice.staff.caption')}
              testId="staff-table"
            >
              <thead>
                <tr>
                  <th scope="col">{t('backOffice.staff.displayName')}</th>
                  <th scope="col">{t('backOffice.staff.roles')}</th>
                  <th scope="col">{t('backOffice.staff.teams')}</th>
                  <th scope="col">{t('backOffice.staff.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('backOffice.staff.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {staff.data.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">
                      {member.displayName}
                      <br />
                      <span className="small fw-normal">{member.email}</span>
                    </th>
                    <td>{member.roles.map((role) => t(`backOffice.roles.${role}`)).join(', ')}</td>
                    <td>{member.teams.map((team) => team.name).join(', ') || '-'}</td>
                    <td>{member.active ? t('backOffice.staff.active') : t('backOffice.staff.inactive')}</td>
                    <td className="text-end">
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-xs"
                        onClick={() => setEditing(member)}
                      >
                        {t('backOffice.staff.edit')}
                        <span className="visually-hidden"> {member.displayName}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollableTable>
          ) : null}
        </div>
        <div className="col-12 col-xxl-4">
          <StaffForm
            teams={teamList}
            onCreated={(name) => setMessage(t('backOffice.staff.created', { name }))}
          />
        </div>
      </div>
      {editing ? (
        <StaffEditor
          member={editing}
          teams={teamList}
          onClose={(savedName) => {
            setEditing(undefined)
            if (savedName) setMessage(t('backOffice.staff.saved', { name: savedName }))
          }}
        />
      ) : null}
    </BackOfficePage>
  )
}
