import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { backOfficeTicketPath } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { useTicketStatusLabel } from './crm-labels'
import { SlaBadges } from './sla-badges'
import { useTeamMembers, useTeamName } from './teams'
import { type QueueItem, useTicketAction } from './tickets-api'

/** Give a late ticket to someone of its team, from the dashboard. */
function ReassignForm({ item, announce }: { item: QueueItem; announce: (message: string) => void }) {
  const { t } = useTranslation()
  const id = useId()
  const team = useTeamMembers(item.teamCode)
  const assign = useTicketAction(item.code)
  const [assigneeId, setAssigneeId] = useState('')
  const [problem, setProblem] = useState<string>()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const member = team.members.find((entry) => entry.id === assigneeId)
    if (!member) {
      setProblem(t('crm.dashboard.chooseMember'))
      return
    }
    setProblem(undefined)
    assign.mutate(
      { action: 'assign', assigneeId: member.id, version: item.version },
      {
        onSuccess: () =>
          announce(t('crm.dashboard.reassigned', { code: item.code, name: member.displayName })),
      },
    )
  }
  return (
    <form className="civico-crm-reassign" onSubmit={submit} noValidate data-testid="reassign-form">
      <label htmlFor={id} className="civico-field-label">
        {t('crm.dashboard.reassignTo', { code: item.code })}
      </label>
      <div className="d-flex flex-wrap gap-2">
        <select
          id={id}
          className={`form-select${problem ? ' is-invalid' : ''}`}
          value={assigneeId}
          onChange={(event) => setAssigneeId(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
        >
          <option value="">{t('crm.dashboard.member')}</option>
          {team.members
            .filter((member) => member.id !== item.assignee?.id)
            .map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName}
              </option>
            ))}
        </select>
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={assign.isPending}>
          {t('crm.dashboard.reassign')}
          <span className="visually-hidden"> {item.code}</span>
        </button>
      </div>
      {problem ? (
        <p id={`${id}-error`} className="civico-field-error">
          {problem}
        </p>
      ) : null}
      {assign.isError ? <ErrorAlert error={assign.error} /> : null}
    </form>
  )
}

/** Tickets at risk or past their time, most urgent first, each with its reassignment. */
export function SlaTicketList({
  items,
  announce,
  testId,
}: {
  items: QueueItem[]
  announce: (message: string) => void
  testId: string
}) {
  const { t } = useTranslation()
  const statusLabel = useTicketStatusLabel()
  const teamName = useTeamName()
  if (items.length === 0) {
    return (
      <p className="civico-empty-state" data-testid={testId}>
        {t('crm.dashboard.noneHere')}
      </p>
    )
  }
  return (
    <ul className="list-unstyled mb-0" data-testid={testId}>
      {items.map((item) => (
        <li key={item.code} className="civico-panel mb-3" data-ticket={item.code}>
          <div className="row g-3">
            <div className="col-12 col-lg-7">
              <h4 className="h6 mb-1 text-break">
                <Link to={backOfficeTicketPath(item.code)}>
                  <span className="civico-crm-code">{item.code}</span> {item.subject}
                </Link>
              </h4>
              <p className="small mb-2">
                {statusLabel(item.status)} · {t('crm.queue.team', { team: teamName(item.teamCode) })} ·{' '}
                {item.assignee
                  ? t('crm.queue.assignee', { name: item.assignee.name })
                  : t('crm.queue.unassigned')}
              </p>
              <SlaBadges ticket={item} withDates />
            </div>
            <div className="col-12 col-lg-5">
              <ReassignForm item={item} announce={announce} />
            </div>
          </div>
        </li>
      ))}
    </ul>
  )
}
