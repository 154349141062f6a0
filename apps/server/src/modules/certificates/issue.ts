import { createHash } from 'node:crypto'
import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { formatLongDate } from '../../platform/format.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { notifyCitizen } from '../notifications/service.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import type { PersonFolder } from '../registry/source.js'
import { renderCertificatePdf } from './certificate-pdf.js'
import { ABROAD_NOTICE, ART_40_NOTICE, type CertificateLanguage, certificateText } from './content.js'
import type { CertificateDocument } from './document.js'
import { CERTIFICATE_ISSUED_TEMPLATE } from './notices.js'
import {
  CERTIFICATE_TYPES,
  type Certifiability,
  type CertificateType,
  type ExemptionCode,
  formatProtocol,
  refusalOf,
  STAMP_EXEMPTIONS,
  validUntil,
} from './policy.js'
import {
  type CertificateRow,
  findCertificate,
  findStamp,
  lockCertificate,
  markIssued,
  nextProtocolNumber,
} from './repo.js'
import { type SealKey, sealContent, sealKeyFor } from './seal.js'
import type { IssueDeps } from './service.js'

/** The public page a certificate's QR code opens. */
export const verificationPath = (code: string) => `/verifica/${code}`

async function stampOf(tx: Queryable, row: CertificateRow): Promise<CertificateDocument['stamp']> {
  if (row.stampMode === 'pay')
    return { mode: 'paid', amountCents: row.stampCents, receiptReference: `CERT-${row.id}` }
  if (row.stampMode === 'declared') {
    const stamp = await findStamp(tx, row.id)
    return { mode: 'declared', stampId: stamp?.stampId ?? '', stampDate: stamp?.stampDate ?? '' }
  }
  if (row.stampMode === 'exempt') {
    const exemption = STAMP_EXEMPTIONS[row.exemption as ExemptionCode]
    return { mode: 'exempt', use: exemption.use, legalReference: exemption.reference }
  }
  return { mode: 'exempt', use: 'certificato di stato civile', legalReference: 'DPR 642/1972, Tabella B' }
}

/**
 * Issues a requested certificate inside the caller's transaction: the next protocol number of the
 * year, the content sealed with the city's key, the PDF kept byte for byte with its hash, and a
 * message to the requester. The record is read again, so what is certified is what holds today.
 */
export async function issueCertificate(
  tx: Queryable,
  deps: Omit<IssueDeps, 'db'> & { db: IssueDeps['db'] },
  row: CertificateRow,
  // Read before the transaction: the registry and the key store use connections of their own.
  prepared: { folder: PersonFolder; key: SealKey },
): Promise<{ protocol: string }> {
  const type = row.type as CertificateType
  const { folder, key } = prepared
  const refusal = refusalOf(type, {
    certifiability: folder.person.certifiability as Certifiability,
    civilStatus: folder.person.civilStatus,
  })
  if (refusal) throw new AppError('CONFLICT', { messageKey: refusal })
  const now = deps.clock.now()
  const issuedOn = romeCalendarDate(now)
  const year = Number(issuedOn.slice(0, 4))
  const number = await nextProtocolNumber(tx, year)
  const city = await getCityProfile({ db: tx })
  const text = certificateText(type, folder, row.language as CertificateLanguage)
  const base = deps.settings.publicUrl.replace(/\/$/, '')
  const content: Omit<CertificateDocument, 'seal'> = {
    city: {
      name: cityTitle(city),
      fiscalCode: city?.fiscalCode ?? '',
      office: deps.settings.certificates.office,
      address: city ? `Tel. ${city.contactPhone} · ${city.contactEmail}` : '',
    },
    ...text,
    subject: {
      givenName: folder.person.givenName,
      familyName: folder.person.familyName,
      fiscalCode: folder.person.fiscalCode,
      sex: folder.person.sex,
      birthDate: folder.person.birthDate,
      birthPlace: folder.person.birthPlace.name,
    },
    protocol: { year, number },
    issuedOn,
    validUntil: validUntil(issuedOn),
    stamp: await stampOf(tx, row),
    feesCents: row.feesCents,
    legalNotice: row.forUseAbroad ? ABROAD_NOTICE : ART_40_NOTICE,
    officer: deps.settings.certificates.officer,
    verificationUrl: `${base}${verificationPath(row.verificationCode)}`,
    verificationCode: row.verificationCode,
  }
  const seal = sealContent(key, content)
  const pdf = await renderCertificatePdf({ ...content, seal })
  await markIssued(
    tx,
    row.id,
    {
      protocolYear: year,
      protocolNumber: number,
      issuedAt: now,
      validUntil: content.validUntil,
      content,
      seal,
      keyId: key.id,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    },
    pdf,
  )
  const protocol = formatProtocol(year, number)
  await recordAudit(tx, { type: 'system', name: 'certificates' }, { ip: null, requestId: null }, now, {
    action: 'certificates.issued',
    subjectType: 'person',
    subjectId: row.subjectFiscalCode,
    details: { certificateId: row.id, protocol },
  })
  await notifyCitizen(tx, deps.notify, {
    recipientFiscalCode: row.requesterFiscalCode,
    template: CERTIFICATE_ISSUED_TEMPLATE,
    params: {
      title: CERTIFICATE_TYPES[type].title.toLowerCase(),
      protocol,
      validUntil: formatLongDate(content.validUntil, 'it'),
    },
    dedupeKey: `certificate-issued:${row.id}`,
    action: { url: '/area-personale/fascicolo/documenti' },
  })
  return { protocol }
}

/** The job run once the stamp duty is paid: issues the certificate unless that was done already. */
export async function issuePaidCertificate(deps: IssueDeps, certificateId: string): Promise<void> {
  const pending = await findCertificate(deps.db, certificateId)
  if (pending?.status !== 'awaiting-payment') return
  const prepared = await prepareIssue(deps, pending.subjectFiscalCode)
  await inTransaction(deps.db, async (tx) => {
    const row = await lockCertificate(tx, certificateId)
    if (row?.status !== 'awaiting-payment') return
    await issueCertificate(tx, deps, row, prepared)
  })
}

/** The subject's registry folder and the sealing key, read before the issuing transaction opens. */
export async function prepareIssue(
  deps: Pick<IssueDeps, 'db' | 'registry' | 'settings'>,
  subjectFiscalCode: string,
  knownFolder?: PersonFolder,
): Promise<{ folder: PersonFolder; key: SealKey }> {
  const folder = knownFolder ?? (await deps.registry.findPersonFolder(subjectFiscalCode))
  if (!folder) throw new AppError('NOT_FOUND', { messageKey: 'certificates.not-registered' })
  return { folder, key: await sealKeyFor(deps.db, deps.settings.certificates.sealPrivateKey) }
}
