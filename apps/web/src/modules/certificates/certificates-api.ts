import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
} from '../../app/api/parse'

/** The types this client has words for; a type the server adds later is left out of the form. */
export const CERTIFICATE_TYPE_IDS = [
  'nascita',
  'cittadinanza',
  'esistenza-in-vita',
  'residenza',
  'storico-residenza',
  'stato-civile',
  'stato-famiglia',
  'stato-libero',
  'contestuale',
] as const
export type CertificateTypeId = (typeof CERTIFICATE_TYPE_IDS)[number]

export const CERTIFICATE_LANGUAGES = ['it', 'it-de', 'it-sl', 'it-fr'] as const
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number]

export const REQUEST_CERTIFICATE_PATH = '/area-personale/certificati'
export const verificationPath = (code: string) => `/verifica/${code}`
export const certificatePdfPath = (id: string) => `/api/v1/certificates/${id}/certificate.pdf`

export interface CertificateTypeOption {
  id: CertificateTypeId
  title: string
  anpr: number | null
  stampDuty: boolean
}

export interface StampExemption {
  code: string
  use: string
  reference: string
  /** Uses on which no secretariat fees are due either. */
  feeFree: boolean
}

export interface CertificateOptions {
  types: CertificateTypeOption[]
  languages: CertificateLanguage[]
  exemptions: StampExemption[]
  stampCents: number
  fees: { withStampCents: number; exemptCents: number }
}

export type StampChoice =
  | { mode: 'pay' }
  | { mode: 'declared'; stampId: string; stampDate: string }
  | { mode: 'exempt'; exemption: string }

export interface CertificateRequestInput {
  type: CertificateTypeId
  subjectFiscalCode?: string
  language: CertificateLanguage
  purpose: string
  forUseAbroad: boolean
  stamp: StampChoice
}

export interface CertificateRequested {
  id: string
  status: 'issued' | 'awaiting-payment'
  payment: { optionId: string; amountCents: number } | null
}

const CERTIFICATE_STATUSES = ['awaiting-payment', 'issued', 'cancelled'] as const

export interface MyCertificate {
  id: string
  type: string
  title: string
  subjectFiscalCode: string
  status: (typeof CERTIFICATE_STATUSES)[number]
  protocol: string | null
  issuedAt: string | null
  validUntil: string | null
  verificationCode: string | null
  requestedAt: string
}

export interface CertificateVerification {
  code: string
  title: string
  protocol: string
  issuedAt: string
  validUntil: string
  subject: { name: string; fiscalCode: string }
  sealValid: boolean
  status: 'valid' | 'expired' | 'altered'
}

export function isKnownType(id: string): id is CertificateTypeId {
  return (CERTIFICATE_TYPE_IDS as readonly string[]).includes(id)
}

function parseOptions(value: unknown): CertificateOptions {
  const record = asRecord(value, 'options')
  const fees = asRecord(record.fees, 'fees')
  const types = readList(record.types, 'types', (item) => {
    const type = asRecord(item, 'type')
    return {
      id: readString(type, 'id'),
      title: readString(type, 'title'),
      anpr: type.anpr === null ? null : readNumber(type, 'anpr'),
      stampDuty: readBoolean(type, 'stampDuty'),
    }
  })
  const languages = readList(record.languages, 'languages', (item) => {
    if (typeof item !== 'string') throw new TypeError('language is not a string')
    return item
  })
  return {
    types: types.filter((type): type is CertificateTypeOption => isKnownType(type.id)),
    languages: languages.filter((language): language is CertificateLanguage =>
      (CERTIFICATE_LANGUAGES as readonly string[]).includes(language),
    ),
    exemptions: readList(record.exemptions, 'exemptions', (item) => {
      const exemption = asRecord(item, 'exemption')
      return {
        code: readString(exemption, 'code'),
        use: readString(exemption, 'use'),
        reference: readString(exemption, 'reference'),
        feeFree: readBoolean(exemption, 'feeFree'),
      }
    }),
    stampCents: readNumber(record, 'stampCents'),
    fees: {
      withStampCents: readNumber(fees, 'withStampCents'),
      exemptCents: readNumber(fees, 'exemptCents'),
    },
  }
}

function parseRequested(value: unknown): CertificateRequested {
  const record = asRecord(value, 'certificate')
  const payment = record.payment === null ? null : asRecord(record.payment, 'payment')
  return {
    id: readString(record, 'id'),
    status: readOneOf(record, 'status', ['issued', 'awaiting-payment'] as const),
    payment: payment
      ? { optionId: readString(payment, 'optionId'), amountCents: readNumber(payment, 'amountCents') }
      : null,
  }
}

function parseMyCertificate(value: unknown): MyCertificate {
  const record = asRecord(value, 'certificate')
  return {
    id: readString(record, 'id'),
    type: readString(record, 'type'),
    title: readString(record, 'title'),
    subjectFiscalCode: readString(record, 'subjectFiscalCode'),
    status: readOneOf(record, 'status', CERTIFICATE_STATUSES),
    protocol: readNullableString(record, 'protocol'),
    issuedAt: readNullableString(record, 'issuedAt'),
    validUntil: readNullableString(record, 'validUntil'),
    verificationCode: readNullableString(record, 'verificationCode'),
    requestedAt: readString(record, 'requestedAt'),
  }
}

function parseVerification(value: unknown): CertificateVerification {
  const record = asRecord(value, 'verification')
  const subject = asRecord(record.subject, 'subject')
  return {
    code: readString(record, 'code'),
    title: readString(record, 'title'),
    protocol: readString(record, 'protocol'),
    issuedAt: readString(record, 'issuedAt'),
    validUntil: readString(record, 'validUntil'),
    subject: { name: readString(subject, 'name'), fiscalCode: readString(subject, 'fiscalCode') },
    sealValid: readBoolean(record, 'sealValid'),
    status: readOneOf(record, 'status', ['valid', 'expired', 'altered'] as const),
  }
}

const MY_CERTIFICATES_KEY = ['certificates', 'mine'] as const

export function useCertificateOptions() {
  return useQuery({
    queryKey: ['certificates', 'options'],
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) => apiRequest({ path: '/certificates/options', signal, parse: parseOptions }),
  })
}

export function useMyCertificates() {
  return useQuery({
    queryKey: MY_CERTIFICATES_KEY,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/certificates',
        signal,
        parse: (value) => readList(value, 'certificates', parseMyCertificate),
      }),
  })
}

export function useRequestCertificate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CertificateRequestInput) =>
      apiRequest({ path: '/certificates', method: 'POST', body: input, parse: parseRequested }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_CERTIFICATES_KEY }),
  })
}

export function useVerification(code: string) {
  return useQuery({
    queryKey: ['certificates', 'verify', code],
    retry: false,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/certificates/verify/${encodeURIComponent(code)}`,
        signal,
        parse: parseVerification,
      }),
  })
}

/** Sends a copy of a certificate as the PDF it is, to be compared with the one issued. */
function sendCopy(input: { code: string; file: Blob }): Promise<boolean> {
  return apiRequest({
    path: `/certificates/verify/${encodeURIComponent(input.code)}`,
    method: 'POST',
    rawBody: { contentType: 'application/pdf', data: input.file },
    parse: (value) => readBoolean(asRecord(value, 'comparison'), 'matches'),
  })
}

export function useCompareCopy() {
  return useMutation({ mutationFn: sendCopy })
}
