import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LabelledField } from '../../app/ui/labelled-field'

/** What every section of the appointments administration is given. */
export interface SectionProps {
  /** Administrators change the calendar; supervisors only read it. */
  canEdit: boolean
  /** Says what was just done in the page's status region. */
  announce: (message: string) => void
}

/** A labelled native select, with its hint and error tied to it. */
export function SelectField({
  label,
  hint,
  error,
  value,
  onChange,
  children,
  testId,
}: {
  label: string
  hint?: string
  error?: string
  value: string
  onChange: (value: string) => void
  children: ReactNode
  testId?: string
}) {
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) => (
        <select
          {...control}
          className={`form-select${error ? ' is-invalid' : ''}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        >
          {children}
        </select>
      )}
    </LabelledField>
  )
}

/** A delete button that asks once more, in place, before acting. */
export function ConfirmDelete({
  label,
  question,
  onConfirm,
  pending,
}: {
  label: string
  question: string
  onConfirm: () => void
  pending: boolean
}) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  if (!asking)
    return (
      <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setAsking(true)}>
        {label}
      </button>
    )
  return (
    <span className="d-inline-flex flex-wrap align-items-center gap-2">
      <span>{question}</span>
      <button
        type="button"
        className="btn btn-danger btn-sm"
        disabled={pending}
        onClick={() => {
          onConfirm()
          setAsking(false)
        }}
      >
        {t('appointmentsAdmin.confirmDelete')}
      </button>
      <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  )
}
