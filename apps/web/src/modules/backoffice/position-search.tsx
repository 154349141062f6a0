import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { formatDay, formatEuro } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { TextField } from '../../app/ui/text-field'
import {
  type DeskOption,
  type DeskPosition,
  type PositionLookup,
  usePositionLookup,
} from './payments-desk-api'
import { RefundForm } from './refund-form'

/** Digits only (spaces aside) read as a notice number, except a company's 11-digit fiscal code. */
export function lookupOf(typed: string): PositionLookup {
  const compact = typed.replace(/\s+/g, '')
  return /^\d+$/.test(compact) && compact.length !== 11
    ? { noticeNumber: compact }
    : { fiscalCode: compact.toUpperCase() }
}

/** A notice number the way it is printed: groups of four digits. */
function printedNotice(nav: string): string {
  return nav.replace(/(\d{4})(?=\d)/g, '$1 ')
}

function OptionDetails({ option }: { option: DeskOption }) {
  const { t, i18n } = useTranslation()
  const euro = (cents: number) => formatEuro(cents, i18n.language)
  const name =
    option.kind === 'single'
      ? t('paymentsDesk.option.single')
      : t('paymentsDesk.option.instalment', { n: option.instalment })
  const notice = printedNotice(option.nav)
  return (
    <li className="border-top pt-3 mt-3" data-option={option.nav}>
      <h4 className="h6">{name}</h4>
      <dl className="row mb-0">
        <dt className="col-sm-4">{t('paymentsDesk.option.notice')}</dt>
        <dd className="col-sm-8 text-break">{notice}</dd>
        <dt className="col-sm-4">{t('paymentsDesk.option.amount')}</dt>
        <dd className="col-sm-8">{euro(option.amountCents)}</dd>
        <dt className="col-sm-4">{t('paymentsDesk.option.due')}</dt>
        <dd className="col-sm-8">{formatDay(option.dueDate, i18n.language)}</dd>
        <dt className="col-sm-4">{t('paymentsDesk.option.status')}</dt>
        <dd className="col-sm-8">{t(`paymentsDesk.option.statuses.${option.status}`)}</dd>
        <dt className="col-sm-4">{t('paymentsDesk.option.receipt')}</dt>
        <dd className="col-sm-8" data-testid="option-receipt">
          {option.receipt
            ? t('paymentsDesk.option.receiptValue', {
                amount: euro(option.receipt.amountCents),
                date: formatDay(option.receipt.paidAt, i18n.language),
                psp: option.receipt.psp ?? t('paymentsDesk.option.unknownPsp'),
              })
            : t('paymentsDesk.option.noReceipt')}
        </dd>
        <dt className="col-sm-4">{t('paymentsDesk.option.refunds')}</dt>
        <dd className="col-sm-8" data-testid="option-refunds">
          {option.refunds.length === 0 ? (
            t('paymentsDesk.option.noRefunds')
          ) : (
            <ul className="mb-0 ps-3">
              {option.refunds.map((refund) => (
                <li key={`${refund.at}:${refund.amountCents}`}>
                  {t('paymentsDesk.option.refundValue', {
                    amount: euro(refund.amountCents),
                    date: formatDay(refund.at, i18n.language),
                    reason: refund.reason,
                  })}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {option.status === 'paid' && option.refundableCents > 0 ? (
        <RefundForm option={option} noticeLabel={`${name}, ${notice}`} />
      ) : null}
    </li>
  )
}

function PositionCard({ position }: { position: DeskPosition }) {
  const { t } = useTranslation()
  return (
    <li className="civico-panel mb-3" data-position={position.iupd}>
      <div className="d-flex flex-wrap align-items-start justify-content-between gap-2">
        <h3 className="h5 mb-1">{position.description}</h3>
        <span className="badge bg-primary">{t(`paymentsDesk.position.statuses.${position.status}`)}</span>
      </div>
      <p className="mb-0 text-break">
        {t('paymentsDesk.position.debtor', {
          name: position.debtorName,
          fiscalCode: position.debtorFiscalCode,
        })}
      </p>
      <p className="mb-0 small text-secondary text-break">
        {t('paymentsDesk.position.iupd', { iupd: position.iupd, source: position.source })}
      </p>
      <ul className="list-unstyled mb-0">
        {position.options.map((option) => (
          <OptionDetails key={option.id} option={option} />
        ))}
      </ul>
    </li>
  )
}

/** "Cerca posizioni e registra un rimborso": one code, the positions it finds, refunds on paid notices. */
export function PositionSearch() {
  const { t } = useTranslation()
  const [typed, setTyped] = useState('')
  const [lookup, setLookup] = useState<PositionLookup | null>(null)
  const [missing, setMissing] = useState<string | undefined>()
  const found = usePositionLookup(lookup)
  const refusal =
    isApiError(found.error) &&
    found.error.fieldErrors.find((entry) => entry.path.startsWith('querystring.'))?.message
  const code = !lookup
    ? ''
    : 'noticeNumber' in lookup
      ? printedNotice(lookup.noticeNumber)
      : lookup.fiscalCode

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!typed.trim()) {
      setMissing(t('paymentsDesk.required'))
      return
    }
    setMissing(undefined)
    setLookup(lookupOf(typed))
  }

  return (
    <section aria-labelledby="position-search-title" data-testid="position-search">
      <h2 id="position-search-title" className="h4">
        {t('paymentsDesk.search.title')}
      </h2>
      <p>{t('paymentsDesk.search.text')}</p>
      <form onSubmit={onSubmit} noValidate className="civico-panel mb-4" data-testid="position-search-form">
        <TextField
          label={t('paymentsDesk.search.code')}
          hint={t('paymentsDesk.search.codeHint')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={missing ?? (refusal || undefined)}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="btn btn-primary btn-sm" disabled={found.isFetching}>
          {t('paymentsDesk.search.submit')}
        </button>
      </form>
      {found.isFetching && !found.data ? <LoadingState /> : null}
      {found.isError && !refusal ? (
        <ErrorAlert error={found.error} onRetry={() => void found.refetch()} />
      ) : null}
      {found.data ? (
        <>
          <p role="status" className="text-break" data-testid="search-outcome">
            {found.data.length === 0
              ? t('paymentsDesk.search.none', { code })
              : t('paymentsDesk.search.found', { count: found.data.length, code })}
          </p>
          <ul className="list-unstyled" data-testid="positions-found">
            {found.data.map((position) => (
              <PositionCard key={position.id} position={position} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
