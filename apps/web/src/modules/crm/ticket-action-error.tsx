import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { ErrorAlert } from '../../app/ui/error-alert'

/**
 * Why an action on a ticket failed. When someone else changed the ticket meanwhile (the version
 * sent is no longer the ticket's), the page has already read it again: say so plainly, so the
 * operator looks at the change before trying again.
 */
export function TicketActionError({
  error,
  sentVersion,
  currentVersion,
  onReload,
}: {
  error: unknown
  sentVersion: number | undefined
  currentVersion: number
  onReload: () => void
}) {
  const { t } = useTranslation()
  const conflict = isApiError(error) && error.status === 409
  const stale = conflict && sentVersion !== undefined && sentVersion !== currentVersion
  if (!stale) {
    return (
      <div className="mt-2">
        <ErrorAlert error={error} />
      </div>
    )
  }
  return (
    <div className="alert alert-warning mt-2" role="alert" data-testid="stale-ticket">
      <p className="mb-1">
        <strong>{t('crm.ticket.stale.title')} </strong>
        {t('crm.ticket.stale.text')}
      </p>
      <button type="button" className="btn btn-sm btn-outline-primary" onClick={onReload}>
        {t('crm.ticket.stale.reload')}
      </button>
    </div>
  )
}
