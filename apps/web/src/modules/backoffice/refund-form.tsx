import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { formatEuro } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import { type DeskOption, useRecordRefund } from './payments-desk-api'

/** Euros as typed at the desk ("12,50", "12.5", "12") in cents; null when it is not an amount. */
export function centsFromTypedEuro(text: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text.trim())
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

interface Problems {
  amount?: string
  reason?: string
}

/** A refund on one paid notice, up to what was paid and not yet given back. */
export function RefundForm({ option, noticeLabel }: { option: DeskOption; noticeLabel: string }) {
  const { t, i18n } = useTranslation()
  const record = useRecordRefund()
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [recorded, setRecorded] = useState<number | null>(null)
  const max = formatEuro(option.refundableCents, i18n.language)
  const titleId = `refund-${option.id}`

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setRecorded(null)
    const cents = centsFromTypedEuro(amount)
    const found: Problems = {}
    if (cents === null || cents <= 0 || cents > option.refundableCents)
      found.amount = t('paymentsDesk.refund.amountInvalid', { max })
    if (reason.trim().length < 3) found.reason = t('paymentsDesk.refund.reasonInvalid')
    setProblems(found)
    if (found.amount || found.reason || cents === null) return
    record.mutate(
      { optionId: option.id, amountCents: cents, reason: reason.trim() },
      {
        onSuccess: () => {
          setRecorded(cents)
          setAmount('')
          setReason('')
        },
        onError: (error) => {
          if (isApiError(error))
            setProblems({ amount: error.fieldError('amountCents'), reason: error.fieldError('reason') })
        },
      },
    )
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="civico-panel mt-3"
      aria-labelledby={titleId}
      data-testid="refund-form"
    >
      <h5 id={titleId} className="h6">
        {t('paymentsDesk.refund.title')}
        <span className="visually-hidden"> {noticeLabel}</span>
      </h5>
      <TextField
        label={t('paymentsDesk.refund.amount')}
        hint={t('paymentsDesk.refund.amountHint', { max })}
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        error={problems.amount}
        inputMode="decimal"
        autoComplete="off"
      />
      <TextArea
        label={t('paymentsDesk.refund.reason')}
        hint={t('paymentsDesk.refund.reasonHint')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={problems.reason}
        maxLength={500}
        rows={2}
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={record.isPending}>
        {t('paymentsDesk.refund.submit')}
      </button>
      <div role="status">
        {recorded !== null ? (
          <p className="alert alert-success mt-3 mb-0">
            {t('paymentsDesk.refund.done', { amount: formatEuro(recorded, i18n.language) })}
          </p>
        ) : null}
      </div>
      {record.isError && !problems.amount && !problems.reason ? <ErrorAlert error={record.error} /> : null}
    </form>
  )
}
