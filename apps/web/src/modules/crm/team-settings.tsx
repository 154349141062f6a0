import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { RadioChoices } from '../../app/ui/radio-choices'
import { TextField } from '../../app/ui/text-field'
import {
  type AssignmentRule,
  type TeamSettings,
  useSaveTeamSettings,
  useTeamSettings,
} from './supervisor-api'
import { useTeamName } from './teams'

function TeamForm({ settings, announce }: { settings: TeamSettings; announce: (message: string) => void }) {
  const { t } = useTranslation()
  const teamName = useTeamName()
  const save = useSaveTeamSettings()
  const [assignment, setAssignment] = useState<AssignmentRule>(settings.assignment)
  const [email, setEmail] = useState(settings.escalationEmail ?? '')
  const [problem, setProblem] = useState<string>()
  const name = teamName(settings.teamCode)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const address = email.trim()
    if (address && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setProblem(t('crm.teams.badEmail'))
      return
    }
    setProblem(undefined)
    save.mutate(
      { teamCode: settings.teamCode, assignment, escalationEmail: address || null },
      { onSuccess: () => announce(t('crm.teams.saved', { team: name })) },
    )
  }
  const serverProblem = isApiError(save.error) ? save.error.fieldError('escalationEmail') : undefined
  return (
    <li className="civico-panel mb-3" data-team={settings.teamCode}>
      <form onSubmit={submit} noValidate aria-labelledby={`team-${settings.teamCode}`}>
        <h3 id={`team-${settings.teamCode}`} className="h5">
          {name}
        </h3>
        <RadioChoices<AssignmentRule>
          legend={t('crm.teams.assignment')}
          name={`assignment-${settings.teamCode}`}
          value={assignment}
          onChange={setAssignment}
          choices={[
            { value: 'claim', label: t('crm.teams.claim'), description: t('crm.teams.claimHint') },
            {
              value: 'least-loaded',
              label: t('crm.teams.leastLoaded'),
              description: t('crm.teams.leastLoadedHint'),
            },
          ]}
        />
        <TextField
          type="email"
          label={t('crm.teams.escalation')}
          hint={t('crm.teams.escalationHint')}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={problem ?? serverProblem}
          autoComplete="off"
          maxLength={254}
        />
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={save.isPending}>
          {t('crm.teams.save')}
          <span className="visually-hidden"> {name}</span>
        </button>
        {save.isError && !serverProblem ? (
          <div className="mt-2">
            <ErrorAlert error={save.error} />
          </div>
        ) : null}
      </form>
    </li>
  )
}

/** How each team's new tickets are assigned, and who hears of its breaches. */
export function TeamSettingsSection({ announce }: { announce: (message: string) => void }) {
  const { t } = useTranslation()
  const teams = useTeamSettings()
  return (
    <div data-testid="team-settings">
      <p>{t('crm.teams.lead')}</p>
      {teams.isPending ? <LoadingState /> : null}
      {teams.isError ? <ErrorAlert error={teams.error} onRetry={() => void teams.refetch()} /> : null}
      <ul className="list-unstyled">
        {(teams.data ?? []).map((settings) => (
          <TeamForm key={settings.teamCode} settings={settings} announce={announce} />
        ))}
      </ul>
    </div>
  )
}
