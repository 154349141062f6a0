import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { formatDay, formatEuro } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import {
  PAYMENTS_LIST_PDF_PATH,
  type PaymentOption,
  type PaymentPosition,
  receiptPdfPath,
  useMyPayments,
  useStartCheckout,
} from './payments-api'

const MAX_CART = 5

function noticeNumber(nav: string): string {
  return nav.replace(/(\d{4})(?=\d)/g, '$1 ')
}

function OptionLabel({ option }: { option: PaymentOption }) {
  const { t, i18n } = useTranslation()
  const what =
    option.kind === 'single' ? t('payments.single') : t('payments.instalment', { n: option.instalment })
  return (
    <>
      <span className="fw-semibold">{what}</span> · {formatEuro(option.amountCents, i18n.language)} ·{' '}
      {t('payments.due', { date: formatDay(option.dueDate, i18n.language) })}
      <br />
      <small className="text-secondary">{t('payments.notice', { nav: noticeNumber(option.nav) })}</small>
    </>
  )
}

function OutcomeBanner() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const outcome = params.get('esito')
  if (!outcome) return null
  const ok = outcome === 'ok'
  return (
    <div
      className={`alert ${ok ? 'alert-success' : 'alert-warning'}`}
      role="status"
      data-testid="payment-outcome"
    >
      {t(
        ok
          ? 'payments.outcomeOk'
          : outcome === 'errore'
            ? 'payments.outcomeError'
            : 'payments.outcomeCancelled',
      )}
    </div>
  )
}

function PositionCard({
  position,
  chosen,
  onToggle,
}: {
  position: PaymentPosition
  chosen: string[]
  onToggle: (id: string) => void
}) {
  const { t, i18n } = useTranslation()
  const open = position.options.filter((option) => option.payable)
  const paid = position.options.filter((option) => option.status === 'paid')
  return (
    <section className="civico-panel" aria-labelledby={`position-${position.id}`} data-position={position.id}>
      <h2 id={`position-${position.id}`} className="h5">
        {position.description}
      </h2>
      <p className="mb-2">
        <span className="badge bg-primary">{t(`payments.statuses.${position.status}`)}</span>
      </p>
      {open.length > 0 ? (
        <fieldset>
          <legend className="h6">{t('payments.toPay')}</legend>
          {open.map((option) => (
            <div className="form-check" key={option.id}>
              <input
                className="form-check-input"
                type="checkbox"
                id={`option-${option.id}`}
                checked={chosen.includes(option.id)}
                disabled={!chosen.includes(option.id) && chosen.length >= MAX_CART}
                onChange={() => onToggle(option.id)}
              />
              <label className="form-check-label" htmlFor={`option-${option.id}`}>
                <OptionLabel option={option} />
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {open.length > 0 ? (
        <p className="mt-2 mb-0">
          <a href={`/api/v1/payments/positions/${position.id}/notice.pdf`} download data-testid="notice-pdf">
            {t('payments.download')}
            <span className="visually-hidden"> – {position.description}</span>
          </a>
        </p>
      ) : null}
      {paid.length > 0 ? (
        <>
          <h3 className="h6 mt-3">{t('payments.paid')}</h3>
          <ul className="list-unstyled mb-0" data-testid="paid-options">
            {paid.map((option) => (
              <li key={option.id}>
                <OptionLabel option={option} />
                <br />
                <small>
                  {t('payments.receipt', {
                    date: option.paidAt ? formatDay(option.paidAt.slice(0, 10), i18n.language) : '',
                    psp: option.psp ?? '—',
                  })}
                  {option.refundedCents > 0
                    ? ` · ${t('payments.refunded', { amount: formatEuro(option.refundedCents, i18n.language) })}`
                    : ''}
                </small>
                {option.receiptId ? (
                  <>
                    <br />
                    <a href={receiptPdfPath(option.receiptId)} download data-testid="option-receipt-pdf">
                      {t('payments.downloadReceipt')}
                      <span className="visually-hidden"> – {option.description}</span>
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

/** The citizen's notices: choose up to five to pay together, see what was paid and refunded. */
export function PaymentsList({ empty }: { empty: React.ReactNode }) {
  const { t, i18n } = useTranslation()
  const payments = useMyPayments()
  const checkout = useStartCheckout()
  const [chosen, setChosen] = useState<string[]>([])
  if (payments.isPending) return <LoadingState />
  if (payments.isError) return <ErrorAlert error={payments.error} onRetry={() => void payments.refetch()} />
  if (payments.data.length === 0) return <>{empty}</>
  const options = payments.data.flatMap((position) => position.options)
  const total = options
    .filter((option) => chosen.includes(option.id))
    .reduce((sum, o) => sum + o.amountCents, 0)
  const toggle = (id: string) =>
    setChosen((current) => (current.includes(id) ? current.filter((item) => item !== id) : [...current, id]))
  return (
    <div data-testid="payments-list">
      <OutcomeBanner />
      <p className="text-end">
        <a
          href={PAYMENTS_LIST_PDF_PATH}
          download
          className="btn btn-outline-primary btn-sm"
          data-testid="payments-list-pdf"
        >
          <Icon name="it-print" size="sm" color="primary" className="me-1" />
          {t('payments.printList')}
        </a>
      </p>
      {payments.data.map((position) => (
        <PositionCard key={position.id} position={position} chosen={chosen} onToggle={toggle} />
      ))}
      <div className="civico-panel d-flex flex-wrap align-items-center gap-3">
        <p className="mb-0" aria-live="polite">
          {t('payments.chosen', { count: chosen.length, total: formatEuro(total, i18n.language) })}
        </p>
        <button
          type="button"
          className="btn btn-primary"
          disabled={chosen.length === 0 || checkout.isPending}
          onClick={() => checkout.mutate(chosen)}
        >
          {t('payments.pay')}
        </button>
      </div>
      {checkout.isError ? <ErrorAlert error={checkout.error} /> : null}
    </div>
  )
}
