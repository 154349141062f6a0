import { type ReactNode, useId } from 'react'

/** What a labelled control needs to be read with its hint and error. */
export interface FieldControlProps {
  id: string
  className: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/**
 * The frame of a form field: label above the control, hint and error tied to it
 * (`aria-describedby`) so a screen reader reads them with the field. The label sits above: Bootstrap
 * Italia's floating label needs its own script to move out of the way.
 */
export function LabelledField({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: string
  /** A short help text under the label, e.g. the expected format. */
  hint?: string
  /** The reason the value was refused, shown under the field and announced with it. */
  error?: string
  className?: string
  children: (control: FieldControlProps) => ReactNode
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ')
  return (
    <div className="civico-field">
      <label htmlFor={id} className="civico-field-label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="civico-field-hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        className: `form-control${error ? ' is-invalid' : ''}${className ? ` ${className}` : ''}`,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {error ? (
        <p id={errorId} className="civico-field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
