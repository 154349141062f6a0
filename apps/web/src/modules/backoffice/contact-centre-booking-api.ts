import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import { asRecord, readList, readNumber, readString, readStringArray } from '../../app/api/parse'
import type { SignedInSession } from '../../app/session/session-api'

export interface BookableService {
  id: string
  name: string
  durationMinutes: number
  documentsToBring: string[]
  maxDaysAhead: number
  offices: { id: string; name: string; address: string }[]
}

export interface FreeSlot {
  officeId: string
  startsAt: string
  endsAt: string
  freeCounters: number
}

export interface CitizenAppointment {
  code: string
  status: string
  channel: string
  serviceId: string
  serviceName: string
  officeId: string
  officeName: string
  officeAddress: string
  counter: string
  startsAt: string
  endsAt: string
  reason: string
  documentsToBring: string[]
}

export interface Booked {
  code: string
  status: string
  startsAt: string
  endsAt: string
}

const CITIZEN_KEY = ['contact-centre', 'appointments'] as const
const SLOTS_KEY = ['contact-centre', 'slots'] as const

/** Operators, supervisors and administrators book on a citizen's behalf, as the server allows. */
export function isContactCentre(session: SignedInSession): boolean {
  return (
    session.kind === 'staff' &&
    ['operator', 'supervisor', 'admin'].some((role) => session.roles.includes(role))
  )
}

const MONTH_LETTERS = 'ABCDEHLMPRST'
const OMOCODIA_LETTERS = 'LMNPQRSTUV'
const DIGIT = '[0-9LMNPQRSTUV]'
const SHAPE = new RegExp(`^[A-Z]{6}${DIGIT}{2}[${MONTH_LETTERS}]${DIGIT}{2}[A-Z]${DIGIT}{3}[A-Z]$`)
const ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
]

/** The code as typed, without spaces, in capitals. */
export function compactFiscalCode(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase()
}

/**
 * What is wrong with a fiscal code being typed: `short` until it has 16 characters, `shape` when
 * letters and digits are out of place, `check` when the last character does not match the rest.
 */
export function fiscalCodeProblem(code: string): 'short' | 'shape' | 'check' | null {
  if (code.length < 16) return /^[A-Z0-9]*$/.test(code) ? 'short' : 'shape'
  if (!SHAPE.test(code)) return 'shape'
  const day = Number(
    code
      .slice(9, 11)
      .split('')
      .map((c) => (OMOCODIA_LETTERS.includes(c) ? OMOCODIA_LETTERS.indexOf(c) : c))
      .join(''),
  )
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return 'shape'
  let sum = 0
  for (let index = 0; index < 15; index++) {
    const code0 = code.charCodeAt(index)
    const ordinal = code0 <= 57 ? code0 - 48 : code0 - 65
    sum += index % 2 === 0 ? (ODD_VALUES[ordinal] ?? 0) : ordinal
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15] ? null : 'check'
}

function parseService(value: unknown): BookableService {
  const record = asRecord(value, 'service')
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    durationMinutes: readNumber(record, 'durationMinutes'),
    documentsToBring: readStringArray(record, 'documentsToBring'),
    maxDaysAhead: readNumber(record, 'maxDaysAhead'),
    offices: readList(record.offices, 'offices', (item) => {
      const office = asRecord(item, 'office')
      return {
        id: readString(office, 'id'),
        name: readString(office, 'name'),
        address: readString(office, 'address'),
      }
    }),
  }
}

function parseSlot(value: unknown): FreeSlot {
  const record = asRecord(value, 'slot')
  return {
    officeId: readString(record, 'officeId'),
    startsAt: readString(record, 'startsAt'),
    endsAt: readString(record, 'endsAt'),
    freeCounters: readNumber(record, 'freeCounters'),
  }
}

function parseAppointment(value: unknown): CitizenAppointment {
  const record = asRecord(value, 'appointment')
  const service = asRecord(record.service, 'service')
  const office = asRecord(record.office, 'office')
  return {
    code: readString(record, 'code'),
    status: readString(record, 'status'),
    channel: readString(record, 'channel'),
    serviceId: readString(service, 'id'),
    serviceName: readString(service, 'name'),
    officeId: readString(office, 'id'),
    officeName: readString(office, 'name'),
    officeAddress: readString(office, 'address'),
    counter: readString(record, 'counter'),
    startsAt: readString(record, 'startsAt'),
    endsAt: readString(record, 'endsAt'),
    reason: readString(record, 'reason'),
    documentsToBring: readStringArray(record, 'documentsToBring'),
  }
}

function parseBooked(value: unknown): Booked {
  const record = asRecord(value, 'booking')
  return {
    code: readString(record, 'code'),
    status: readString(record, 'status'),
    startsAt: readString(record, 'startsAt'),
    endsAt: readString(record, 'endsAt'),
  }
}

export function useBookableServices() {
  return useQuery({
    queryKey: ['contact-centre', 'services'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/appointments/services',
        signal,
        parse: (v) => readList(v, 'services', parseService),
      }),
  })
}

/** Free slots of a service at an office: on one day, or the first ones from today when no day is given. */
export function useFreeSlots(
  query: { serviceId: string; officeId: string; date?: string; limit: number } | null,
) {
  return useQuery({
    queryKey: [...SLOTS_KEY, query],
    enabled: query !== null,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({
        service: query?.serviceId ?? '',
        office: query?.officeId ?? '',
        limit: String(query?.limit ?? 20),
        ...(query?.date ? { date: query.date } : {}),
      })
      return apiRequest({
        path: `/appointments/slots?${params.toString()}`,
        signal,
        parse: (v) => readList(asRecord(v, 'slots').slots, 'slots', parseSlot),
      })
    },
  })
}

/** The appointments of the citizen on the phone; the server records that staff looked. */
export function useCitizenAppointments(fiscalCode: string | null) {
  return useQuery({
    queryKey: [...CITIZEN_KEY, fiscalCode],
    enabled: fiscalCode !== null,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/staff/appointments?fiscalCode=${encodeURIComponent(fiscalCode ?? '')}`,
        signal,
        parse: (v) => readList(v, 'appointments', parseAppointment),
      }),
  })
}

/** After any change the citizen's list and the free times are read again. */
function useBookingChange<I>(request: (input: I) => { path: string; body?: unknown }) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: I) => apiRequest({ ...request(input), method: 'POST', parse: parseBooked }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: CITIZEN_KEY })
      await queryClient.invalidateQueries({ queryKey: SLOTS_KEY })
    },
  })
}

export function useBookForCitizen() {
  return useBookingChange(
    (input: {
      fiscalCode: string
      service: string
      office: string
      start: string
      reason: string
      notes: string
      contact: string
    }) => ({
      path: '/staff/appointments',
      body: input,
    }),
  )
}

export function useCancelForCitizen() {
  return useBookingChange((code: string) => ({
    path: `/staff/appointments/${encodeURIComponent(code)}/cancel`,
  }))
}

export function useRescheduleForCitizen() {
  return useBookingChange(({ code, start }: { code: string; start: string }) => ({
    path: `/staff/appointments/${encodeURIComponent(code)}/reschedule`,
    body: { start },
  }))
}
