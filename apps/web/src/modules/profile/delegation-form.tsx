import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { romeIsoDay, sameDayNextYear } from '../../app/i18n/format'
import { CheckboxGroup } from '../../app/ui/checkbox-group'
import { TextField } from '../../app/ui/text-field'
import { ProblemNotice } from '../identity/problem-notice'
import { DELEGATION_SCOPES, type DelegationScope } from '../identity/represented-api'
import { useCreateDelegation } from './delegations-api'

const FISCAL_CODE_SHAPE = /^[A-Z0-9]{16}$/

interface Problems {
  delegateFiscalCode?: string
  scopes?: string
  validUntil?: string
}

/** "Delega una persona": whom, for what, until when. The server checks the fiscal code and the dates. */
export function DelegationForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useTranslation()
  const create = useCreateDelegation()
  const [fiscalCode, setFiscalCode] = useState('')
  const [scopes, setScopes] = useState<DelegationScope[]>([])
  const [validUntil, setValidUntil] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const today = romeIsoDay()
  const lastDay = sameDayNextYear(today)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const code = fiscalCode.replace(/\s/g, '').toUpperCase()
    const found: Problems = {}
    if (!FISCAL_CODE_SHAPE.test(code)) found.delegateFiscalCode = t('delegations.form.fiscalCodeFormat')
    if (scopes.length === 0) found.scopes = t('delegations.form.scopesRequired')
    if (!validUntil) found.validUntil = t('delegations.form.validUntilRequired')
    else if (validUntil < today || validUntil > lastDay)
      found.validUntil = t('delegations.form.validUntilRange')
    setProblems(found)
    if (Object.keys(found).length > 0) return
    create.mutate(
      { delegateFiscalCode: code, scopes, validUntil },
      {
        onSuccess: (delegation) => {
          setFiscalCode('')
          setScopes([])
          setValidUntil('')
          onCreated(delegation.delegate.name ?? delegation.delegate.fiscalCode)
        },
        onError: (error) => {
          if (!isApiError(error)) return
          setProblems({
            delegateFiscalCode: error.fieldError('delegateFiscalCode'),
            scopes: error.fieldError('scopes'),
            validUntil: error.fieldError('validUntil'),
          })
        },
      },
    )
  }

  const hasFieldProblem = Object.values(problems).some(Boolean)
  return (
    <form onSubmit={onSubmit} noValidate className="civico-inline-form" data-testid="delegation-form">
      <TextField
        label={t('delegations.form.fiscalCode')}
        hint={t('delegations.form.fiscalCodeHint')}
        value={fiscalCode}
        onChange={(event) => setFiscalCode(event.target.value.toUpperCase())}
        maxLength={16}
        autoComplete="off"
        spellCheck={false}
        className="civico-fiscal-code"
        error={problems.delegateFiscalCode}
        name="delegateFiscalCode"
      />
      <CheckboxGroup
        legend={t('delegations.form.scopes')}
        options={DELEGATION_SCOPES.map((scope) => ({
          value: scope,
          label: t(`delegations.scopes.${scope}`),
        }))}
        selected={scopes}
        onChange={setScopes}
        error={problems.scopes}
      />
      <TextField
        label={t('delegations.form.validUntil')}
        hint={t('delegations.form.validUntilHint')}
        type="date"
        min={today}
        max={lastDay}
        value={validUntil}
        onChange={(event) => setValidUntil(event.target.value)}
        error={problems.validUntil}
        name="validUntil"
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
        {t('delegations.form.submit')}
      </button>
      {create.isError && !hasFieldProblem ? (
        <ProblemNotice
          error={create.error}
          stepUpReason={t('delegations.form.levelReason')}
          headingLevel="h4"
        />
      ) : null}
    </form>
  )
}
