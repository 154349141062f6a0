import { type InputHTMLAttributes, useId } from 'react'

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid'> {
  label: string
  /** A short help text under the label, e.g. the expected format. */
  hint?: string
  /** The reason the value was refused, shown under the field and announced with it. */
  error?: string
}

/**
 * A labelled input with its hint and error tied to it (`aria-describedby`), so a screen reader reads
 * them with the field. The label sits above the input: Bootstrap Italia's floating label needs
 * its own script to move out of the way.
 */
export function TextField({ label, hint, error, className, ...inputProps }: TextFieldProps) {
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
      <input
        id={id}
        className={`form-control${error ? ' is-invalid' : ''}${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...inputProps}
      />
      {error ? (
        <p id={errorId} className="civico-field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
