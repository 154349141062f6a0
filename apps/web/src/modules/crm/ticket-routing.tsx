import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { BACK_OFFICE_TICKETS_PATH } from '../../app/paths'
import { LabelledField } from '../../app/ui/labelled-field'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import { useTripletCategories } from './taxonomy-api'
import { useWorkableTeams } from './teams'
import { type ActionProps, useActionWithError } from './ticket-actions'
import { TripletPicker } from './triplet-picker'

const TICKET_CODE = /^R\d{4}-[A-Z2-9]{6}$/

/** After an action that takes the ticket out of one's teams, the queue says where it went. */
function useLeaveIfHidden() {
  const navigate = useNavigate()
  return (visible: boolean, notice: string) => {
    if (!visible) navigate(BACK_OFFICE_TICKETS_PATH, { state: { notice } })
  }
}

const isWorkable = (props: ActionProps) =>
  props.data.ticket.status !== 'resolved' &&
  props.data.ticket.status !== 'closed' &&
  !props.data.ticket.mergedIntoCode

/** Hand the ticket to another team, with a note saying why. */
export function ForwardAction(props: ActionProps) {
  const { t } = useTranslation()
  const { data, announce } = props
  const { ticket } = data
  const { action, error } = useActionWithError(props)
  const leave = useLeaveIfHidden()
  const teams = useWorkableTeams().filter((team) => team.code !== ticket.teamCode)
  const [teamCode, setTeamCode] = useState('')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string>()
  if (!isWorkable(props)) return null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!teamCode) {
      setProblem(t('crm.ticket.forward.choose'))
      return
    }
    setProblem(undefined)
    const name = teams.find((team) => team.code === teamCode)?.name ?? teamCode
    action.mutate(
      { action: 'forward', teamCode, note: note.trim(), version: ticket.version },
      {
        onSuccess: (state) => {
          const message = t('crm.ticket.forward.done', { code: ticket.code, team: name })
          announce(message)
          setNote('')
          setTeamCode('')
          leave(state.visible, message)
        },
      },
    )
  }
  return (
    <section className="civico-panel mb-3" aria-labelledby="forward-title" data-testid="forward-action">
      <h3 id="forward-title" className="h5">
        {t('crm.ticket.forward.title')}
      </h3>
      <form onSubmit={submit} noValidate>
        <LabelledField label={t('crm.ticket.forward.team')} error={problem}>
          {(control) => (
            <select
              {...control}
              className={`form-select${problem ? ' is-invalid' : ''}`}
              value={teamCode}
              onChange={(event) => setTeamCode(event.target.value)}
            >
              <option value="">{t('crm.ticket.forward.placeholder')}</option>
              {teams.map((team) => (
                <option key={team.code} value={team.code}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <TextArea
          label={t('crm.ticket.forward.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          maxLength={4000}
        />
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={action.isPending}>
          {t('crm.ticket.forward.submit')}
        </button>
      </form>
      {error}
    </section>
  )
}

/** Give a triage ticket its triplet (or change it): the detail routes it to its team and clocks. */
export function CategoriseAction(props: ActionProps) {
  const { t } = useTranslation()
  const { data, announce } = props
  const { ticket } = data
  const categories = useTripletCategories()
  const { action, error } = useActionWithError(props)
  const leave = useLeaveIfHidden()
  const [categoryCode, setCategoryCode] = useState(data.triplet?.detail.code ?? '')
  const [problem, setProblem] = useState<string>()
  if (!isWorkable(props)) return null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!categoryCode) {
      setProblem(t('crm.call.errors.category'))
      return
    }
    setProblem(undefined)
    action.mutate(
      { action: 'categorise', categoryCode, version: ticket.version },
      {
        onSuccess: (state) => {
          const message = t('crm.ticket.categorise.done', { code: ticket.code })
          announce(message)
          leave(state.visible, message)
        },
      },
    )
  }
  return (
    <section className="civico-panel mb-3" aria-labelledby="categorise-title" data-testid="categorise-action">
      <h3 id="categorise-title" className="h5">
        {data.triplet ? t('crm.ticket.categorise.change') : t('crm.ticket.categorise.title')}
      </h3>
      {!data.triplet ? <p className="small">{t('crm.ticket.categorise.triageHint')}</p> : null}
      <form onSubmit={submit} noValidate>
        <TripletPicker
          categories={categories.data ?? []}
          value={categoryCode}
          onChange={setCategoryCode}
          error={problem}
        />
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={action.isPending}>
          {t('crm.ticket.categorise.submit')}
        </button>
      </form>
      {error}
    </section>
  )
}

/** This ticket repeats another: its conversation moves there and it is closed as a duplicate. */
export function MergeAction(props: ActionProps) {
  const { t } = useTranslation()
  const { data, announce } = props
  const { ticket } = data
  const { action, error } = useActionWithError(props)
  const [intoCode, setIntoCode] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string>()
  if (!isWorkable(props)) return null
  const code = intoCode.trim().toUpperCase()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!TICKET_CODE.test(code) || code === ticket.code) {
      setProblem(code === ticket.code ? t('crm.ticket.merge.self') : t('crm.ticket.merge.invalid'))
      return
    }
    setProblem(undefined)
    if (!confirming) {
      setConfirming(true)
      return
    }
    action.mutate(
      { action: 'merge', intoCode: code, version: ticket.version },
      {
        onSuccess: () => announce(t('crm.ticket.merge.done', { code: ticket.code, into: code })),
        onSettled: () => setConfirming(false),
      },
    )
  }
  return (
    <section className="civico-panel mb-3" aria-labelledby="merge-title" data-testid="merge-action">
      <h3 id="merge-title" className="h5">
        {t('crm.ticket.merge.title')}
      </h3>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('crm.ticket.merge.into')}
          hint={t('crm.ticket.merge.hint')}
          value={intoCode}
          onChange={(event) => {
            setIntoCode(event.target.value)
            setConfirming(false)
          }}
          error={problem}
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          className="text-uppercase"
        />
        {confirming ? (
          <p className="small" role="status">
            {t('crm.ticket.merge.confirmText', { code: ticket.code, into: code })}
          </p>
        ) : null}
        <div className="d-flex flex-wrap gap-2">
          <button
            type="submit"
            className={`btn btn-sm ${confirming ? 'btn-danger' : 'btn-outline-primary'}`}
            disabled={action.isPending}
          >
            {confirming ? t('crm.ticket.merge.confirm') : t('crm.ticket.merge.submit')}
          </button>
          {confirming ? (
            <button
              type="button"
              className="btn btn-outline-secondary btn-sm"
              onClick={() => setConfirming(false)}
            >
              {t('crm.ticket.merge.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      {error}
    </section>
  )
}
