import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSignedInSession } from '../../app/session/session-api'
import { LabelledField } from '../../app/ui/labelled-field'
import { TextArea } from '../../app/ui/text-area'
import type { TicketStatus } from './crm-labels'
import { isCrmSupervisor } from './crm-roles'
import { useTeamMembers } from './teams'
import { TicketActionError } from './ticket-action-error'
import { type StaffTicket, type TicketAction, useTicketAction } from './tickets-api'

export interface ActionProps {
  data: StaffTicket
  announce: (message: string) => void
  onReload: () => void
}

/** One action's mutation with its error shown the same way everywhere. */
export function useActionWithError({ data, onReload }: Pick<ActionProps, 'data' | 'onReload'>) {
  const action = useTicketAction(data.ticket.code)
  const error = action.isError ? (
    <TicketActionError
      error={action.error}
      sentVersion={action.variables?.version}
      currentVersion={data.ticket.version}
      onReload={() => {
        action.reset()
        onReload()
      }}
    />
  ) : null
  return { action, error }
}

const isOpen = (status: TicketStatus) => status !== 'resolved' && status !== 'closed'

/** Take the ticket, or (supervisors) give it to a member of its team, or put it back in the queue. */
export function AssignAction(props: ActionProps) {
  const { t } = useTranslation()
  const { data, announce } = props
  const { ticket } = data
  const session = useSignedInSession()
  const supervisor = session ? isCrmSupervisor(session) : false
  const { action, error } = useActionWithError(props)
  const team = useTeamMembers(ticket.teamCode)
  const [assigneeId, setAssigneeId] = useState(ticket.assignee?.id ?? '')
  if (!isOpen(ticket.status) || ticket.mergedIntoCode) return null
  const ownTeam = session?.teams.includes(ticket.teamCode) ?? false
  const mayClaim = !ticket.assignee && ownTeam
  const run = (request: TicketAction, message: string) =>
    action.mutate(request, { onSuccess: () => announce(message) })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const member = team.members.find((entry) => entry.id === assigneeId)
    run(
      { action: 'assign', assigneeId: assigneeId || null, version: ticket.version },
      member ? t('crm.ticket.assign.done', { name: member.displayName }) : t('crm.ticket.assign.backToQueue'),
    )
  }

  return (
    <section className="civico-panel mb-3" aria-labelledby="assign-title" data-testid="assign-action">
      <h3 id="assign-title" className="h5">
        {t('crm.ticket.assign.title')}
      </h3>
      <p className="small">
        {ticket.assignee
          ? t('crm.ticket.assign.current', { name: ticket.assignee.name })
          : t('crm.ticket.assign.nobody')}
      </p>
      {mayClaim ? (
        <button
          type="button"
          className="btn btn-primary btn-sm mb-2"
          disabled={action.isPending}
          onClick={() => run({ action: 'claim', version: ticket.version }, t('crm.ticket.assign.claimed'))}
        >
          {t('crm.ticket.assign.claim')}
        </button>
      ) : null}
      {supervisor ? (
        <form onSubmit={submit} noValidate>
          <LabelledField label={t('crm.ticket.assign.member')}>
            {(control) => (
              <select
                {...control}
                className="form-select"
                value={assigneeId}
                onChange={(event) => setAssigneeId(event.target.value)}
              >
                <option value="">{t('crm.ticket.assign.none')}</option>
                {team.members.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.displayName}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
          <button type="submit" className="btn btn-outline-primary btn-sm" disabled={action.isPending}>
            {t('crm.ticket.assign.submit')}
          </button>
        </form>
      ) : ticket.assignee && ownTeam ? (
        <button
          type="button"
          className="btn btn-outline-secondary btn-sm"
          disabled={action.isPending}
          onClick={() =>
            run(
              { action: 'assign', assigneeId: null, version: ticket.version },
              t('crm.ticket.assign.backToQueue'),
            )
          }
        >
          {t('crm.ticket.assign.release')}
        </button>
      ) : null}
      {error}
    </section>
  )
}

/** Move the ticket on in the workflow, only to where the server says it may go. */
export function StatusAction(props: ActionProps) {
  const { t } = useTranslation()
  const { data, announce } = props
  const { ticket } = data
  const { action, error } = useActionWithError(props)
  const [status, setStatus] = useState<TicketStatus | ''>('')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string>()
  if (data.allowedTransitions.length === 0 || ticket.mergedIntoCode) return null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!status) {
      setProblem(t('crm.ticket.status.choose'))
      return
    }
    setProblem(undefined)
    action.mutate(
      { action: 'status', status, ...(note.trim() ? { note: note.trim() } : {}), version: ticket.version },
      {
        onSuccess: () => {
          announce(t('crm.ticket.status.done', { status: t(`crm.statuses.${status}`) }))
          setStatus('')
          setNote('')
        },
      },
    )
  }
  return (
    <section className="civico-panel mb-3" aria-labelledby="status-title" data-testid="status-action">
      <h3 id="status-title" className="h5">
        {t('crm.ticket.status.title')}
      </h3>
      <form onSubmit={submit} noValidate>
        <LabelledField label={t('crm.ticket.status.to')} error={problem}>
          {(control) => (
            <select
              {...control}
              className={`form-select${problem ? ' is-invalid' : ''}`}
              value={status}
              onChange={(event) => setStatus(event.target.value as TicketStatus | '')}
            >
              <option value="">{t('crm.ticket.status.placeholder')}</option>
              {data.allowedTransitions.map((to) => (
                <option key={to} value={to}>
                  {t(`crm.statuses.${to}`)}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <TextArea
          label={t('crm.ticket.status.note')}
          hint={t('crm.ticket.status.noteHint')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          maxLength={4000}
        />
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={action.isPending}>
          {t('crm.ticket.status.submit')}
        </button>
      </form>
      {error}
    </section>
  )
}
