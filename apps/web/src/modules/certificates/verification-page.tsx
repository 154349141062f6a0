import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { formatDay, formatTime } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { type CertificateVerification, useVerification } from './certificates-api'
import { CopyCheckForm } from './copy-check-form'

const STATUS_BADGES: Record<CertificateVerification['status'], string> = {
  valid: 'civico-badge-verified',
  expired: 'civico-badge-warning',
  altered: 'civico-badge-alert',
}

function VerificationFacts({ verification }: { verification: CertificateVerification }) {
  const { t, i18n } = useTranslation()
  const { status } = verification
  const rows: [string, string, string?][] = [
    [t('certificates.verify.what'), verification.title],
    [t('certificates.verify.protocol'), verification.protocol],
    [
      t('certificates.verify.issuedAt'),
      t('certificates.verify.issuedAtValue', {
        date: formatDay(verification.issuedAt, i18n.language),
        time: formatTime(verification.issuedAt, i18n.language),
      }),
    ],
    [t('certificates.verify.validUntil'), formatDay(verification.validUntil, i18n.language)],
    [t('certificates.verify.subject'), verification.subject.name],
    [t('certificates.verify.subjectFiscalCode'), verification.subject.fiscalCode, 'civico-fiscal-code'],
  ]
  return (
    <section className="civico-panel" data-testid="verification" data-status={status}>
      <p className="mb-2">
        <span className="visually-hidden">{t('certificates.verify.statusLabel')}: </span>
        <span className={`badge ${STATUS_BADGES[status]} fs-6`} data-testid="verification-status">
          <Icon
            name={status === 'valid' ? 'it-check-circle' : 'it-warning-circle'}
            size="sm"
            className="me-1"
          />
          {t(`certificates.verify.status.${status}`)}
        </span>
      </p>
      <p>{t(`certificates.verify.statusText.${status}`)}</p>
      <dl className="civico-facts civico-facts-two-columns mb-0">
        {rows.map(([label, value, className]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={className}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

/** The public page a certificate's QR code opens: what was certified and whether a copy is genuine. */
export function VerificationPage() {
  const { t } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const title = t('certificates.verify.title', { code })
  usePageTitle(t('certificates.verify.pageTitle', { code }))
  const verification = useVerification(code)
  const unknown =
    verification.isError && isApiError(verification.error) && [400, 404].includes(verification.error.status)
  return (
    <div className="container pb-5" data-testid="verification-page">
      <PageHeader title={title} lead={t('certificates.verify.lead')} />
      <div className="row">
        <div className="col-12 col-lg-8">
          {verification.isPending ? (
            <LoadingState />
          ) : unknown ? (
            <div className="civico-empty-state" data-testid="verification-unknown">
              <Icon name="it-warning-circle" size="lg" color="warning" className="mb-2" />
              <h2 className="h5">{t('certificates.verify.unknownTitle')}</h2>
              <p className="mb-0">{t('certificates.verify.unknownText', { code })}</p>
            </div>
          ) : verification.isError ? (
            <ErrorAlert
              error={verification.error}
              title={t('certificates.verify.loadFailed')}
              onRetry={() => void verification.refetch()}
            />
          ) : (
            <>
              <VerificationFacts verification={verification.data} />
              <CopyCheckForm code={code} />
            </>
          )}
        </div>
      </div>
    </div>
  )
}
