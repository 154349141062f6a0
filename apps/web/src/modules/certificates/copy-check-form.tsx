import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../app/ui/error-alert'
import { useCompareCopy } from './certificates-api'

const MAX_BYTES = 2 * 1024 * 1024

/** "Controlla una copia": the uploaded PDF is compared byte for byte with the one issued. */
export function CopyCheckForm({ code }: { code: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [file, setFile] = useState<File | null>(null)
  const [invalid, setInvalid] = useState(false)
  const compare = useCompareCopy()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!file || file.size === 0 || file.size > MAX_BYTES) {
      setInvalid(true)
      return
    }
    compare.mutate({ code, file })
  }

  return (
    <section className="civico-panel mt-4" aria-labelledby={`${id}-title`} data-testid="copy-check">
      <h2 id={`${id}-title`} className="h4">
        {t('certificates.verify.copyTitle')}
      </h2>
      <p>{t('certificates.verify.copyLead')}</p>
      <form noValidate onSubmit={submit}>
        <div className="civico-field">
          <label htmlFor={`${id}-file`} className="civico-field-label">
            {t('certificates.verify.fileLabel')}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept="application/pdf,.pdf"
            className={`form-control${invalid ? ' is-invalid' : ''}`}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
            data-testid="copy-file"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setInvalid(false)
              compare.reset()
            }}
          />
          {invalid ? (
            <p id={`${id}-error`} className="civico-field-error">
              {t('certificates.verify.fileError')}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn btn-primary" disabled={compare.isPending}>
          {compare.isPending ? t('certificates.verify.checking') : t('certificates.verify.check')}
        </button>
      </form>
      <div aria-live="polite" className="mt-3">
        {compare.isSuccess ? (
          <div
            className={`alert ${compare.data ? 'alert-success' : 'alert-danger'} mb-0`}
            data-testid="copy-outcome"
            data-matches={compare.data}
          >
            {compare.data ? t('certificates.verify.matches') : t('certificates.verify.differs')}
          </div>
        ) : null}
        {compare.isError ? <ErrorAlert error={compare.error} /> : null}
      </div>
    </section>
  )
}
