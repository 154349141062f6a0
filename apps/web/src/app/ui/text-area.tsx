import type { TextareaHTMLAttributes } from 'react'
import { LabelledField } from './labelled-field'

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid'> {
  label: string
  hint?: string
  error?: string
}

/** A labelled multi-line input with its hint and error tied to it. */
export function TextArea({ label, hint, error, className, rows = 3, ...props }: TextAreaProps) {
  return (
    <LabelledField label={label} hint={hint} error={error} className={className}>
      {(control) => <textarea {...control} rows={rows} {...props} />}
    </LabelledField>
  )
}
