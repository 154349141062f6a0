import type { InputHTMLAttributes } from 'react'
import { LabelledField } from './labelled-field'

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid'> {
  label: string
  hint?: string
  error?: string
}

/** A labelled input with its hint and error tied to it. */
export function TextField({ label, hint, error, className, ...inputProps }: TextFieldProps) {
  return (
    <LabelledField label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} {...inputProps} />}
    </LabelledField>
  )
}
