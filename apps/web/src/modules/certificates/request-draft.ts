import { romeIsoDay } from '../../app/i18n/format'
import type {
  CertificateLanguage,
  CertificateOptions,
  CertificateRequestInput,
  CertificateTypeId,
  StampChoice,
} from './certificates-api'

export type StampMode = StampChoice['mode']
export type RequestStep = 'what' | 'details' | 'stamp' | 'summary'

/** What the citizen has chosen so far; `subject` is "self" or a child's fiscal code. */
export interface RequestDraft {
  type: CertificateTypeId | null
  subject: string
  language: CertificateLanguage
  purpose: string
  forUseAbroad: boolean
  stampMode: StampMode | null
  stampId: string
  stampDate: string
  exemption: string
}

export const SELF = 'self'

export const emptyDraft = (options: CertificateOptions): RequestDraft => ({
  type: null,
  subject: SELF,
  language: options.languages[0] ?? 'it',
  purpose: '',
  forUseAbroad: false,
  stampMode: null,
  stampId: '',
  stampDate: '',
  exemption: '',
})

/** Whether the chosen type carries stamp duty: civil status certificates do not. */
export function needsStamp(draft: RequestDraft, options: CertificateOptions): boolean {
  return options.types.find((type) => type.id === draft.type)?.stampDuty ?? true
}

/** One decision a step: the stamp step only for types that carry stamp duty. */
export function stepsOf(draft: RequestDraft, options: CertificateOptions): RequestStep[] {
  return needsStamp(draft, options) ? ['what', 'details', 'stamp', 'summary'] : ['what', 'details', 'summary']
}

export type DraftField = 'type' | 'purpose' | 'stampMode' | 'stampId' | 'stampDate' | 'exemption'
export type DraftErrors = Partial<Record<DraftField, true>>

/** The fields of a step that cannot be sent as they are; the same rules the server applies. */
export function errorsOf(step: RequestStep, draft: RequestDraft): DraftErrors {
  const errors: DraftErrors = {}
  if (step === 'what' && draft.type === null) errors.type = true
  if (step === 'details') {
    const purpose = draft.purpose.trim()
    if (purpose.length < 2 || purpose.length > 200) errors.purpose = true
  }
  if (step === 'stamp') {
    if (draft.stampMode === null) errors.stampMode = true
    if (draft.stampMode === 'declared') {
      if (!/^\d{14}$/.test(draft.stampId.trim())) errors.stampId = true
      if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.stampDate) || draft.stampDate > romeIsoDay())
        errors.stampDate = true
    }
    if (draft.stampMode === 'exempt' && draft.exemption === '') errors.exemption = true
  }
  return errors
}

/** What the request owes through pagoPA: stamp duty when paid online, and the city's fees. */
export function amountDue(draft: RequestDraft, options: CertificateOptions): number {
  if (!needsStamp(draft, options)) return 0
  return (draft.stampMode === 'pay' ? options.stampCents : 0) + feesDue(draft, options)
}

/** Secretariat fees: the exempt amount, none on the fee-free exempt uses, the full one otherwise. */
export function feesDue(draft: RequestDraft, options: CertificateOptions): number {
  if (draft.stampMode !== 'exempt') return options.fees.withStampCents
  const exemption = options.exemptions.find((item) => item.code === draft.exemption)
  return exemption?.feeFree ? 0 : options.fees.exemptCents
}

/** The body of `POST /certificates`; types without stamp duty send "pay", which the server ignores. */
export function requestOf(draft: RequestDraft, options: CertificateOptions): CertificateRequestInput {
  const stamp: StampChoice = !needsStamp(draft, options)
    ? { mode: 'pay' }
    : draft.stampMode === 'declared'
      ? { mode: 'declared', stampId: draft.stampId.trim(), stampDate: draft.stampDate }
      : draft.stampMode === 'exempt'
        ? { mode: 'exempt', exemption: draft.exemption }
        : { mode: 'pay' }
  return {
    type: draft.type as CertificateTypeId,
    ...(draft.subject === SELF ? {} : { subjectFiscalCode: draft.subject }),
    language: draft.language,
    purpose: draft.purpose.trim(),
    forUseAbroad: draft.forUseAbroad,
    stamp,
  }
}
