import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { apiRequest } from '../../app/api/api-client'
import { asRecord, readList, readNullableString, readNumber, readString } from '../../app/api/parse'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'

interface FailedDelivery {
  messageId: string
  channel: string
  attempts: number
  lastError: string | null
  failedAt: string
  subject: string
  recipient: string
}

const FAILED_KEY = ['admin', 'failed-deliveries'] as const

function parseFailed(value: unknown): FailedDelivery {
  const record = asRecord(value, 'delivery')
  return {
    messageId: readString(record, 'messageId'),
    channel: readString(record, 'channel'),
    attempts: readNumber(record, 'attempts'),
    lastError: readNullableString(record, 'lastError'),
    failedAt: readString(record, 'failedAt'),
    subject: readString(record, 'subject'),
    recipient: readString(record, 'recipient'),
  }
}

/** Messages a channel could not deliver after every retry, and a way to send one again. */
export function FailedDeliveries() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const failed = useQuery({
    queryKey: FAILED_KEY,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/staff/notification-deliveries/failed',
        signal,
        parse: (value) => readList(value, 'deliveries', parseFailed),
      }),
  })
  const retry = useMutation({
    mutationFn: (delivery: FailedDelivery) =>
      apiRequest({
        path: `/staff/notification-deliveries/${delivery.messageId}/${delivery.channel}/retry`,
        method: 'POST',
        parse: () => undefined,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FAILED_KEY }),
  })
  return (
    <section className="mt-5" aria-labelledby="failed-deliveries-title" data-testid="failed-deliveries">
      <h2 id="failed-deliveries-title" className="h4">
        {t('backOffice.deliveries.title')}
      </h2>
      <p>{t('backOffice.deliveries.lead')}</p>
      {failed.isPending ? <LoadingState /> : null}
      {failed.isError ? <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      {retry.isError ? <ErrorAlert error={retry.error} /> : null}
      {failed.data?.length === 0 ? (
        <p data-testid="no-failed-deliveries">{t('backOffice.deliveries.none')}</p>
      ) : null}
      {failed.data && failed.data.length > 0 ? (
        <ScrollableTable label={t('backOffice.deliveries.title')} caption={t('backOffice.deliveries.title')}>
          <thead>
            <tr>
              <th scope="col">{t('backOffice.deliveries.message')}</th>
              <th scope="col">{t('backOffice.deliveries.channel')}</th>
              <th scope="col">{t('backOffice.deliveries.recipient')}</th>
              <th scope="col">{t('backOffice.deliveries.error')}</th>
              <th scope="col">{t('backOffice.deliveries.when')}</th>
              <th scope="col">{t('backOffice.rules.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {failed.data.map((delivery) => (
              <tr key={`${delivery.messageId}:${delivery.channel}`}>
                <td>{delivery.subject}</td>
                <td>{delivery.channel}</td>
                <td>{delivery.recipient}</td>
                <td>
                  {t('backOffice.deliveries.errorValue', {
                    error: delivery.lastError ?? '—',
                    count: delivery.attempts,
                  })}
                </td>
                <td>{new Date(delivery.failedAt).toLocaleString(i18n.language)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-sm"
                    disabled={retry.isPending}
                    onClick={() => retry.mutate(delivery)}
                  >
                    {t('backOffice.deliveries.retry')}
                    <span className="visually-hidden"> {delivery.subject}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      ) : null}
    </section>
  )
}
