import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatEuro } from '../../app/i18n/format'
import { FOLDER_PATH } from '../../app/paths'
import { Icon } from '../../app/ui/icon'
import { ProblemNotice } from '../identity/problem-notice'
import { useStartCheckout } from '../payments/payments-api'
import {
  type CertificateRequested,
  certificatePdfPath,
  useMyCertificates,
  verificationPath,
} from './certificates-api'

export const DOCUMENTS_PATH = `${FOLDER_PATH}/documenti`

/** Issued at once: the protocol, the PDF, its verification page and the way to Documenti. */
function Issued({ id }: { id: string }) {
  const { t } = useTranslation()
  const mine = useMyCertificates()
  const certificate = mine.data?.find((entry) => entry.id === id)
  return (
    <div className="alert alert-success" data-testid="certificate-issued">
      <h2 className="h4" tabIndex={-1} data-step-heading>
        {t('certificates.issuedTitle')}
      </h2>
      <p data-testid="certificate-protocol">
        {certificate?.protocol
          ? t('certificates.issuedText', { protocol: certificate.protocol })
          : t('certificates.issuedTextNoProtocol')}
      </p>
      <div className="d-flex flex-column flex-sm-row flex-wrap gap-2">
        <a className="btn btn-primary" href={certificatePdfPath(id)} download data-testid="certificate-pdf">
          <Icon name="it-download" size="sm" color="white" className="me-1" />
          {t('certificates.download')}
        </a>
        <Link className="btn btn-outline-primary" to={DOCUMENTS_PATH}>
          {t('certificates.toDocuments')}
        </Link>
        {certificate?.verificationCode ? (
          <Link
            className="btn btn-outline-primary"
            to={verificationPath(certificate.verificationCode)}
            data-testid="certificate-verify-link"
          >
            {t('certificates.verifyLink')}
          </Link>
        ) : null}
      </div>
    </div>
  )
}

/** Left awaiting the stamp duty: the pagoPA payment starts from here. */
function AwaitingPayment({ payment }: { payment: NonNullable<CertificateRequested['payment']> }) {
  const { t, i18n } = useTranslation()
  const checkout = useStartCheckout()
  const amount = formatEuro(payment.amountCents, i18n.language)
  return (
    <div className="civico-panel mb-3" data-testid="certificate-awaiting-payment">
      <h2 className="h4" tabIndex={-1} data-step-heading>
        {t('certificates.awaitingTitle')}
      </h2>
      <p>{t('certificates.awaitingText', { amount })}</p>
      {checkout.isError ? (
        <ProblemNotice error={checkout.error} title={t('certificates.paymentFailed')} headingLevel="h3" />
      ) : null}
      <div className="d-flex flex-column flex-sm-row flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-primary"
          disabled={checkout.isPending || checkout.isSuccess}
          onClick={() => checkout.mutate([payment.optionId])}
        >
          {t('certificates.pay', { amount })}
        </button>
        <Link className="btn btn-outline-primary" to={DOCUMENTS_PATH}>
          {t('certificates.toDocuments')}
        </Link>
      </div>
    </div>
  )
}

export function RequestResult({
  result,
  onAnother,
}: {
  result: CertificateRequested
  onAnother: () => void
}) {
  const { t } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('[data-step-heading]')?.focus()
  }, [])
  return (
    <div ref={box} data-testid="certificate-result" data-status={result.status}>
      {result.status === 'issued' || !result.payment ? (
        <Issued id={result.id} />
      ) : (
        <AwaitingPayment payment={result.payment} />
      )}
      <button type="button" className="btn btn-link px-0" onClick={onAnother}>
        {t('certificates.another')}
      </button>
    </div>
  )
}
