import { createHash } from 'node:crypto'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import {
  CERTIFICATE_TYPES,
  type CertificateType,
  formatProtocol,
  maskFiscalCode,
  maskName,
} from './policy.js'
import { findByVerificationCode } from './repo.js'
import { sealHolds } from './seal.js'

async function issuedWithCode(ctx: Pick<ServiceContext, 'db'>, code: string) {
  const row = await findByVerificationCode(ctx.db, code.toUpperCase())
  if (row?.status !== 'issued' || !row.content || !row.seal || !row.keyId) {
    throw new AppError('NOT_FOUND', { messageKey: 'certificates.unknown-code' })
  }
  return row
}

/**
 * What the public page shows for a code: what was certified, when, and about whom (masked), whether
 * the seal still matches the stored content, and whether it is still within its six months.
 */
export async function verifyCertificate(ctx: Pick<ServiceContext, 'db' | 'clock'>, code: string) {
  const row = await issuedWithCode(ctx, code)
  const content = row.content as { subject: { givenName: string; familyName: string; fiscalCode: string } }
  const sealValid = await sealHolds(ctx.db, row.keyId as string, row.content, row.seal as string)
  const today = romeCalendarDate(ctx.clock.now())
  return {
    code: row.verificationCode,
    title: CERTIFICATE_TYPES[row.type as CertificateType]?.title ?? row.type,
    protocol: formatProtocol(row.protocolYear ?? 0, row.protocolNumber ?? 0),
    issuedAt: row.issuedAt?.toISOString() ?? '',
    validUntil: row.validUntil ?? '',
    subject: {
      name: maskName(`${content.subject.givenName} ${content.subject.familyName}`),
      fiscalCode: maskFiscalCode(content.subject.fiscalCode),
    },
    sealValid,
    status: !sealValid
      ? ('altered' as const)
      : (row.validUntil ?? '') < today
        ? ('expired' as const)
        : ('valid' as const),
  }
}

/** Whether an uploaded file is, byte for byte, the PDF issued under this code. */
export async function compareUploadedPdf(ctx: Pick<ServiceContext, 'db'>, code: string, upload: Buffer) {
  const row = await issuedWithCode(ctx, code)
  if (upload.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new AppError('VALIDATION_FAILED', { messageKey: 'certificates.not-a-pdf' })
  }
  const uploadedSha256 = createHash('sha256').update(upload).digest('hex')
  return { matches: uploadedSha256 === row.pdfSha256 }
}
