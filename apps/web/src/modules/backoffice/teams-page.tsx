import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { TextField } from '../../app/ui/text-field'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { teamCodeFromName, useCreateTeam, useTeams } from './teams-api'

const TEAM_CODE_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

function CreateTeamForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation()
  const create = useCreateTeam()
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  // The code follows the name until someone edits it by hand.
  const [codeEdited, setCodeEdited] = useState(false)
  const [problems, setProblems] = useState<{ name?: string; code?: string }>({})

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found: { name?: string; code?: string } = {}
    if (!name.trim()) found.name = t('backOffice.teams.nameRequired')
    if (!TEAM_CODE_SHAPE.test(code)) found.code = t('backOffice.teams.codeFormat')
    setProblems(found)
    if (found.name || found.code) return
    create.mutate(
      { code, name: name.trim() },
      {
        onSuccess: (team) => {
          setName('')
          setCode('')
          setCodeEdited(false)
          onCreated(team.name)
        },
        onError: (error) => {
          if (isApiError(error))
            setProblems({ name: error.fieldError('name'), code: error.fieldError('code') })
        },
      },
    )
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="civico-panel"
      aria-labelledby="new-team-title"
      data-testid="team-form"
    >
      <h2 id="new-team-title" className="h5">
        {t('backOffice.teams.newTitle')}
      </h2>
      <TextField
        label={t('backOffice.teams.name')}
        value={name}
        onChange={(event) => {
          setName(event.target.value)
          if (!codeEdited) setCode(teamCodeFromName(event.target.value))
        }}
        error={problems.name}
        name="name"
        autoComplete="off"
      />
      <TextField
        label={t('backOffice.teams.code')}
        hint={t('backOffice.teams.codeHint')}
        value={code}
        onChange={(event) => {
          setCode(event.target.value)
          setCodeEdited(true)
        }}
        error={problems.code}
        name="code"
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
        {t('backOffice.teams.create')}
      </button>
      {create.isError && !problems.name && !problems.code ? <ErrorAlert error={create.error} /> : null}
    </form>
  )
}

/** Teams: who works which queue. Listing and creating; members are set from the staff page. */
export function TeamsPage() {
  const { t } = useTranslation()
  const teams = useTeams()
  const [created, setCreated] = useState<string>()
  usePageTitle(useBackOfficeTitle(t('backOffice.teams.title')))

  return (
    <BackOfficePage title={t('backOffice.teams.title')} lead={t('backOffice.teams.lead')} testId="teams-page">
      <div role="status">
        {created ? (
          <p className="alert alert-success">{t('backOffice.teams.created', { name: created })}</p>
        ) : null}
      </div>
      <div className="row g-4">
        <div className="col-12 col-xl-7">
          {teams.isPending ? <LoadingState /> : null}
          {teams.isError ? <ErrorAlert error={teams.error} onRetry={() => void teams.refetch()} /> : null}
          {teams.data ? (
            <ScrollableTable
              label={t('backOffice.teams.title')}
              caption={t('backOffice.teams.caption')}
              testId="teams-table"
            >
              <thead>
                <tr>
                  <th scope="col">{t('backOffice.teams.name')}</th>
                  <th scope="col">{t('backOffice.teams.code')}</th>
                  <th scope="col" className="text-end">
                    {t('backOffice.teams.members')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {teams.data.map((team) => (
                  <tr key={team.id}>
                    <th scope="row">{team.name}</th>
                    <td>
                      <code>{team.code}</code>
                    </td>
                    <td className="text-end">{team.memberCount}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollableTable>
          ) : null}
        </div>
        <div className="col-12 col-xl-5">
          <CreateTeamForm onCreated={setCreated} />
        </div>
      </div>
    </BackOfficePage>
  )
}
