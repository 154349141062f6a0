import { useId } from 'react'

interface CheckboxGroupProps<T extends string> {
  legend: string
  options: readonly { value: T; label: string }[]
  selected: readonly T[]
  onChange: (selected: T[]) => void
  /** The reason the choice was refused, announced with the group. */
  error?: string
  hint?: string
}

/** A fieldset of checkboxes whose selection keeps the order of the options. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  error,
  hint,
}: CheckboxGroupProps<T>) {
  const id = useId()
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined]
    .filter(Boolean)
    .join(' ')
  const toggle = (value: T, checked: boolean) => {
    const next = new Set(selected)
    if (checked) next.add(value)
    else next.delete(value)
    onChange(options.map((option) => option.value).filter((option) => next.has(option)))
  }
  return (
    <fieldset className="civico-field" aria-describedby={describedBy || undefined}>
      <legend className="civico-field-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="civico-field-hint">
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <div className="form-check" key={option.value}>
          <input
            className="form-check-input"
            type="checkbox"
            id={`${id}-${option.value}`}
            checked={selected.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          <label className="form-check-label" htmlFor={`${id}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
      {error ? (
        <p id={`${id}-error`} className="civico-field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
