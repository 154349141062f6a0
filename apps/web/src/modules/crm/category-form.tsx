import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LabelledField } from '../../app/ui/labelled-field'
import { TextField } from '../../app/ui/text-field'
import { teamCodeFromName, useTeams } from '../backoffice/teams-api'
import { type CategoryChange, type NewCategory, useCreateCategory, useUpdateCategory } from './supervisor-api'
import { type CategoryNode, TICKET_PROCESSES, type TicketProcess } from './taxonomy-api'

type Field = 'code' | 'nameIt' | 'nameEn' | 'teamCode' | 'firstResponseMinutes' | 'resolutionMinutes'

const positiveMinutes = (text: string) => /^\d{1,6}$/.test(text.trim()) && Number(text) >= 1

/**
 * Adds or changes an entry of the taxonomy. A detail also carries its routing: the team, the
 * process and the two SLA targets in business minutes.
 */
export function CategoryForm({
  level,
  parent,
  node,
  onDone,
  onCancel,
}: {
  level: 1 | 2 | 3
  parent?: CategoryNode
  /** The entry being changed; none for a new one. */
  node?: CategoryNode
  onDone: (message: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const teams = useTeams()
  const create = useCreateCategory()
  const update = useUpdateCategory()
  const mutation = node ? update : create
  const [nameIt, setNameIt] = useState(node?.nameIt ?? '')
  const [nameEn, setNameEn] = useState(node?.nameEn ?? '')
  const [code, setCode] = useState(node?.code ?? '')
  const [codeEdited, setCodeEdited] = useState(false)
  const [teamCode, setTeamCode] = useState(node?.teamCode ?? '')
  const [process, setProcess] = useState<TicketProcess>((node?.process as TicketProcess) ?? 'standard')
  const [first, setFirst] = useState(String(node?.firstResponseMinutes ?? ''))
  const [resolution, setResolution] = useState(String(node?.resolutionMinutes ?? ''))
  const [citizenVisible, setCitizenVisible] = useState(node?.citizenVisible ?? true)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const detail = level === 3
  const serverError = (field: Field) =>
    isApiError(mutation.error) ? mutation.error.fieldError(field) : undefined
  const shown = (field: Field) => errors[field] ?? serverError(field)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Partial<Record<Field, string>> = {}
    if (!node && !/^[a-z0-9-]{2,60}$/.test(code)) found.code = t('crm.taxonomy.errors.code')
    if (nameIt.trim().length < 2) found.nameIt = t('crm.taxonomy.errors.name')
    if (nameEn.trim().length < 2) found.nameEn = t('crm.taxonomy.errors.name')
    if (detail && !teamCode) found.teamCode = t('crm.taxonomy.errors.team')
    if (detail && !positiveMinutes(first)) found.firstResponseMinutes = t('crm.taxonomy.errors.minutes')
    if (detail && !positiveMinutes(resolution)) found.resolutionMinutes = t('crm.taxonomy.errors.minutes')
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const routing = detail
      ? { teamCode, process, firstResponseMinutes: Number(first), resolutionMinutes: Number(resolution) }
      : {}
    const names = { nameIt: nameIt.trim(), nameEn: nameEn.trim() }
    if (node) {
      const change: CategoryChange = { ...names, ...routing, citizenVisible }
      update.mutate(
        { code: node.code, change },
        { onSuccess: (saved) => onDone(t('crm.taxonomy.saved', { name: saved.nameIt })) },
      )
    } else {
      const input: NewCategory = {
        code,
        level,
        ...(parent ? { parentCode: parent.code } : {}),
        ...names,
        ...routing,
        citizenVisible,
      }
      create.mutate(input, {
        onSuccess: (saved) => onDone(t('crm.taxonomy.created', { name: saved.nameIt })),
      })
    }
  }

  return (
    <form className="civico-crm-category-form" onSubmit={submit} noValidate data-testid="category-form">
      <div className="row g-2">
        <div className="col-12 col-md-6">
          <TextField
            label={t('crm.taxonomy.nameIt')}
            value={nameIt}
            onChange={(event) => {
              setNameIt(event.target.value)
              if (!node && !codeEdited) setCode(teamCodeFromName(event.target.value))
            }}
            error={shown('nameIt')}
            maxLength={120}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            label={t('crm.taxonomy.nameEn')}
            value={nameEn}
            onChange={(event) => setNameEn(event.target.value)}
            error={shown('nameEn')}
            maxLength={120}
            lang="en"
          />
        </div>
        {node ? null : (
          <div className="col-12 col-md-6">
            <TextField
              label={t('crm.taxonomy.code')}
              hint={t('crm.taxonomy.codeHint')}
              value={code}
              onChange={(event) => {
                setCode(event.target.value)
                setCodeEdited(true)
              }}
              error={shown('code')}
              maxLength={60}
              spellCheck={false}
            />
          </div>
        )}
        {detail ? (
          <>
            <div className="col-12 col-md-6">
              <LabelledField label={t('crm.taxonomy.team')} error={shown('teamCode')}>
                {(control) => (
                  <select
                    {...control}
                    className={`form-select${shown('teamCode') ? ' is-invalid' : ''}`}
                    value={teamCode}
                    onChange={(event) => setTeamCode(event.target.value)}
                  >
                    <option value="">{t('crm.taxonomy.chooseTeam')}</option>
                    {(teams.data ?? []).map((team) => (
                      <option key={team.code} value={team.code}>
                        {team.name}
                      </option>
                    ))}
                  </select>
                )}
              </LabelledField>
            </div>
            <div className="col-12 col-md-6">
              <LabelledField label={t('crm.taxonomy.process')}>
                {(control) => (
                  <select
                    {...control}
                    className="form-select"
                    value={process}
                    onChange={(event) => setProcess(event.target.value as TicketProcess)}
                  >
                    {TICKET_PROCESSES.map((value) => (
                      <option key={value} value={value}>
                        {t(`crm.taxonomy.processes.${value}`)}
                      </option>
                    ))}
                  </select>
                )}
              </LabelledField>
            </div>
            <div className="col-6 col-md-3">
              <TextField
                label={t('crm.taxonomy.firstResponse')}
                hint={t('crm.taxonomy.minutesHint')}
                inputMode="numeric"
                value={first}
                onChange={(event) => setFirst(event.target.value)}
                error={shown('firstResponseMinutes')}
              />
            </div>
            <div className="col-6 col-md-3">
              <TextField
                label={t('crm.taxonomy.resolution')}
                hint={t('crm.taxonomy.minutesHint')}
                inputMode="numeric"
                value={resolution}
                onChange={(event) => setResolution(event.target.value)}
                error={shown('resolutionMinutes')}
              />
            </div>
          </>
        ) : null}
      </div>
      <div className="form-check mb-3">
        <input
          className="form-check-input"
          type="checkbox"
          id={`visible-${node?.code ?? parent?.code ?? 'root'}-${level}`}
          checked={citizenVisible}
          onChange={(event) => setCitizenVisible(event.target.checked)}
        />
        <label
          className="form-check-label"
          htmlFor={`visible-${node?.code ?? parent?.code ?? 'root'}-${level}`}
        >
          {t('crm.taxonomy.citizenVisible')}
        </label>
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={mutation.isPending}>
          {node ? t('crm.taxonomy.save') : t('crm.taxonomy.add')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('crm.taxonomy.cancel')}
        </button>
      </div>
      {mutation.isError ? (
        <div className="mt-2">
          <ErrorAlert error={mutation.error} />
        </div>
      ) : null}
    </form>
  )
}
