import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { readableCode } from '../../platform/ids.js'
import { representationOf } from '../identity/delegation-service.js'
import type { NotifyDeps } from '../notifications/service.js'
import { createPosition } from '../payments/positions.js'
import { listOptionsOfPosition } from '../payments/repo.js'
import { payerOf } from '../payments/service.js'
import { dayNumberFromIso, isoFromDayNumber, romeCalendarDate } from '../registry/calendar-days.js'
import type { PersonFolder, RegistrySource } from '../registry/source.js'
import type { CertificateLanguage } from './content.js'
import './messages.js'
import { issueCertificate, prepareIssue } from './issue.js'
import {
  CERTIFICATE_TYPES,
  type Certifiability,
  type CertificateType,
  chargesOf,
  formatProtocol,
  refusalOf,
  type StampChoice,
} from './policy.js'
import {
  claimStamp,
  findCertificate,
  findPdf,
  insertCertificate,
  listRequestedBy,
  setPaymentPosition,
} from './repo.js'

export interface CertificateSettings {
  certificates: {
    secondLanguage: 'de' | 'sl' | 'fr' | null
    fees: { withStampCents: number; exemptCents: number }
    officer: string
    office: string
    sealPrivateKey: string | null
  }
  payments: { segregationCode: string }
  publicUrl: string
}

export interface IssueDeps {
  db: ServiceContext['db']
  clock: ServiceContext['clock']
  registry: RegistrySource
  settings: CertificateSettings
  notify: NotifyDeps
}

export type CertificatesContext = ServiceContext & Omit<IssueDeps, 'db' | 'clock'>

export interface CertificateRequest {
  type: CertificateType
  subjectFiscalCode?: string
  language: CertificateLanguage
  purpose: string
  forUseAbroad: boolean
  stamp: StampChoice
}

/** Twelve characters without look-alikes (60 bits): what the QR code and the verification page use. */
const newVerificationCode = () => readableCode(12)

/** Whom the citizen may ask a certificate about: themself, a minor child, a delegator with that scope. */
async function subjectOf(
  ctx: ServiceContext,
  requested: string | undefined,
): Promise<{ requester: string; subject: string }> {
  if (ctx.actor.type !== 'citizen') throw new AppError('FORBIDDEN')
  const requester = ctx.actor.fiscalCode
  const subject = requested?.toUpperCase() ?? ctx.actor.onBehalfOf ?? requester
  if (subject !== requester) {
    const representation = await representationOf(ctx, ctx.actor, subject)
    if (!representation?.scopes.includes('certificates')) {
      throw new AppError('FORBIDDEN', { messageKey: 'certificates.not-yours' })
    }
  }
  return { requester, subject }
}

function checkCertifiable(type: CertificateType, folder: PersonFolder) {
  const refusal = refusalOf(type, {
    certifiability: folder.person.certifiability as Certifiability,
    civilStatus: folder.person.civilStatus,
  })
  if (refusal) throw new AppError('CONFLICT', { messageKey: refusal })
}

/**
 * A certificate request: checked against the record, then either issued at once (exempt, or a
 * stamp bought at the tobacconist's) or left awaiting the pagoPA payment of stamp duty and fees,
 * issued when the receipt arrives. Nothing is stored when a check fails.
 */
export async function requestCertificate(ctx: CertificatesContext, input: CertificateRequest) {
  const { requester, subject } = await subjectOf(ctx, input.subjectFiscalCode)
  const allowed = [
    'it',
    ...(ctx.settings.certificates.secondLanguage ? [`it-${ctx.settings.certificates.secondLanguage}`] : []),
  ]
  if (!allowed.includes(input.language))
    throw new AppError('VALIDATION_FAILED', { messageKey: 'certificates.language-unavailable' })
  const folder = await ctx.registry.findPersonFolder(subject)
  if (!folder) throw new AppError('NOT_FOUND', { messageKey: 'certificates.not-registered' })
  checkCertifiable(input.type, folder)
  const today = romeCalendarDate(ctx.clock.now())
  const civilStatus = CERTIFICATE_TYPES[input.type].civilStatus
  if (input.stamp.mode === 'declared' && input.stamp.stampDate > today) {
    throw new AppError('VALIDATION_FAILED', { messageKey: 'certificates.stamp-date' })
  }
  if (civilStatus && input.stamp.mode === 'exempt') {
    throw new AppError('VALIDATION_FAILED', { messageKey: 'certificates.exemption-not-needed' })
  }
  const charges = chargesOf(input.type, input.stamp, ctx.settings.certificates.fees)
  const due = charges.stampCents + charges.feesCents
  const prepared = due > 0 ? null : await prepareIssue(ctx, subject, folder)
  // The notice goes to whoever the session pays for, so it shows in the Pagamenti page it opens.
  const debtor = due > 0 ? await payerOf(ctx) : requester
  return inTransaction(ctx.db, async (tx) => {
    const row = await insertCertificate(tx, {
      verificationCode: newVerificationCode(),
      type: input.type,
      language: input.language,
      subjectFiscalCode: subject,
      requesterFiscalCode: requester,
      purpose: input.purpose,
      forUseAbroad: input.forUseAbroad,
      stampMode: civilStatus ? 'none' : input.stamp.mode,
      exemption: input.stamp.mode === 'exempt' ? input.stamp.exemption : null,
      stampCents: charges.stampCents,
      feesCents: charges.feesCents,
      status: 'awaiting-payment',
    })
    if (input.stamp.mode === 'declared' && !civilStatus) {
      const claimed = await claimStamp(tx, {
        stampId: input.stamp.stampId,
        stampDate: input.stamp.stampDate,
        certificateId: row.id,
      })
      if (!claimed) throw new AppError('CONFLICT', { messageKey: 'certificates.stamp-used' })
    }
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'certificates.requested',
      subjectType: 'person',
      subjectId: subject,
      details: { certificateId: row.id, type: input.type, stamp: row.stampMode },
    })
    if (due > 0) {
      const { positionId } = await createPosition(tx, ctx.settings.payments, {
        iupd: `CERT-${row.id}`,
        debtorFiscalCode: debtor,
        debtorName: debtor === subject ? `${folder.person.givenName} ${folder.person.familyName}` : debtor,
        kind: 'stamp-duty',
        description: `${charges.stampCents > 0 ? 'Imposta di bollo' : 'Diritti di segreteria'} – ${CERTIFICATE_TYPES[input.type].title.toLowerCase()}`,
        source: 'certificates',
        options: [
          { instalment: null, amountCents: due, dueDate: isoFromDayNumber(dayNumberFromIso(today) + 30) },
        ],
      })
      await setPaymentPosition(tx, row.id, positionId)
      const [option] = await listOptionsOfPosition(tx, positionId)
      return {
        id: row.id,
        status: 'awaiting-payment' as const,
        protocol: null,
        verificationCode: null,
        payment: { optionId: option?.id as string, amountCents: due },
      }
    }
    const { protocol } = await issueCertificate(tx, ctx, row, prepared as NonNullable<typeof prepared>)
    return {
      id: row.id,
      status: 'issued' as const,
      protocol,
      verificationCode: row.verificationCode,
      payment: null,
    }
  })
}

/** Documenti's certificates: those the citizen asked for, issued or awaiting the stamp duty. */
export async function listMyCertificates(ctx: ServiceContext) {
  if (ctx.actor.type !== 'citizen') throw new AppError('FORBIDDEN')
  const rows = await listRequestedBy(ctx.db, ctx.actor.fiscalCode, 100)
  return rows.map((row) => ({
    id: row.id,
    type: row.type as CertificateType,
    title: CERTIFICATE_TYPES[row.type as CertificateType]?.title ?? row.type,
    subjectFiscalCode: row.subjectFiscalCode,
    status: row.status as 'awaiting-payment' | 'issued' | 'cancelled',
    protocol: row.protocolNumber ? formatProtocol(row.protocolYear ?? 0, row.protocolNumber) : null,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    validUntil: row.validUntil,
    verificationCode: row.status === 'issued' ? row.verificationCode : null,
    requestedAt: row.createdAt.toISOString(),
  }))
}

/** The issued PDF, byte for byte, to whoever asked for it or is its subject. */
export async function downloadMyCertificate(ctx: ServiceContext, id: string): Promise<Buffer> {
  if (ctx.actor.type !== 'citizen') throw new AppError('FORBIDDEN')
  const row = await findCertificate(ctx.db, id)
  const viewer = ctx.actor.fiscalCode
  if (!row || (row.requesterFiscalCode !== viewer && row.subjectFiscalCode !== viewer)) {
    throw new AppError('NOT_FOUND', { messageKey: 'certificates.missing' })
  }
  const pdf = row.status === 'issued' ? await findPdf(ctx.db, id) : null
  if (!pdf) throw new AppError('CONFLICT', { messageKey: 'certificates.not-issued' })
  return pdf
}
