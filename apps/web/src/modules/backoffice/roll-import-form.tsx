import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LabelledField } from '../../app/ui/labelled-field'
import { TextField } from '../../app/ui/text-field'
import { useImportRoll } from './payments-desk-api'

const SOURCE_SHAPE = /^[A-Za-z0-9_.-]{1,60}$/
/** The columns the server reads, in its order; their names are the same in every language. */
const ROLL_HEADER = 'iupd;codice_fiscale;nominativo;tipo;descrizione;rata;scadenza;importo'

interface Problems {
  source?: string
  file?: string
}

/** The lines a refused roll names ("line 4"), with the reason for each. */
function BadLines({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!isApiError(error)) return null
  const lines = error.fieldErrors.filter((entry) => /^line \d+$/.test(entry.path))
  if (lines.length === 0) return null
  return (
    <div className="alert alert-danger" role="alert" data-testid="roll-refused">
      <h3 className="h6">{t('paymentsDesk.import.refusedTitle')}</h3>
      <p>{error.detail}</p>
      <p className="mb-1 fw-semibold">{t('paymentsDesk.import.badLines')}</p>
      <ul className="mb-0" data-testid="roll-bad-lines">
        {lines.map((entry) => (
          <li key={`${entry.path}:${entry.message}`}>
            {t('paymentsDesk.import.line', { line: entry.path.slice('line '.length) })}: {entry.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** "Importa un ruolo": a name and a CSV file; the roll goes in whole, or every bad line is listed. */
export function RollImportForm() {
  const { t } = useTranslation()
  const importRoll = useImportRoll()
  const fileInput = useRef<HTMLInputElement>(null)
  const [source, setSource] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [imported, setImported] = useState<{ source: string; positions: number; options: number } | null>(
    null,
  )

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setImported(null)
    const file = fileInput.current?.files?.[0]
    const name = source.trim()
    const found: Problems = {}
    if (!SOURCE_SHAPE.test(name))
      found.source = name ? t('paymentsDesk.import.sourceInvalid') : t('paymentsDesk.required')
    if (!file) found.file = t('paymentsDesk.import.fileRequired')
    setProblems(found)
    if (found.source || found.file || !file) return
    const csv = await file.text()
    importRoll.mutate(
      { source: name, csv },
      {
        onSuccess: (counts) => setImported({ source: name, ...counts }),
        onError: (error) => {
          if (isApiError(error)) setProblems({ source: error.fieldError('querystring.source') })
        },
      },
    )
  }

  const refusedWithLines =
    isApiError(importRoll.error) &&
    importRoll.error.fieldErrors.some((entry) => entry.path.startsWith('line '))
  return (
    <section className="civico-panel mb-4" aria-labelledby="roll-import-title">
      <h2 id="roll-import-title" className="h4">
        {t('paymentsDesk.import.title')}
      </h2>
      <p className="mb-1">{t('paymentsDesk.import.formatIntro')}</p>
      <p>
        <code className="text-break">{ROLL_HEADER}</code>
      </p>
      <p>{t('paymentsDesk.import.text')}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="roll-import-form">
        <TextField
          label={t('paymentsDesk.import.source')}
          hint={t('paymentsDesk.import.sourceHint')}
          value={source}
          onChange={(event) => setSource(event.target.value)}
          error={problems.source}
          maxLength={60}
          autoComplete="off"
        />
        <LabelledField label={t('paymentsDesk.import.file')} error={problems.file}>
          {(control) => <input {...control} ref={fileInput} type="file" accept=".csv,text/csv" />}
        </LabelledField>
        <button type="submit" className="btn btn-primary btn-sm" disabled={importRoll.isPending}>
          {importRoll.isPending ? t('paymentsDesk.import.sending') : t('paymentsDesk.import.submit')}
        </button>
      </form>
      <div role="status" className="mt-3">
        {imported ? (
          <p className="alert alert-success mb-0" data-testid="roll-imported">
            {t('paymentsDesk.import.done', imported)}
          </p>
        ) : null}
      </div>
      {importRoll.isError && refusedWithLines ? <BadLines error={importRoll.error} /> : null}
      {importRoll.isError && !refusedWithLines && !problems.source ? (
        <ErrorAlert error={importRoll.error} />
      ) : null}
    </section>
  )
}
