import { useTranslation } from 'react-i18next'
import { formatDay, formatEuro } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { EmptyNote } from '../folder/records-view'
import { RequireLevel } from '../identity/step-up'
import { receiptPdfPath, useMyReceipts } from './payments-api'

function ReceiptsList() {
  const { t, i18n } = useTranslation()
  const receipts = useMyReceipts()
  if (receipts.isPending) return <LoadingState />
  if (receipts.isError) return <ErrorAlert error={receipts.error} onRetry={() => void receipts.refetch()} />
  if (receipts.data.length === 0) return <EmptyNote text={t('folder.documents.receiptsEmpty')} />
  return (
    <ul className="civico-record-list" data-testid="receipts-list">
      {receipts.data.map((receipt) => (
        <li key={receipt.id} className="civico-panel">
          <h3 className="h6 mb-1">{receipt.description}</h3>
          <p className="mb-1">
            {t('payments.receiptLine', {
              amount: formatEuro(receipt.amountCents, i18n.language),
              date: formatDay(receipt.paidAt.slice(0, 10), i18n.language),
              psp: receipt.psp ?? '—',
            })}
          </p>
          <a href={receiptPdfPath(receipt.id)} download data-testid="receipt-pdf">
            <Icon name="it-download" size="sm" color="primary" className="me-1" />
            {t('payments.downloadReceipt')}
            <span className="visually-hidden"> – {receipt.description}</span>
          </a>
        </li>
      ))}
    </ul>
  )
}

/** Documenti's receipts: behind SPID level 2, as the payments they prove. */
export function DocumentReceipts() {
  const { t } = useTranslation()
  return (
    <RequireLevel level={2} reason={t('payments.receiptsLevelReason')} headingLevel="h3">
      <ReceiptsList />
    </RequireLevel>
  )
}
