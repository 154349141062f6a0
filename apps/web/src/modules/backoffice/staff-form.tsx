import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { CheckboxGroup } from '../../app/ui/checkbox-group'
import { ErrorAlert } from '../../app/ui/error-alert'
import { TextField } from '../../app/ui/text-field'
import { STAFF_ROLES, type StaffRole, useCreateStaffMember } from './staff-api'
import type { Team } from './teams-api'

interface Problems {
  subject?: string
  email?: string
  displayName?: string
  roles?: string
}

/** Adds a staff member; they are matched at sign-in by the directory's subject ("sub"). */
export function StaffForm({ teams, onCreated }: { teams: Team[]; onCreated: (name: string) => void }) {
  const { t } = useTranslation()
  const create = useCreateStaffMember()
  const [subject, setSubject] = useState('')
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [roles, setRoles] = useState<StaffRole[]>(['operator'])
  const [teamCodes, setTeamCodes] = useState<string[]>([])
  const [problems, setProblems] = useState<Problems>({})

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found: Problems = {}
    if (!subject.trim()) found.subject = t('backOffice.staff.required')
    if (!email.trim()) found.email = t('backOffice.staff.required')
    if (!displayName.trim()) found.displayName = t('backOffice.staff.required')
    if (roles.length === 0) found.roles = t('backOffice.staff.rolesRequired')
    setProblems(found)
    if (Object.values(found).some(Boolean)) return
    create.mutate(
      { subject: subject.trim(), email: email.trim(), displayName: displayName.trim(), roles, teamCodes },
      {
        onSuccess: (member) => {
          setSubject('')
          setEmail('')
          setDisplayName('')
          setRoles(['operator'])
          setTeamCodes([])
          onCreated(member.displayName)
        },
        onError: (error) => {
          if (!isApiError(error)) return
          setProblems({
            subject: error.fieldError('subject'),
            email: error.fieldError('email'),
            displayName: error.fieldError('displayName'),
            roles: error.fieldError('roles'),
          })
        },
      },
    )
  }

  const hasFieldProblem = Object.values(problems).some(Boolean)
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="civico-panel"
      aria-labelledby="new-staff-title"
      data-testid="staff-form"
    >
      <h2 id="new-staff-title" className="h5">
        {t('backOffice.staff.newTitle')}
      </h2>
      <TextField
        label={t('backOffice.staff.displayName')}
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={problems.displayName}
        autoComplete="off"
      />
      <TextField
        label={t('backOffice.staff.email')}
        type="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={problems.email}
        autoComplete="off"
      />
      <TextField
        label={t('backOffice.staff.subject')}
        hint={t('backOffice.staff.subjectHint')}
        value={subject}
        onChange={(event) => setSubject(event.target.value)}
        error={problems.subject}
        autoComplete="off"
        spellCheck={false}
      />
      <CheckboxGroup
        legend={t('backOffice.staff.roles')}
        options={STAFF_ROLES.map((role) => ({ value: role, label: t(`backOffice.roles.${role}`) }))}
        selected={roles}
        onChange={setRoles}
        error={problems.roles}
      />
      {teams.length > 0 ? (
        <CheckboxGroup
          legend={t('backOffice.staff.teams')}
          options={teams.map((team) => ({ value: team.code, label: team.name }))}
          selected={teamCodes}
          onChange={setTeamCodes}
        />
      ) : null}
      <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
        {t('backOffice.staff.create')}
      </button>
      {create.isError && !hasFieldProblem ? <ErrorAlert error={create.error} /> : null}
    </form>
  )
}
