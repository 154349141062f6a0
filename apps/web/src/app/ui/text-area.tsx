import { type TextareaHTMLAttributes, useId } from 'react'

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid'> {
  label: string
  hint?: string
  error?: string
}

/** A labelled multi-line input with its hint and error tied to it, like `TextField`. */
export function TextArea({ label, hint, error, className, rows = 3, ...props }: TextAreaProps) {
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
      <textarea
        id={id}
        rows={rows}
        className={`form-control${error ? ' is-invalid' : ''}${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...props}
      />
      {error ? (
        <p id={errorId} className="civico-field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
