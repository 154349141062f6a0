import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxGroup } from '../../app/ui/checkbox-group'
import { ErrorAlert } from '../../app/ui/error-alert'
import { ModalDialog } from '../../app/ui/modal-dialog'
import { STAFF_ROLES, type StaffMember, type StaffRole, useUpdateStaffMember } from './staff-api'
import type { Team } from './teams-api'

interface StaffEditorProps {
  member: StaffMember
  teams: Team[]
  onClose: (savedName?: string) => void
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value))
}

/** Roles, active flag and teams of one staff member, in a dialog over the list. */
export function StaffEditor({ member, teams, onClose }: StaffEditorProps) {
  const { t } = useTranslation()
  const update = useUpdateStaffMember()
  const [roles, setRoles] = useState<StaffRole[]>(member.roles)
  const [active, setActive] = useState(member.active)
  const [teamCodes, setTeamCodes] = useState<string[]>(member.teams.map((team) => team.code))
  const [rolesProblem, setRolesProblem] = useState<string>()

  const save = () => {
    if (roles.length === 0) {
      setRolesProblem(t('backOffice.staff.rolesRequired'))
      return
    }
    setRolesProblem(undefined)
    const teamsChanged = !sameList(
      teamCodes,
      member.teams.map((team) => team.code),
    )
    update.mutate(
      { id: member.id, changes: { roles, active }, teamCodes: teamsChanged ? teamCodes : undefined },
      { onSuccess: (saved) => onClose(saved.displayName) },
    )
  }

  return (
    <ModalDialog
      open
      title={t('backOffice.staff.editTitle', { name: member.displayName })}
      onDismiss={() => onClose()}
      testId="staff-editor"
      actions={
        <>
          <button type="button" className="btn btn-primary" disabled={update.isPending} onClick={save}>
            {t('common.save')}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => onClose()}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <CheckboxGroup
        legend={t('backOffice.staff.roles')}
        options={STAFF_ROLES.map((role) => ({ value: role, label: t(`backOffice.roles.${role}`) }))}
        selected={roles}
        onChange={setRoles}
        error={rolesProblem}
      />
      <div className="form-check mb-3">
        <input
          className="form-check-input"
          type="checkbox"
          id={`staff-active-${member.id}`}
          checked={active}
          onChange={(event) => setActive(event.target.checked)}
        />
        <label className="form-check-label" htmlFor={`staff-active-${member.id}`}>
          {t('backOffice.staff.activeLabel')}
        </label>
      </div>
      {teams.length > 0 ? (
        <CheckboxGroup
          legend={t('backOffice.staff.teams')}
          options={teams.map((team) => ({ value: team.code, label: team.name }))}
          selected={teamCodes}
          onChange={setTeamCodes}
        />
      ) : null}
      {update.isError ? <ErrorAlert error={update.error} /> : null}
    </ModalDialog>
  )
}
