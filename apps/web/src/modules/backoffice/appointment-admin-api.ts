import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest, type HttpMethod } from '../../app/api/api-client'
import {
  asRecord,
  readList,
  readNullableString,
  readNumber,
  readString,
  readStringArray,
} from '../../app/api/parse'
import type { SignedInSession } from '../../app/session/session-api'

const BASE = '/staff/appointments/admin'
const ADMIN_KEY = ['appointment-admin'] as const

export interface AdminCounter {
  id: string
  name: string
  serviceIds: string[]
}

export interface AdminOffice {
  id: string
  name: string
  address: string
  accessibilityNotes: string
  counters: AdminCounter[]
  futureBookings: number
}

export interface AdminService {
  id: string
  name: string
  durationMinutes: number
  documentsToBring: string[]
  maxActivePerCitizen: number
  minNoticeHours: number
  maxDaysAhead: number
  futureBookings: number
}

export interface HoursRange {
  weekday: number
  opensAt: string
  closesAt: string
}

export interface AdminClosure {
  id: string
  officeId: string | null
  officeName: string | null
  fromDate: string
  toDate: string
  reason: string
}

export type OfficeInput = Pick<AdminOffice, 'name' | 'address' | 'accessibilityNotes'>
export type ServiceInput = Omit<AdminService, 'id' | 'futureBookings'>
export type CounterInput = Pick<AdminCounter, 'name' | 'serviceIds'>
export type ClosureInput = Omit<AdminClosure, 'id' | 'officeName'>

/** Administrators change offices, services and hours; supervisors may look, as the server allows. */
export function isCalendarReader(session: SignedInSession): boolean {
  return session.kind === 'staff' && (session.roles.includes('admin') || session.roles.includes('supervisor'))
}

export function isCalendarAdministrator(session: SignedInSession): boolean {
  return session.kind === 'staff' && session.roles.includes('admin')
}

function parseCounter(value: unknown): AdminCounter {
  const record = asRecord(value, 'counter')
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    serviceIds: readStringArray(record, 'serviceIds'),
  }
}

function parseOffice(value: unknown): AdminOffice {
  const record = asRecord(value, 'office')
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    address: readString(record, 'address'),
    accessibilityNotes: readString(record, 'accessibilityNotes'),
    counters: readList(record.counters, 'counters', parseCounter),
    futureBookings: readNumber(record, 'futureBookings'),
  }
}

function parseService(value: unknown): AdminService {
  const record = asRecord(value, 'service')
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    durationMinutes: readNumber(record, 'durationMinutes'),
    documentsToBring: readStringArray(record, 'documentsToBring'),
    maxActivePerCitizen: readNumber(record, 'maxActivePerCitizen'),
    minNoticeHours: readNumber(record, 'minNoticeHours'),
    maxDaysAhead: readNumber(record, 'maxDaysAhead'),
    futureBookings: readNumber(record, 'futureBookings'),
  }
}

function parseRange(value: unknown): HoursRange {
  const record = asRecord(value, 'range')
  return {
    weekday: readNumber(record, 'weekday'),
    opensAt: readString(record, 'opensAt'),
    closesAt: readString(record, 'closesAt'),
  }
}

function parseClosure(value: unknown): AdminClosure & { bookingsOnClosedDays?: number } {
  const record = asRecord(value, 'closure')
  return {
    id: readString(record, 'id'),
    officeId: readNullableString(record, 'officeId'),
    officeName: readNullableString(record, 'officeName'),
    fromDate: readString(record, 'fromDate'),
    toDate: readString(record, 'toDate'),
    reason: readString(record, 'reason'),
    bookingsOnClosedDays:
      typeof record.bookingsOnClosedDays === 'number' ? record.bookingsOnClosedDays : undefined,
  }
}

export function useAdminOffices() {
  return useQuery({
    queryKey: [...ADMIN_KEY, 'offices'],
    queryFn: ({ signal }) =>
      apiRequest({ path: `${BASE}/offices`, signal, parse: (v) => readList(v, 'offices', parseOffice) }),
  })
}

export function useAdminServices() {
  return useQuery({
    queryKey: [...ADMIN_KEY, 'services'],
    queryFn: ({ signal }) =>
      apiRequest({ path: `${BASE}/services`, signal, parse: (v) => readList(v, 'services', parseService) }),
  })
}

export function useOfficeHours(officeId: string | undefined) {
  return useQuery({
    queryKey: [...ADMIN_KEY, 'hours', officeId],
    enabled: officeId !== undefined,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `${BASE}/offices/${officeId}/hours`,
        signal,
        parse: (v) =>
          readList(v, 'hours', (item) => {
            const record = asRecord(item, 'service hours')
            return {
              serviceId: readString(record, 'serviceId'),
              ranges: readList(record.ranges, 'ranges', parseRange),
            }
          }),
      }),
  })
}

export function useAdminClosures() {
  return useQuery({
    queryKey: [...ADMIN_KEY, 'closures'],
    queryFn: ({ signal }) =>
      apiRequest({ path: `${BASE}/closures`, signal, parse: (v) => readList(v, 'closures', parseClosure) }),
  })
}

/**
 * One change to the calendar; afterwards every list of this page is read again (a new counter
 * changes an office, a deleted service changes counters and hours).
 */
function useCalendarChange<I, T>(
  request: (input: I) => { path: string; method: HttpMethod; body?: unknown },
  parse: (value: unknown) => T,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: I) => apiRequest({ ...request(input), parse }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADMIN_KEY }),
  })
}

const nothing = () => undefined

export function useSaveOffice() {
  return useCalendarChange(
    ({ id, ...body }: OfficeInput & { id?: string }) =>
      id
        ? { path: `${BASE}/offices/${id}`, method: 'PUT', body }
        : { path: `${BASE}/offices`, method: 'POST', body },
    parseOffice,
  )
}

export function useDeleteOffice() {
  return useCalendarChange((id: string) => ({ path: `${BASE}/offices/${id}`, method: 'DELETE' }), nothing)
}

export function useSaveCounter() {
  return useCalendarChange(
    ({ id, officeId, ...body }: CounterInput & { id?: string; officeId: string }) =>
      id
        ? { path: `${BASE}/counters/${id}`, method: 'PUT', body }
        : { path: `${BASE}/offices/${officeId}/counters`, method: 'POST', body },
    parseCounter,
  )
}

export function useDeleteCounter() {
  return useCalendarChange((id: string) => ({ path: `${BASE}/counters/${id}`, method: 'DELETE' }), nothing)
}

export function useSaveService() {
  return useCalendarChange(
    ({ id, ...body }: ServiceInput & { id?: string }) =>
      id
        ? { path: `${BASE}/services/${id}`, method: 'PUT', body }
        : { path: `${BASE}/services`, method: 'POST', body },
    parseService,
  )
}

export function useDeleteService() {
  return useCalendarChange((id: string) => ({ path: `${BASE}/services/${id}`, method: 'DELETE' }), nothing)
}

export function useSaveHours() {
  return useCalendarChange(
    ({ officeId, serviceId, ranges }: { officeId: string; serviceId: string; ranges: HoursRange[] }) => ({
      path: `${BASE}/offices/${officeId}/hours/${serviceId}`,
      method: 'PUT',
      body: { ranges },
    }),
    (value) => readNumber(asRecord(value, 'hours'), 'bookingsOutsideHours'),
  )
}

export function useAddClosure() {
  return useCalendarChange(
    (body: ClosureInput) => ({ path: `${BASE}/closures`, method: 'POST', body }),
    parseClosure,
  )
}

export function useRemoveClosure() {
  return useCalendarChange((id: string) => ({ path: `${BASE}/closures/${id}`, method: 'DELETE' }), nothing)
}
