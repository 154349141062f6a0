import { useTranslation } from 'react-i18next'
import { isApiError } from '../api/api-error'

interface CityLoadAlertProps {
  error: Error
  onRetry: () => void
}

/** Tells the visitor the city profile is missing, with the server's reason and a way to try again. */
export function CityLoadAlert({ error, onRetry }: CityLoadAlertProps) {
  const { t } = useTranslation()
  const detail = isApiError(error) ? error.detail : t('errors.unexpected')
  const reference = isApiError(error) ? error.correlationId : undefined
  return (
    <div className="container pt-3">
      <div className="alert alert-danger" role="alert">
        <p className="mb-1">
          <strong>{t('city.loadFailed')}</strong> {detail}
        </p>
        {reference ? <p className="mb-2 small">{t('errors.reference', { id: reference })}</p> : null}
        <button type="button" className="btn btn-sm btn-outline-danger" onClick={onRetry}>
          {t('city.retry')}
        </button>
      </div>
    </div>
  )
}
