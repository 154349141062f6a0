import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Icon } from '../../app/ui/icon'
import { useClipboardCopy } from '../../app/ui/use-clipboard-copy'

/** The new key, shown once: selectable, copyable, with a plain warning that it will not come back. */
export function ApiClientKey({ name, apiKey, onDone }: { name: string; apiKey: string; onDone: () => void }) {
  const { t } = useTranslation()
  const inputId = useId()
  const { state: copyState, copy } = useClipboardCopy(apiKey)

  return (
    <section
      className="alert alert-warning civico-api-key"
      aria-labelledby={`${inputId}-title`}
      data-testid="api-key"
    >
      <h2 id={`${inputId}-title`} className="h5">
        {t('backOffice.apiClients.keyTitle', { name })}
      </h2>
      <p>{t('backOffice.apiClients.keyWarning')}</p>
      <label htmlFor={inputId} className="civico-field-label">
        {t('backOffice.apiClients.keyLabel')}
      </label>
      <div className="d-flex flex-wrap gap-2 align-items-center">
        <input
          id={inputId}
          className="form-control civico-api-key-value"
          readOnly
          value={apiKey}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
        />
        <button type="button" className="btn btn-primary btn-sm btn-icon" onClick={() => void copy()}>
          <Icon name="it-copy" color="white" size="sm" className="me-1" />
          <span>{t('backOffice.apiClients.copy')}</span>
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onDone}>
          {t('backOffice.apiClients.keyStored')}
        </button>
      </div>
      <p role="status" className="mb-0 mt-2 small">
        {copyState === 'copied' ? t('backOffice.apiClients.copied') : null}
        {copyState === 'failed' ? t('backOffice.apiClients.copyFailed') : null}
      </p>
    </section>
  )
}
