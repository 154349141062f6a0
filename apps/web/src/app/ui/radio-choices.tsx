import { type ReactNode, useId } from 'react'

export interface RadioChoice<T extends string> {
  value: T
  label: ReactNode
  /** A short explanation under the label, read with it. */
  description?: ReactNode
}

/** A fieldset of radios, one decision: legend, choices with their explanations, the error tied to it. */
export function RadioChoices<T extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  error,
  legendClassName = 'civico-field-label',
  testId,
}: {
  legend: ReactNode
  name: string
  choices: readonly RadioChoice<T>[]
  value: T | null
  onChange: (value: T) => void
  error?: string
  legendClassName?: string
  testId?: string
}) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <fieldset className="civico-field" aria-describedby={error ? errorId : undefined} data-testid={testId}>
      <legend className={legendClassName}>{legend}</legend>
      {choices.map((choice) => {
        const inputId = `${id}-${choice.value}`
        return (
          <div className="form-check mb-3" key={choice.value}>
            <input
              className="form-check-input"
              type="radio"
              name={name}
              id={inputId}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-describedby={choice.description ? `${inputId}-description` : undefined}
            />
            <label className="form-check-label fw-semibold" htmlFor={inputId}>
              {choice.label}
            </label>
            {choice.description ? (
              <p id={`${inputId}-description`} className="small text-secondary mb-0 ms-5">
                {choice.description}
              </p>
            ) : null}
          </div>
        )
      })}
      {error ? (
        <p id={errorId} className="civico-field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
