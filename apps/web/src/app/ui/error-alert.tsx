import { useTranslation } from 'react-i18next'
import { isApiError } from '../api/api-error'

interface ErrorAlertProps {
  error: unknown
  /** What could not be done, e.g. "Non è stato possibile caricare i tuoi dati." */
  title?: string
  onRetry?: () => void
}

/** The server's reason in the visitor's language, the reference to quote, and a retry when it may help. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation()
  const detail = isApiError(error) ? error.detail : t('errors.unexpected')
  const reference = isApiError(error) ? error.correlationId : undefined
  const retryable = !isApiError(error) || error.isRetryable
  return (
    <div className="alert alert-danger" role="alert">
      <p className="mb-1">
        {title ? <strong>{title} </strong> : null}
        {detail}
      </p>
      {reference ? <p className="mb-0 small">{t('errors.reference', { id: reference })}</p> : null}
      {onRetry && retryable ? (
        <button type="button" className="btn btn-sm btn-outline-danger mt-2" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  )
}
