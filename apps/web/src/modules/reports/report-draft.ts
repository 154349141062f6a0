import type { VerifiedEmail } from '../tickets/write-draft'
import type { ChosenPhoto } from './report-photos'
import type { LatLong, ReportInput } from './reports-api'

export const REPORT_STEPS = ['place', 'category', 'description', 'identity', 'summary'] as const
export type ReportStep = (typeof REPORT_STEPS)[number]

/** Signed-in citizens are known already: the step asking who reports is only for the others. */
export function reportStepsFor(signedIn: boolean): ReportStep[] {
  return signedIn ? REPORT_STEPS.filter((step) => step !== 'identity') : [...REPORT_STEPS]
}

export const DESCRIPTION_MIN = 10
export const DESCRIPTION_MAX = 4000
export const ADDRESS_MIN = 3
export const ADDRESS_MAX = 300

/**
 * The report being written. It lives only in the page's memory: it may hold a description of
 * someone's street and their photos, which have no business staying in the browser afterwards.
 */
export interface ReportDraft {
  point: LatLong | null
  address: string
  categoryCode: string
  description: string
  photos: ChosenPhoto[]
}

export type ReportField = 'place' | 'categoryCode' | 'description' | 'identity'
export type ReportErrors = Partial<Record<ReportField, true>>

export const emptyReportDraft = (): ReportDraft => ({
  point: null,
  address: '',
  categoryCode: '',
  description: '',
  photos: [],
})

/** What a step is missing, by the server's rules, checked before moving on. */
export function reportErrorsOf(step: ReportStep, draft: ReportDraft, verified: boolean): ReportErrors {
  const errors: ReportErrors = {}
  const address = draft.address.trim()
  if (step === 'place') {
    if (address.length > ADDRESS_MAX || (!draft.point && address.length < ADDRESS_MIN)) errors.place = true
  }
  if (step === 'category' && !draft.categoryCode) errors.categoryCode = true
  if (step === 'description') {
    const description = draft.description.trim()
    if (description.length < DESCRIPTION_MIN || description.length > DESCRIPTION_MAX)
      errors.description = true
  }
  if (step === 'identity' && !verified) errors.identity = true
  return errors
}

export function reportInputOf(draft: ReportDraft, verified: VerifiedEmail | null): ReportInput {
  const address = draft.address.trim()
  return {
    categoryCode: draft.categoryCode,
    ...(draft.point ? { lat: draft.point.lat, long: draft.point.long } : {}),
    // A street name shorter than the server takes says nothing the pin does not.
    ...(address.length >= ADDRESS_MIN ? { address } : {}),
    description: draft.description.trim(),
    photos: draft.photos.map((photo) => ({ name: photo.name, type: photo.type, data: photo.data })),
    ...(verified
      ? {
          email: verified.email,
          proof: verified.proof,
          ...(verified.name.trim() ? { name: verified.name.trim() } : {}),
        }
      : {}),
  }
}
