import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay, romeIsoDay } from '../../app/i18n/format'
import { PAYMENTS_PATH } from '../../app/paths'
import { useSignedInSession } from '../../app/session/session-api'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { useFolderSummary, usePersonFolder } from '../folder/folder-api'
import { EmptyNote } from '../folder/records-view'
import {
  certificatePdfPath,
  isKnownType,
  type MyCertificate,
  REQUEST_CERTIFICATE_PATH,
  useMyCertificates,
  verificationPath,
} from './certificates-api'

type ShownStatus = 'issued' | 'expired' | 'awaiting-payment' | 'cancelled'

const STATUS_BADGES: Record<ShownStatus, string> = {
  issued: 'civico-badge-verified',
  expired: 'civico-badge-neutral',
  'awaiting-payment': 'civico-badge-warning',
  cancelled: 'civico-badge-neutral',
}

/** Names of the household, so a child's certificate says whom it is about. */
function useFamilyNames(): Map<string, string> {
  const summary = useFolderSummary()
  const folder = usePersonFolder(summary.data?.owner.fiscalCode)
  const names = new Map<string, string>()
  if (folder.data?.registered) {
    const { person, family } = folder.data
    names.set(person.fiscalCode, `${person.givenName} ${person.familyName}`)
    for (const member of family) names.set(member.fiscalCode, `${member.givenName} ${member.familyName}`)
  }
  return names
}

function CertificateItem({
  certificate,
  forWhom,
  today,
}: {
  certificate: MyCertificate
  forWhom: string | null
  today: string
}) {
  const { t, i18n } = useTranslation()
  const title = isKnownType(certificate.type)
    ? t(`certificates.types.${certificate.type}.name`)
    : certificate.title
  const status: ShownStatus =
    certificate.status === 'issued' && certificate.validUntil && certificate.validUntil < today
      ? 'expired'
      : certificate.status
  const facts: [string, string][] = [
    ...(forWhom ? [[t('certificates.list.for'), forWhom] as [string, string]] : []),
    ...(certificate.protocol
      ? [[t('certificates.list.protocol'), certificate.protocol] as [string, string]]
      : []),
    certificate.issuedAt
      ? [t('certificates.list.issuedOn'), formatDay(certificate.issuedAt, i18n.language)]
      : [t('certificates.list.requestedOn'), formatDay(certificate.requestedAt, i18n.language)],
    ...(certificate.validUntil
      ? [
          [t('certificates.list.validUntil'), formatDay(certificate.validUntil, i18n.language)] as [
            string,
            string,
          ],
        ]
      : []),
  ]
  return (
    <article className="civico-panel" data-testid="certificate-item" data-status={certificate.status}>
      <div className="d-flex flex-wrap align-items-start justify-content-between gap-2 mb-2">
        <h3 className="h5 mb-0">{title}</h3>
        <span className={`badge ${STATUS_BADGES[status]}`} data-testid="certificate-status">
          {t(`certificates.list.status.${status}`)}
        </span>
      </div>
      <dl className="civico-facts civico-facts-two-columns mb-2">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {certificate.status === 'awaiting-payment' ? (
        <p className="mb-0">
          {t('certificates.list.awaitingNote')}{' '}
          <Link to={PAYMENTS_PATH}>{t('certificates.list.toPayments')}</Link>
        </p>
      ) : null}
      {certificate.status === 'issued' ? (
        <div className="d-flex flex-wrap gap-3">
          <a href={certificatePdfPath(certificate.id)} download data-testid="certificate-item-pdf">
            <Icon name="it-download" size="sm" color="primary" className="me-1" />
            {t('certificates.list.download')}
            <span className="visually-hidden"> – {title}</span>
          </a>
          {certificate.verificationCode ? (
            <Link to={verificationPath(certificate.verificationCode)} data-testid="certificate-item-verify">
              <Icon name="it-check-circle" size="sm" color="primary" className="me-1" />
              {t('certificates.list.verify')}
              <span className="visually-hidden"> – {title}</span>
            </Link>
          ) : null}
        </div>
      ) : null}
    </article>
  )
}

/** Documenti's certificates: those the citizen asked for, issued or waiting for the stamp duty. */
export function DocumentCertificates() {
  const { t } = useTranslation()
  const session = useSignedInSession()
  const certificates = useMyCertificates()
  const names = useFamilyNames()
  if (certificates.isPending) return <LoadingState />
  if (certificates.isError) {
    return <ErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />
  }
  if (certificates.data.length === 0) {
    return (
      <EmptyNote
        text={t('folder.documents.certificatesEmpty')}
        link={{ to: '/servizi/certificati-anagrafici', label: t('folder.documents.certificatesLink') }}
      />
    )
  }
  const today = romeIsoDay()
  return (
    <div className="mb-4" data-testid="certificates-list">
      <ul className="civico-record-list">
        {certificates.data.map((certificate) => (
          <li key={certificate.id}>
            <CertificateItem
              certificate={certificate}
              today={today}
              forWhom={
                certificate.subjectFiscalCode === session?.fiscalCode
                  ? null
                  : (names.get(certificate.subjectFiscalCode) ?? certificate.subjectFiscalCode)
              }
            />
          </li>
        ))}
      </ul>
      <Link
        to={REQUEST_CERTIFICATE_PATH}
        className="btn btn-outline-primary btn-sm"
        data-testid="request-certificate"
      >
        {t('certificates.list.request')}
      </Link>
    </div>
  )
}
