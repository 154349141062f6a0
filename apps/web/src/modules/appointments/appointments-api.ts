import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  type JsonRecord,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
  readStringArray,
} from '../../app/api/parse'

export const BOOKING_STATUSES = [
  'booked',
  'cancelled',
  'checked-in',
  'called',
  'served',
  'no-show',
  'offered',
  'expired',
] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]

export const BOOKING_CHANNELS = ['web', '020202', 'counter'] as const
export type BookingChannel = (typeof BOOKING_CHANNELS)[number]

export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'left', 'expired'] as const
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number]

/** Bookings that still hold counter time: the ones a citizen can act on or go to. */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['booked', 'checked-in', 'called', 'offered']

export const qrCodePath = (code: string) => `/api/v1/appointments/${encodeURIComponent(code)}/qr.svg`
export const calendarFilePath = (code: string) =>
  `/api/v1/appointments/${encodeURIComponent(code)}/calendar.ics`

export interface BookableOffice {
  id: string
  name: string
  address: string
  accessibilityNotes: string
}

export interface BookableService {
  id: string
  name: string
  durationMinutes: number
  documentsToBring: string[]
  maxActivePerCitizen: number
  minNoticeHours: number
  maxDaysAhead: number
  offices: BookableOffice[]
}

export interface FreeSlot {
  officeId: string
  officeName: string
  startsAt: string
  endsAt: string
  freeCounters: number
}

export interface Booked {
  code: string
  status: BookingStatus
  serviceId: string
  officeId: string
  startsAt: string
  endsAt: string
}

export interface MyAppointment {
  code: string
  status: BookingStatus
  channel: BookingChannel
  heldUntil: string | null
  ticketNumber: number | null
  documentsToBring: string[]
  service: { id: string; name: string }
  office: { id: string; name: string; address: string }
  counter: string
  startsAt: string
  endsAt: string
  reason: string
  notes: string
  contact: string
}

/** What the e-mail's manage link shows: the appointment without the citizen's own notes. */
export type ManagedAppointment = Omit<MyAppointment, 'reason' | 'notes' | 'contact'> & { changeable: boolean }

export interface WaitlistEntry {
  id: string
  status: WaitlistStatus
  service: { id: string; name: string }
  office: { id: string; name: string }
  date: string
  position: number | null
  offeredCode: string | null
  createdAt: string
}

export interface BookingInput {
  service: string
  office: string
  start: string
  reason: string
  notes: string
  contact: string
}

function parseService(value: unknown): BookableService {
  const record = asRecord(value, 'service')
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    durationMinutes: readNumber(record, 'durationMinutes'),
    documentsToBring: readStringArray(record, 'documentsToBring'),
    maxActivePerCitizen: readNumber(record, 'maxActivePerCitizen'),
    minNoticeHours: readNumber(record, 'minNoticeHours'),
    maxDaysAhead: readNumber(record, 'maxDaysAhead'),
    offices: readList(record.offices, 'offices', (item) => {
      const office = asRecord(item, 'office')
      return {
        id: readString(office, 'id'),
        name: readString(office, 'name'),
        address: readString(office, 'address'),
        accessibilityNotes: readString(office, 'accessibilityNotes'),
      }
    }),
  }
}

function parseSlot(value: unknown): FreeSlot {
  const record = asRecord(value, 'slot')
  return {
    officeId: readString(record, 'officeId'),
    officeName: readString(record, 'officeName'),
    startsAt: readString(record, 'startsAt'),
    endsAt: readString(record, 'endsAt'),
    freeCounters: readNumber(record, 'freeCounters'),
  }
}

function parseBooked(value: unknown): Booked {
  const record = asRecord(value, 'booking')
  return {
    code: readString(record, 'code'),
    status: readOneOf(record, 'status', BOOKING_STATUSES),
    serviceId: readString(record, 'serviceId'),
    officeId: readString(record, 'officeId'),
    startsAt: readString(record, 'startsAt'),
    endsAt: readString(record, 'endsAt'),
  }
}

const readNamed = (record: JsonRecord, key: string) => {
  const named = asRecord(record[key], key)
  return { id: readString(named, 'id'), name: readString(named, 'name') }
}

export function parseAppointmentCore(
  record: JsonRecord,
): Omit<MyAppointment, 'reason' | 'notes' | 'contact'> {
  const office = asRecord(record.office, 'office')
  return {
    code: readString(record, 'code'),
    status: readOneOf(record, 'status', BOOKING_STATUSES),
    channel: readOneOf(record, 'channel', BOOKING_CHANNELS),
    heldUntil: readNullableString(record, 'heldUntil'),
    ticketNumber: record.ticketNumber === null ? null : readNumber(record, 'ticketNumber'),
    documentsToBring: readStringArray(record, 'documentsToBring'),
    service: readNamed(record, 'service'),
    office: { ...readNamed(record, 'office'), address: readString(office, 'address') },
    counter: readString(record, 'counter'),
    startsAt: readString(record, 'startsAt'),
    endsAt: readString(record, 'endsAt'),
  }
}

function parseAppointment(value: unknown): MyAppointment {
  const record = asRecord(value, 'appointment')
  return {
    ...parseAppointmentCore(record),
    reason: readString(record, 'reason'),
    notes: readString(record, 'notes'),
    contact: readString(record, 'contact'),
  }
}

function parseWaitlistEntry(value: unknown): WaitlistEntry {
  const record = asRecord(value, 'entry')
  return {
    id: readString(record, 'id'),
    status: readOneOf(record, 'status', WAITLIST_STATUSES),
    service: readNamed(record, 'service'),
    office: readNamed(record, 'office'),
    date: readString(record, 'date'),
    position: record.position === null ? null : readNumber(record, 'position'),
    offeredCode: readNullableString(record, 'offeredCode'),
    createdAt: readString(record, 'createdAt'),
  }
}

export const APPOINTMENTS_KEY = ['appointments'] as const
const MINE_KEY = [...APPOINTMENTS_KEY, 'mine'] as const
const WAITLIST_KEY = [...APPOINTMENTS_KEY, 'waitlist'] as const
const SLOTS_KEY = [...APPOINTMENTS_KEY, 'slots'] as const

export function useBookableServices() {
  return useQuery({
    queryKey: [...APPOINTMENTS_KEY, 'services'],
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/appointments/services',
        signal,
        parse: (value) => readList(value, 'services', parseService),
      }),
  })
}

function slotsRequest(serviceId: string, officeId: string, date: string, signal: AbortSignal) {
  const query = new URLSearchParams({ service: serviceId, office: officeId, date, limit: '200' })
  return apiRequest({
    path: `/appointments/slots?${query}`,
    signal,
    parse: (value) => readList(asRecord(value, 'slots').slots, 'slots', parseSlot),
  })
}

/** The free times of each listed day at one office; slots move quickly, so they are never cached long. */
export function useFreeSlotsByDay(serviceId: string, officeId: string, dates: readonly string[]) {
  return useQueries({
    queries: dates.map((date) => ({
      queryKey: [...SLOTS_KEY, serviceId, officeId, date],
      staleTime: 30_000,
      queryFn: ({ signal }: { signal: AbortSignal }) => slotsRequest(serviceId, officeId, date, signal),
    })),
  })
}

/**
 * Whether a start is still free, read afresh: after a refusal it tells a time taken meanwhile
 * (choose another) from a refusal for another reason (the server's words say which).
 */
export function useIsStillFree() {
  const queryClient = useQueryClient()
  return async (slot: { serviceId: string; officeId: string; date: string; start: string }) => {
    const slots = await queryClient.fetchQuery({
      queryKey: [...SLOTS_KEY, slot.serviceId, slot.officeId, slot.date],
      staleTime: 0,
      queryFn: ({ signal }) => slotsRequest(slot.serviceId, slot.officeId, slot.date, signal),
    })
    return slots.some((entry) => entry.startsAt === slot.start)
  }
}

export function useMyAppointments() {
  return useQuery({
    queryKey: MINE_KEY,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/appointments',
        signal,
        parse: (value) => readList(value, 'appointments', parseAppointment),
      }),
  })
}

export function useMyWaitlist() {
  return useQuery({
    queryKey: WAITLIST_KEY,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/appointments/waitlist',
        signal,
        parse: (value) => readList(value, 'waitlist', parseWaitlistEntry),
      }),
  })
}

/** After any change, the citizen's lists and the free times are read again. */
export function useRefreshAppointments() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: APPOINTMENTS_KEY })
}

export function useBookAppointment() {
  const refresh = useRefreshAppointments()
  return useMutation({
    mutationFn: (input: BookingInput) =>
      apiRequest({ path: '/appointments', method: 'POST', body: input, parse: parseBooked }),
    onSettled: refresh,
  })
}

const bookingAction = (code: string, action: 'cancel' | 'reschedule' | 'accept') =>
  `/appointments/${encodeURIComponent(code)}/${action}`

export function useCancelAppointment() {
  const refresh = useRefreshAppointments()
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest({ path: bookingAction(code, 'cancel'), method: 'POST', parse: parseBooked }),
    onSettled: refresh,
  })
}

export function useRescheduleAppointment() {
  const refresh = useRefreshAppointments()
  return useMutation({
    mutationFn: ({ code, start }: { code: string; start: string }) =>
      apiRequest({
        path: bookingAction(code, 'reschedule'),
        method: 'POST',
        body: { start },
        parse: parseBooked,
      }),
    onSettled: refresh,
  })
}

export function useAcceptOffer() {
  const refresh = useRefreshAppointments()
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest({ path: bookingAction(code, 'accept'), method: 'POST', parse: parseBooked }),
    onSettled: refresh,
  })
}

export function useJoinWaitlist() {
  const refresh = useRefreshAppointments()
  return useMutation({
    mutationFn: (input: { service: string; office: string; date: string }) =>
      apiRequest({ path: '/appointments/waitlist', method: 'POST', body: input, parse: parseWaitlistEntry }),
    onSettled: refresh,
  })
}

export function useLeaveWaitlist() {
  const refresh = useRefreshAppointments()
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest({
        path: `/appointments/waitlist/${encodeURIComponent(id)}`,
        method: 'DELETE',
        parse: () => undefined,
      }),
    onSettled: refresh,
  })
}
