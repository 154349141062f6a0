import { z } from 'zod'
import { CERTIFICATE_LANGUAGES } from './content.js'
import { CERTIFICATE_TYPE_IDS, EXEMPTION_CODES } from './policy.js'

const ZIsoDate = z.iso.date()

export const ZCertificateRequest = z
  .object({
    type: z.enum(CERTIFICATE_TYPE_IDS as [string, ...string[]]),
    subjectFiscalCode: z
      .string()
      .regex(/^[A-Za-z0-9]{16}$/, 'a fiscal code')
      .optional(),
    language: z.enum(CERTIFICATE_LANGUAGES),
    purpose: z.string().trim().min(2).max(200),
    forUseAbroad: z.boolean().default(false),
    stamp: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('pay') }).strict(),
      z
        .object({
          mode: z.literal('declared'),
          stampId: z.string().regex(/^\d{14}$/, 'the 14 digits of the stamp'),
          stampDate: ZIsoDate,
        })
        .strict(),
      z
        .object({ mode: z.literal('exempt'), exemption: z.enum(EXEMPTION_CODES as [string, ...string[]]) })
        .strict(),
    ]),
  })
  .strict()

export const ZCertificateRequested = z.object({
  id: z.uuid(),
  status: z.enum(['awaiting-payment', 'issued']),
  /** Set when issued at once. */
  protocol: z.string().nullable(),
  verificationCode: z.string().nullable(),
  payment: z.object({ optionId: z.uuid(), amountCents: z.number().int() }).nullable(),
})

export const ZMyCertificates = z.array(
  z.object({
    id: z.uuid(),
    type: z.string(),
    title: z.string(),
    subjectFiscalCode: z.string(),
    status: z.enum(['awaiting-payment', 'issued', 'cancelled']),
    protocol: z.string().nullable(),
    issuedAt: z.string().nullable(),
    validUntil: z.string().nullable(),
    verificationCode: z.string().nullable(),
    requestedAt: z.string(),
  }),
)

export const ZCertificateOptions = z.object({
  types: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      anpr: z.number().int().nullable(),
      stampDuty: z.boolean(),
    }),
  ),
  languages: z.array(z.enum(CERTIFICATE_LANGUAGES)),
  exemptions: z.array(
    z.object({ code: z.string(), use: z.string(), reference: z.string(), feeFree: z.boolean() }),
  ),
  stampCents: z.number().int(),
  fees: z.object({ withStampCents: z.number().int(), exemptCents: z.number().int() }),
})

export const ZVerificationCode = z.object({
  code: z.string().regex(/^[A-Za-z0-9]{12}$/, 'a verification code'),
})

export const ZVerification = z.object({
  code: z.string(),
  title: z.string(),
  protocol: z.string(),
  issuedAt: z.string(),
  validUntil: z.string(),
  subject: z.object({ name: z.string(), fiscalCode: z.string() }),
  sealValid: z.boolean(),
  status: z.enum(['valid', 'expired', 'altered']),
})
