import type { BookableService, BookingInput } from './appointments-api'

export const BOOKING_STEPS = ['service', 'office', 'when', 'details', 'summary'] as const
export type BookingStep = (typeof BOOKING_STEPS)[number]

export interface BookingDraft {
  serviceId: string
  officeId: string
  date: string
  start: string
  reason: string
  notes: string
  contact: string
}

export type DraftErrors = Partial<Record<'serviceId' | 'officeId' | 'start' | 'reason' | 'contact', true>>

export const emptyDraft = (contact: string): BookingDraft => ({
  serviceId: '',
  officeId: '',
  date: '',
  start: '',
  reason: '',
  notes: '',
  contact,
})

/** A phone number (digits, spaces, +) or an e-mail address: how the office may reach the citizen. */
const CONTACT = /^(\+?[0-9 ]{6,20}|[^\s@]+@[^\s@]+\.[^\s@]+)$/

/** What the current step is missing, checked before moving on so nothing goes to the server half-done. */
export function errorsOf(step: BookingStep, draft: BookingDraft): DraftErrors {
  const errors: DraftErrors = {}
  if (step === 'service' && !draft.serviceId) errors.serviceId = true
  if (step === 'office' && !draft.officeId) errors.officeId = true
  if (step === 'when' && !draft.start) errors.start = true
  if (step === 'details') {
    if (!draft.reason.trim()) errors.reason = true
    if (draft.contact.trim() && !CONTACT.test(draft.contact.trim())) errors.contact = true
  }
  return errors
}

export function bookingOf(draft: BookingDraft): BookingInput {
  return {
    service: draft.serviceId,
    office: draft.officeId,
    start: draft.start,
    reason: draft.reason.trim(),
    notes: draft.notes.trim(),
    contact: draft.contact.trim(),
  }
}

export function chosen(services: BookableService[], draft: BookingDraft) {
  const service = services.find((entry) => entry.id === draft.serviceId)
  const office = service?.offices.find((entry) => entry.id === draft.officeId)
  return { service, office }
}
